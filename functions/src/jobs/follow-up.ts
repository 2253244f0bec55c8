import { type Booking, followUp } from '../domain/booking/booking';
import type { BookingStore } from '../ports/bookings';
import type { CalendarPort } from '../ports/calendar';
import { StaleVersionError, type Versioned } from '../ports/versioned';

export interface FollowUpDeps {
  bookings: BookingStore;
  calendar: CalendarPort;
  now(): Date;
}

const DAY = 86_400_000;

/**
 * Follows one programme's booked series (PRODUCT rule 8): each person's answer to the invitation,
 * sessions moved or cancelled in Outlook; declines and long silences become flags HR sees.
 */
export async function followUpProgramme(
  deps: FollowUpDeps,
  programmeId: string,
): Promise<{ checked: number; flagged: number }> {
  let checked = 0;
  let flagged = 0;
  for (const versioned of await deps.bookings.listByProgramme(programmeId)) {
    const result = await followUpBooking(deps, versioned);
    if (result === 'skipped') continue;
    checked++;
    if (result === 'flagged') flagged++;
  }
  return { checked, flagged };
}

/**
 * Follows ONE booked series now: the hourly round does it for each booking, a change notification
 * (jobs/calendar-sync.ts) for the booking whose series changed. `skipped` when nothing is booked.
 */
export async function followUpBooking(
  deps: FollowUpDeps,
  { value: booking, etag }: Versioned<Booking>,
): Promise<'skipped' | 'checked' | 'flagged'> {
  if (booking.status !== 'booked' || !booking.eventId) return 'skipped';
  const next = await followOne(deps, booking);
  if (!next) return 'skipped';
  try {
    await deps.bookings.replace(next, etag);
  } catch (error) {
    // Booking changed it meanwhile: the next round reads it again.
    if (!(error instanceof StaleVersionError)) throw error;
  }
  return next.flags.length > 0 ? 'flagged' : 'checked';
}

async function followOne(deps: FollowUpDeps, booking: Booking): Promise<Booking | undefined> {
  const series = await deps.calendar.getSeries(booking.organizer, booking.eventId!);
  const first = booking.sessions[0];
  const last = booking.sessions.at(-1);
  const occurrences =
    series && !series.isCancelled && first && last
      ? await deps.calendar.instances(
          booking.organizer,
          booking.eventId!,
          new Date(Date.parse(first.start) - 60 * DAY),
          new Date(Date.parse(last.end) + 60 * DAY),
        )
      : [];
  const answer = (address: string | null) =>
    address ? series?.attendees.find((a) => a.address === address)?.response : undefined;
  return followUp(
    booking,
    {
      mentor: answer(booking.attendees.mentor),
      mentee: answer(booking.attendees.mentee),
      isCancelled: !series || series.isCancelled,
      occurrences: occurrences.filter((o) => !o.isCancelled),
    },
    deps.now(),
  ).booking;
}
