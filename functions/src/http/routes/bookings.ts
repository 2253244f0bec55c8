import type { Booking } from '../../domain/booking/booking';
import { type BookingView, ProgrammeIdParams } from '../contracts';
import { HttpProblem } from '../problems';
import { type AnyRoute, defineRoute } from '../route';

/** What HR sees of a booking: its state and the follow-up, nothing of the pair's notes. */
function view(booking: Booking): BookingView {
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
    })),
    responses: booking.responses,
    flags: booking.flags,
    attempts: booking.attempts,
    lastError: booking.lastError,
    updatedAt: booking.updatedAt,
  };
}

/** HR follows booking live: each pair's series, answers, moved sessions and what needs a look. */
export const bookingRoutes: AnyRoute[] = [
  defineRoute({
    name: 'list-bookings',
    method: 'GET',
    path: '/programmes/:programmeId/bookings',
    access: 'admin',
    request: { params: ProgrammeIdParams },
    handler: async ({ services, params }) => {
      if (!(await services.programmes.get(params.programmeId))) {
        throw new HttpProblem(404, 'No such programme.');
      }
      const bookings = await services.bookings.listByProgramme(params.programmeId);
      const value = bookings
        .map((b) => view(b.value))
        .sort((a, b) => a.pairId.localeCompare(b.pairId));
      return { body: { value } };
    },
  }),
];
