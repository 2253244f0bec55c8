import { type BookPairPorts, bookPair as bookPairSteps } from '../app/booking/book-pair';
import { endPair } from '../app/ending/end-pair';
import type { Booking } from '../domain/booking/booking';
import type { BookingQueue } from '../ports/booking-queue';
import type { BookingStore } from '../ports/bookings';
import type { CalendarPort } from '../ports/calendar';
import type { DirectoryRefresh, DirectorySnapshot } from '../ports/directory';
import { ThrottledError } from '../ports/throttled';

/** What a `booking` queue message needs: booking's ports and ending's (the same queue ends pairs). */
export type BookingDeps = BookPairPorts & {
  bookings: BookingStore;
  directory: DirectorySnapshot;
  directorySync: DirectoryRefresh;
  calendar: CalendarPort;
};

/**
 * A pair taken from the `booking` queue, run to the end: a pair whose end was asked for is ended
 * (`app/ending/end-pair.ts`, never booked), any other is booked (`app/booking/book-pair.ts`). Answers
 * the booking as stored; a pair not confirmed (yet) is an error, so the queue tries it again.
 */
export async function bookPair(deps: BookingDeps, pairId: string): Promise<Booking> {
  const asked = await deps.bookings.get(pairId);
  if (asked?.value.ending || asked?.value.status === 'ended') {
    return (await endPair(deps, pairId))?.booking ?? asked.value;
  }
  const result = await bookPairSteps(deps, pairId);
  if (result.ok) return result.value;
  if (result.reason.code === 'noConfirmedPair') throw new Error(`No confirmed pair ${pairId}`);
  return result.reason.booking;
}

/**
 * A pair taken from the `booking` queue: booked, or — when Graph asks to wait longer than a
 * request sleeps (ports/throttled.ts) — handed back to the queue as a fresh message that stays
 * hidden for the wait. A fresh message, not the same one made invisible: waiting is no failed try,
 * and five of them must not send the pair to `booking-poison`.
 */
export async function bookFromQueue(
  pairId: string,
  deps: { book(pairId: string): Promise<unknown>; queue: BookingQueue },
): Promise<{ handedBackForSeconds?: number }> {
  try {
    await deps.book(pairId);
    return {};
  } catch (error) {
    if (!(error instanceof ThrottledError)) throw error;
    await deps.queue.enqueue(pairId, { delaySeconds: error.retryAfterSeconds });
    return { handedBackForSeconds: error.retryAfterSeconds };
  }
}
