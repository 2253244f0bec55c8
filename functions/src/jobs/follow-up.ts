import { type TellPorts, tell } from '../app/notifications/tell';
import { type Booking, followUp } from '../domain/booking/booking';
import { bookingPage } from '../domain/deep-link';
import type { BookingStore } from '../ports/bookings';
import type { CalendarPort } from '../ports/calendar';
import type { PairStore } from '../ports/pairs';
import type { ProgrammeStore } from '../ports/programmes';
import { StaleVersionError, type Versioned } from '../ports/versioned';

export interface FollowUpDeps {
  bookings: BookingStore;
  calendar: CalendarPort;
  now(): Date;
  /** Where HR's `pairDeclined` notices go; without it, the follow-up tells nobody. */
  notices?: Omit<TellPorts, 'now'> & {
    pairs: Pick<PairStore, 'get'>;
    programmes: Pick<ProgrammeStore, 'get'>;
  };
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
    return next.flags.length > 0 ? 'flagged' : 'checked';
  }
  await tellDeclines(deps, next);
  return next.flags.length > 0 ? 'flagged' : 'checked';
}

/**
 * The programme's HR owners learn that a member declined the series (`pairDeclined`), opening the
 * booking section. Every round that still sees the decline stores the same key again, so the
 * notice is stored once, and a round that crashed before this step is made good by the next.
 */
async function tellDeclines(deps: FollowUpDeps, booking: Booking): Promise<void> {
  const declined = booking.flags.filter((f) => f.code === 'declined');
  if (!deps.notices || declined.length === 0) return;
  const { notices } = deps;
  const [pair, programme] = await Promise.all([
    notices.pairs.get(booking.pairId),
    notices.programmes.get(booking.programmeId),
  ]);
  if (!pair || !programme) return;
  for (const flag of declined) {
    await tell({ ...notices, now: deps.now }, programme.value, {
      moment: 'pairDeclined',
      to: programme.value.owners,
      subject: `${booking.pairId}/${flag.who}`,
      page: bookingPage(programme.value.id),
      facts: { person: pair.value[flag.who].name, programme: programme.value.name },
    });
  }
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
