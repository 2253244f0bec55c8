import type { Booking } from '../../domain/booking/booking';
import type { SessionProblem } from '../../domain/booking/session-refusal';
import { pairPage } from '../../domain/deep-link';
import { ok, type Result, refused } from '../../domain/result';
import {
  type Alternative,
  occurrenceBounds,
  type ParticipantInput,
  proposeAlternatives,
} from '../../domain/schedule';
import type { BookingStore } from '../../ports/bookings';
import { type CalendarPort, OccurrenceBoundaryError } from '../../ports/calendar';
import type { PairStore } from '../../ports/pairs';
import type { ProgrammeStore } from '../../ports/programmes';
import { StaleVersionError, type Versioned } from '../../ports/versioned';
import { type TellPorts, tell } from '../notifications/tell';

/** Only what moving a session reads and writes: the booking, both calendars, the time. */
export interface SessionDeps {
  bookings: Pick<BookingStore, 'get' | 'replace'>;
  calendar: Pick<CalendarPort, 'availability' | 'moveOccurrence'>;
  now(): Date;
}

/** Moving a session also tells the other person: the pair, its programme and the outbox. */
export interface MoveDeps extends SessionDeps, Omit<TellPorts, 'now'> {
  pairs: Pick<PairStore, 'get'>;
  programmes: Pick<ProgrammeStore, 'get'>;
}

const DAY = 86_400_000;
/** The window searched either side of the session (PRODUCT rule 5: a session moves, the series stays). */
const SEARCH_DAYS = 7;

type Found = { booking: Versioned<Booking>; index: number };

async function bookedSession(
  deps: SessionDeps,
  pairId: string,
  index: number,
): Promise<Found | SessionProblem> {
  const booking = await deps.bookings.get(pairId);
  if (booking?.value.status !== 'booked') return { code: 'notBooked' };
  const at = booking.value.sessions.findIndex((s) => s.index === index);
  const session = booking.value.sessions[at];
  if (!session?.occurrenceId) return { code: 'noSuchSession' };
  if (session.status === 'cancelled') return { code: 'sessionCancelled' };
  if (Date.parse(session.start) <= deps.now().getTime()) return { code: 'sessionPast' };
  return { booking, index: at };
}

/** Free slots near one session, inside both people's working days and free in both calendars. */
export async function sessionAlternatives(
  deps: SessionDeps,
  pairId: string,
  index: number,
): Promise<Result<Alternative[], SessionProblem>> {
  const found = await bookedSession(deps, pairId, index);
  if ('code' in found) return refused(found);
  const booking = found.booking.value;
  const session = booking.sessions[found.index]!;
  const { mentor, mentee } = booking.attendees;
  if (!mentor || !mentee) return refused({ code: 'notBooked' });
  const availability = await deps.calendar.availability(
    booking.organizer,
    [mentor, mentee],
    new Date(Date.parse(session.start) - (SEARCH_DAYS + 1) * DAY),
    new Date(Date.parse(session.end) + (SEARCH_DAYS + 1) * DAY),
  );
  const participant = (address: string): ParticipantInput | undefined => {
    const a = availability.find((x) => x.address.toLowerCase() === address);
    if (!a?.workingHours) return undefined;
    return {
      id: address,
      ...(a.workingHours.timeZone ? { timeZone: a.workingHours.timeZone } : {}),
      workingHours: a.workingHours,
      entries: a.entries,
      ...(a.busy ? { busy: a.busy } : {}),
    };
  };
  const mentorInput = participant(mentor);
  const menteeInput = participant(mentee);
  if (!mentorInput || !menteeInput) return refused({ code: 'notBooked' });
  // Only slots Outlook accepts: after the previous session's day, before the next one's.
  const bounds = occurrenceBounds(
    booking.sessions,
    session.index,
    booking.plan?.recurrenceZone.iana ?? 'UTC',
  );
  const now = deps.now().toISOString();
  const result = proposeAlternatives({
    mentor: mentorInput,
    mentee: menteeInput,
    session: { start: session.start, end: session.end },
    daysBefore: SEARCH_DAYS,
    daysAfter: SEARCH_DAYS,
    notBefore: bounds.notBefore && bounds.notBefore > now ? bounds.notBefore : now,
    ...(bounds.notAfter ? { notAfter: bounds.notAfter } : {}),
    limit: 8,
  });
  return result.ok ? ok(result.alternatives) : refused(result.reason);
}

/**
 * Moves one session to a slot that is free for both (it becomes an exception in the series; the
 * series stays) and records it, so HR's follow-up shows it as moved.
 */
export async function moveSession(
  deps: MoveDeps,
  pairId: string,
  index: number,
  start: string,
  /** The member who moves it (Entra object id): the other one is told. */
  by: string,
): Promise<Result<Booking, SessionProblem>> {
  const proposed = await sessionAlternatives(deps, pairId, index);
  if (!proposed.ok) return proposed;
  const slot = proposed.value.find((a) => Date.parse(a.start) === Date.parse(start));
  if (!slot) return refused({ code: 'slotNotFree' });
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await bookedSession(deps, pairId, index);
    if ('code' in found) return refused(found);
    const booking = found.booking.value;
    const session = booking.sessions[found.index]!;
    try {
      await deps.calendar.moveOccurrence(
        booking.organizer,
        session.occurrenceId!,
        new Date(slot.start),
        new Date(slot.end),
      );
    } catch (error) {
      // Outlook says it crosses a neighbour (one moved meanwhile): a refusal, never a 500.
      if (error instanceof OccurrenceBoundaryError) {
        return refused({ code: 'occurrenceBoundary' });
      }
      throw error;
    }
    const sessions = booking.sessions.map((s, i) =>
      i === found.index ? { ...s, start: slot.start, end: slot.end, status: 'moved' as const } : s,
    );
    try {
      const saved = await deps.bookings.replace(
        { ...booking, sessions, updatedAt: deps.now().toISOString() },
        found.booking.etag,
      );
      await tellOtherMember(deps, booking, session.index, by, session.start, slot.start);
      return ok(saved.value);
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }
  throw new StaleVersionError('This booking');
}

/**
 * The other member of the pair learns who moved which session where (`sessionMoved`), opening
 * that session on the pair's page. Keyed by the session and its new start: each move is its own
 * notice, and the step repeated stores it once. A crash between the save and this step loses the
 * notice (the move stands, HR's follow-up shows it as moved): the move is not replayed.
 */
async function tellOtherMember(
  deps: MoveDeps,
  booking: Booking,
  index: number,
  by: string,
  from: string,
  to: string,
): Promise<void> {
  const [pair, programme] = await Promise.all([
    deps.pairs.get(booking.pairId),
    deps.programmes.get(booking.programmeId),
  ]);
  if (!pair || !programme) return;
  const { mentor, mentee } = pair.value;
  const [mover, other] = by === mentor.id ? [mentor, mentee] : [mentee, mentor];
  await tell({ ...deps, now: deps.now }, programme.value, {
    moment: 'sessionMoved',
    to: [other.id],
    subject: `${booking.pairId}/sessions/${index}/${to}`,
    page: `${pairPage(booking.pairId)}/sessions/${index}`,
    facts: { person: mover.name, date: from, newDate: to },
  });
}
