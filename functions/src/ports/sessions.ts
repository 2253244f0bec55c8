import type { Booking } from '../domain/booking/booking';
import type { Alternative } from '../domain/schedule';
import type { SessionProblem } from '../jobs/sessions';

/** Moving one session of a booked series (PRODUCT rule 5), as the pair's members do it. */
export interface SessionMover {
  alternatives(
    pairId: string,
    index: number,
  ): Promise<{ ok: true; alternatives: Alternative[] } | { ok: false; reason: SessionProblem }>;
  move(
    pairId: string,
    index: number,
    start: string,
  ): Promise<{ ok: true; booking: Booking } | { ok: false; reason: SessionProblem }>;
  /**
   * A programme closed: each of its pairs is ended through the booking queue (jobs/end-pair.ts);
   * the pairs queued.
   */
  endProgramme(programme: { id: string; name: string }): Promise<string[]>;
  /** HR ends the pair early: the sessions ahead are cancelled. */
  end(
    pairId: string,
    reason: string,
  ): Promise<
    { ok: true; booking: Booking; cancelled: number } | { ok: false; reason: SessionProblem }
  >;
}
