import type { SpaceEntry } from '../domain/pair-space/pair-space';
import type { Versioned } from './versioned';

/**
 * Each pair's space (agenda, notes, goals, activities, feedback), kept together: the pair page and
 * the Outlook pane read it whole. Every change quotes the ETag it read.
 */
export interface PairSpaceStore {
  list(pairId: string): Promise<Versioned<SpaceEntry>[]>;
  /** By the entry's key inside the pair (`entryKey`, `feedbackKey`). */
  get(pairId: string, key: string): Promise<Versioned<SpaceEntry> | undefined>;
  /** AlreadyExistsError when the key is taken. */
  create(entry: SpaceEntry): Promise<Versioned<SpaceEntry>>;
  /** Replaces only if still at `etag`; else StaleVersionError. */
  replace(entry: SpaceEntry, etag: string): Promise<Versioned<SpaceEntry>>;
  /** Deletes only if still at `etag`; else StaleVersionError. */
  remove(entry: SpaceEntry, etag: string): Promise<void>;
}
