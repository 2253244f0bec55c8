import type { Matching } from '../domain/matching-run/matching-run';
import type { Versioned } from './versioned';

/** A programme's matching: one versioned entity, so every HR decision quotes the ETag it read. */
export interface MatchingStore {
  get(programmeId: string): Promise<Versioned<Matching> | undefined>;
  /** The first run of a programme; AlreadyExistsError if another run got there first. */
  create(matching: Matching): Promise<Versioned<Matching>>;
  /** Replaces only if the ETag still matches; else StaleVersionError. */
  replace(matching: Matching, etag: string): Promise<Versioned<Matching>>;
}
