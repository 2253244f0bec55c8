import type { BookingQueue } from '../ports/booking-queue';
import type { BookingStore } from '../ports/bookings';
import type { PairStore } from '../ports/pairs';
import type { ProgrammeStore } from '../ports/programmes';

export interface SweepDeps {
  programmes: ProgrammeStore;
  pairs: PairStore;
  bookings: BookingStore;
  queue: BookingQueue;
  /** Ends a closed programme's pairs not ended yet (app/ending/end-pair.ts); the pairs queued. */
  endProgramme?(programme: { id: string; name: string }): Promise<string[]>;
  now(): Date;
}

const MINUTE = 60_000;
/** A confirmed pair with no booking after this long lost its queue message. */
export const STRANDED_AFTER_MS = 10 * MINUTE;

/** A failed booking (Graph kept failing) is tried again later and later: 5 min, 10, 20… ≤ 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5 * MINUTE * 2 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE);
}

/**
 * Makes sure every confirmed pair ends up booked: re-queues pairs whose queue message was lost (the
 * pair was stored but sending the message failed) and bookings that failed after Graph's retries
 * were spent. Refused bookings stay refused: a rule said no, and HR must act.
 */
export async function requeueBookings(deps: SweepDeps): Promise<{ requeued: string[] }> {
  const now = deps.now().getTime();
  const requeued: string[] = [];
  for (const { value: programme } of await deps.programmes.list()) {
    const closed = programme.status === 'closed';
    if (programme.status !== 'matching' && programme.status !== 'running' && !closed) continue;
    const [pairs, bookings] = await Promise.all([
      deps.pairs.listByProgramme(programme.id),
      deps.bookings.listByProgramme(programme.id),
    ]);
    const bookingOf = new Map(bookings.map((b) => [b.value.pairId, b.value]));
    if (closed) {
      // A close interrupted before every pair's end was queued, or an end whose message was lost.
      const open = pairs.some((p) => {
        const b = bookingOf.get(p.value.id);
        return !b || (b.status !== 'ended' && b.status !== 'refused');
      });
      if (open && deps.endProgramme) requeued.push(...(await deps.endProgramme(programme)));
      continue;
    }
    for (const { value: pair } of pairs) {
      const booking = bookingOf.get(pair.id);
      const stranded =
        !booking &&
        pair.status === 'confirmed' &&
        now - Date.parse(pair.updatedAt) >= STRANDED_AFTER_MS;
      const retry =
        booking?.status === 'failed' &&
        now - Date.parse(booking.updatedAt) >= retryDelayMs(booking.attempts);
      if (stranded || retry) {
        await deps.queue.enqueue(pair.id);
        requeued.push(pair.id);
      }
    }
  }
  return { requeued };
}
