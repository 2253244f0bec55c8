import type { Booking } from '../../domain/booking/booking';
import type { BookingView } from '../contracts';
import { endpoint } from '../endpoints';
import { HttpProblem } from '../problems';
import { type AnyRoute, defineRoute } from '../route';

/** What HR sees of a booking: its state and the follow-up, nothing of the pair's notes. */
function view(booking: Booking): Omit<BookingView, 'mentor' | 'mentee'> {
  return {
    pairId: booking.pairId,
    status: booking.status,
    refusal: booking.refusal,
    joinUrl: booking.joinUrl,
    sessions: booking.sessions.map((s) => ({
      index: s.index,
      start: s.start,
      end: s.end,
      status: s.status,
      clashes: s.clashes.length,
      outsidePreferences: s.outsidePreferences ?? [],
    })),
    responses: booking.responses,
    flags: booking.flags,
    attempts: booking.attempts,
    lastError: booking.lastError,
    updatedAt: booking.updatedAt,
  };
}

/** A confirmed pair whose booking has not started yet. */
function waiting(pairId: string, since: string): Omit<BookingView, 'mentor' | 'mentee'> {
  return {
    pairId,
    status: 'queued',
    refusal: null,
    joinUrl: null,
    sessions: [],
    responses: { mentor: 'none', mentee: 'none', checkedAt: null },
    flags: [],
    attempts: 0,
    lastError: null,
    updatedAt: since,
  };
}

/** HR follows booking live: each pair's series, answers, moved sessions and what needs a look. */
export const bookingRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('list-bookings'),
    access: 'admin',
    handler: async ({ services, params }) => {
      if (!(await services.programmes.get(params.programmeId))) {
        throw new HttpProblem(404, 'No such programme.');
      }
      const [pairs, bookings] = await Promise.all([
        services.pairs.listByProgramme(params.programmeId),
        services.bookings.listByProgramme(params.programmeId),
      ]);
      const bookingOf = new Map(bookings.map((b) => [b.value.pairId, b.value]));
      // Every confirmed pair, booked or not yet picked up by the booking job (then `queued`).
      const value = pairs
        .map(({ value: pair }) => {
          const booking = bookingOf.get(pair.id);
          return {
            ...(booking ? view(booking) : waiting(pair.id, pair.updatedAt)),
            mentor: pair.mentor,
            mentee: pair.mentee,
          };
        })
        .sort(
          (a, b) => a.mentee.name.localeCompare(b.mentee.name) || a.pairId.localeCompare(b.pairId),
        );
      return { body: { value } };
    },
  }),
];
