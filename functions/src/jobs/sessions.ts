import type { Booking } from '../domain/booking/booking';
import {
  type Alternative,
  type AlternativesRefusal,
  occurrenceBounds,
  type ParticipantInput,
  proposeAlternatives,
} from '../domain/schedule';
import type { BookingQueue } from '../ports/booking-queue';
import type { BookingStore } from '../ports/bookings';
import { type CalendarPort, OccurrenceBoundaryError } from '../ports/calendar';
import { StaleVersionError, type Versioned } from '../ports/versioned';
import { endPair, requestEnd } from './end-pair';

export interface SessionDeps {
  bookings: BookingStore;
  calendar: CalendarPort;
  now(): Date;
}

const DAY = 86_400_000;
/** The window searched either side of the session (PRODUCT rule 5: a session moves, the series stays). */
const SEARCH_DAYS = 7;

export type SessionProblem =
  | { code: 'notBooked' }
  | { code: 'noSuchSession' }
  | { code: 'sessionCancelled' }
  | { code: 'sessionPast' }
  | { code: 'slotNotFree' }
  | { code: 'occurrenceBoundary' }
  | AlternativesRefusal;

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
): Promise<{ ok: true; alternatives: Alternative[] } | { ok: false; reason: SessionProblem }> {
  const found = await bookedSession(deps, pairId, index);
  if ('code' in found) return { ok: false, reason: found };
  const booking = found.booking.value;
  const session = booking.sessions[found.index]!;
  const { mentor, mentee } = booking.attendees;
  if (!mentor || !mentee) return { ok: false, reason: { code: 'notBooked' } };
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
  if (!mentorInput || !menteeInput) return { ok: false, reason: { code: 'notBooked' } };
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
  return result.ok ? result : { ok: false, reason: result.reason };
}

/**
 * Moves one session to a slot that is free for both (it becomes an exception in the series; the
 * series stays) and records it, so HR's follow-up shows it as moved.
 */
export async function moveSession(
  deps: SessionDeps,
  pairId: string,
  index: number,
  start: string,
): Promise<{ ok: true; booking: Booking } | { ok: false; reason: SessionProblem }> {
  const proposed = await sessionAlternatives(deps, pairId, index);
  if (!proposed.ok) return proposed;
  const slot = proposed.alternatives.find((a) => Date.parse(a.start) === Date.parse(start));
  if (!slot) return { ok: false, reason: { code: 'slotNotFree' } };
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await bookedSession(deps, pairId, index);
    if ('code' in found) return { ok: false, reason: found };
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
        return { ok: false, reason: { code: 'occurrenceBoundary' } };
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
      return { ok: true, booking: saved.value };
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }
  throw new StaleVersionError('This booking');
}

/**
 * HR ends a pair early: the end is stored and queued (so a crash is resumed by the queue), then
 * done at once so HR sees the outcome (jobs/end-pair.ts; a second run finds it ended).
 */
export async function endSeries(
  deps: SessionDeps & { organizer: string; queue: BookingQueue },
  pairId: string,
  reason: string,
): Promise<
  { ok: true; booking: Booking; cancelled: number } | { ok: false; reason: SessionProblem }
> {
  const booking = await deps.bookings.get(pairId);
  // Ended already: nothing to do, and HR is told so (a resumed end, not yet ended, finishes).
  if (!booking || booking.value.status === 'ended')
    return { ok: false, reason: { code: 'notBooked' } };
  const pair = { id: pairId, programmeId: booking.value.programmeId };
  const asked = await requestEnd(deps, pair, reason, { onlyIfBooked: true });
  if (!asked.ok) return asked;
  await deps.queue.enqueue(pairId);
  const ended = await endPair(deps, pairId);
  if (!ended) return { ok: false, reason: { code: 'notBooked' } };
  return { ok: true, ...ended };
}
