import type { Booking } from '../domain/booking/booking';
import type { SessionProblem } from '../domain/booking/session-refusal';
import type { Result } from '../domain/result';
import type { Alternative } from '../domain/schedule';

/**
 * Moving one session of a booked series (PRODUCT rule 5, docs/product.md), as the pair's members
 * do it, and ending pairs. The composition binds each to its use case (app/sessions) with the
 * calendar, which routes never reach themselves.
 */
export interface SessionMover {
  alternatives(pairId: string, index: number): Promise<Result<Alternative[], SessionProblem>>;
  /** `by`: the member who moves it (the other one is told). */
  move(
    pairId: string,
    index: number,
    start: string,
    by: string,
  ): Promise<Result<Booking, SessionProblem>>;
  /**
   * A programme closed: each of its pairs is ended through the booking queue (app/ending/end-pair.ts);
   * the pairs queued.
   */
  endProgramme(programme: { id: string; name: string }): Promise<string[]>;
  /** HR ends the pair early: the sessions ahead are cancelled. */
  end(
    pairId: string,
    reason: string,
  ): Promise<Result<{ booking: Booking; cancelled: number }, SessionProblem>>;
}
