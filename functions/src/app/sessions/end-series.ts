import type { Booking } from '../../domain/booking/booking';
import type { SessionProblem } from '../../domain/booking/session-refusal';
import { ok, type Result, refused } from '../../domain/result';
import type { BookingQueue } from '../../ports/booking-queue';
import { type EndDeps, endPair, requestEnd } from '../ending/end-pair';

export interface EndSeriesDeps extends EndDeps {
  organizer: string;
  queue: BookingQueue;
}

/**
 * HR ends a pair early: the end is stored and queued (so a crash is resumed by the queue), then
 * done at once so HR sees the outcome. The ending itself is the booking worker's story
 * (app/ending/end-pair.ts; a second run finds it ended).
 */
export async function endSeries(
  deps: EndSeriesDeps,
  pairId: string,
  reason: string,
): Promise<Result<{ booking: Booking; cancelled: number }, SessionProblem>> {
  const booking = await deps.bookings.get(pairId);
  // Ended already: nothing to do, and HR is told so (a resumed end, not yet ended, finishes).
  if (!booking || booking.value.status === 'ended') return refused({ code: 'notBooked' });
  const pair = { id: pairId, programmeId: booking.value.programmeId };
  const asked = await requestEnd(deps, pair, reason, { onlyIfBooked: true });
  if (!asked.ok) return refused(asked.reason);
  await deps.queue.enqueue(pairId);
  const ended = await endPair(deps, pairId);
  if (!ended) return refused({ code: 'notBooked' });
  return ok(ended);
}
