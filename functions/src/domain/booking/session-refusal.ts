import type { AlternativesRefusal } from '../schedule';

/**
 * Why one session of a booked series cannot be looked at or moved (PRODUCT rule 5,
 * docs/product.md: a session moves, the series stays), or why the pair cannot be ended.
 */
export type SessionProblem =
  | { code: 'notBooked' }
  | { code: 'noSuchSession' }
  | { code: 'sessionCancelled' }
  | { code: 'sessionPast' }
  | { code: 'slotNotFree' }
  | { code: 'occurrenceBoundary' }
  | AlternativesRefusal;
