import type { Pair } from '../domain/pair/pair';
import type { Versioned } from './versioned';

/** Why storage refused to record a confirmed pair. */
export type PairRefusal =
  | { code: 'mentorFull'; capacity: number }
  | { code: 'menteeAlreadyPaired'; pairId: string | null };

export type PairConfirmation =
  | { ok: true; pair: Versioned<Pair> }
  | { ok: false; reason: PairRefusal };

/** Concurrent confirmations kept colliding on the same rows: the caller may simply try again. */
export class PairContentionError extends Error {}

/**
 * Confirmed pairs. `confirm` is the one place a mentor's capacity and a mentee's single pair per
 * programme are enforced, atomically, however many confirmations run at once.
 */
export interface PairStore {
  /**
   * Records a new pair if the mentor still has room under `capacity` and the mentee has no pair in
   * the programme yet; otherwise says which of the two stopped it. Never loses a concurrent update.
   */
  confirm(pair: Pair, capacity: number): Promise<PairConfirmation>;
  get(pairId: string): Promise<Versioned<Pair> | undefined>;
  listByProgramme(programmeId: string): Promise<Versioned<Pair>[]>;
  /** A person's pairs in the given programmes (as mentor or mentee). */
  listByMember(personId: string, programmeIds: readonly string[]): Promise<Versioned<Pair>[]>;
  /** Replaces only if the ETag still matches (booking moves the status); else StaleVersionError. */
  replace(pair: Pair, etag: string): Promise<Versioned<Pair>>;
}
