import { type Booking, newBooking, sessionAhead } from '../../domain/booking/booking';
import { pairLanguage, programmeClosedComment } from '../../domain/booking/invitation';
import type { BookingQueue } from '../../ports/booking-queue';
import type { BookingStore } from '../../ports/bookings';
import type { CalendarPort } from '../../ports/calendar';
import type { DirectorySnapshot } from '../../ports/directory';
import type { PairStore } from '../../ports/pairs';
import { StaleVersionError, type Versioned } from '../../ports/versioned';

/**
 * Ending a pair (HR ends it, or closes its programme): every session still ahead is cancelled in
 * the organiser's calendar, so both attendees get Outlook's cancellation with the reason; the
 * sessions held stay. It runs like booking: the wish to end is stored on the booking first
 * (`ending`), then the `booking` queue runs `endPair`, which is safe to run again at any point.
 *
 * Each future occurrence is cancelled with `POST /users/{organiser}/events/{occurrenceId}/cancel`:
 * "the organizer can also cancel an occurrence of a recurring meeting by providing the occurrence
 * event ID" and "send a custom message to the attendees about the cancellation"
 * (https://learn.microsoft.com/graph/api/event-cancel). Truncating the series'
 * `recurrence.range.endDate` instead (https://learn.microsoft.com/graph/api/event-update) would
 * send both an updated series, not a cancellation with our reason. A resumed run reads the
 * occurrences ahead from Graph first (`…/instances`,
 * https://learn.microsoft.com/graph/api/event-list-instances) and cancels only those still there
 * and not cancelled; an occurrence already gone answers 404 to cancel, which the adapter takes as
 * done. So nothing is cancelled twice, even when the crash fell between Graph's answer and our save.
 */
export interface EndDeps {
  bookings: BookingStore;
  calendar: CalendarPort;
  now(): Date;
}

const DAY = 86_400_000;

export type EndRequest =
  | { ok: true; booking: Booking }
  | { ok: false; reason: { code: 'notBooked' } };

/** Booking statuses that leave nothing to cancel and nothing to book: ended or refused. */
function settled(booking: Booking): boolean {
  return booking.status === 'ended' || booking.status === 'refused';
}

/** Re-reads and applies `change` until the ETag holds (the follow-up may write meanwhile). */
async function update(
  bookings: BookingStore,
  pairId: string,
  change: (booking: Booking) => Booking,
): Promise<Versioned<Booking>> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const found = await bookings.get(pairId);
    if (!found) throw new Error(`No booking for pair ${pairId}`);
    try {
      return await bookings.replace(change(found.value), found.etag);
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }
  throw new StaleVersionError('This booking');
}

/**
 * Stores the wish to end the pair (idempotent: an end already asked for keeps its first reason).
 * A pair confirmed but not booked yet gets an `ended` booking, so booking never creates its series.
 */
export async function requestEnd(
  deps: Pick<EndDeps, 'bookings' | 'now'> & { organizer: string },
  pair: { id: string; programmeId: string },
  reason: string,
  options: { onlyIfBooked?: boolean } = {},
): Promise<EndRequest> {
  const now = deps.now().toISOString();
  const existing = await deps.bookings.get(pair.id);
  if (!existing) {
    if (options.onlyIfBooked) return { ok: false, reason: { code: 'notBooked' } };
    const booking: Booking = {
      ...newBooking(pair, deps.organizer, deps.now()),
      status: 'ended',
      ending: { reason, requestedAt: now },
    };
    try {
      return { ok: true, booking: (await deps.bookings.create(booking)).value };
    } catch {
      // Booking created it meanwhile: fall through and mark that one.
    }
  }
  const current = existing ?? (await deps.bookings.get(pair.id));
  if (!current) throw new Error(`No booking for pair ${pair.id}`);
  if (settled(current.value) && !current.value.ending) {
    return { ok: false, reason: { code: 'notBooked' } };
  }
  if (options.onlyIfBooked && current.value.status !== 'booked' && !current.value.ending) {
    return { ok: false, reason: { code: 'notBooked' } };
  }
  if (current.value.ending) return { ok: true, booking: current.value };
  const saved = await update(deps.bookings, pair.id, (b) =>
    b.ending || settled(b) ? b : { ...b, ending: { reason, requestedAt: now }, updatedAt: now },
  );
  return { ok: true, booking: saved.value };
}

/**
 * Cancels the sessions ahead of a booking whose end was asked for, and marks it `ended`. Safe to
 * repeat: an ended booking is left alone; a half-done run is finished; each occurrence is
 * cancelled once.
 */
export async function endPair(
  deps: EndDeps,
  pairId: string,
): Promise<{ booking: Booking; cancelled: number } | undefined> {
  const found = await deps.bookings.get(pairId);
  if (!found?.value.ending) return undefined;
  if (found.value.status === 'ended') return { booking: found.value, cancelled: 0 };
  const { reason } = found.value.ending;
  const booking = found.value;
  const now = deps.now();
  let cancelled = 0;
  const ahead = booking.sessions.filter((s) => sessionAhead(s, now));
  if (booking.eventId && ahead.length > 0) {
    const last = Math.max(...booking.sessions.map((s) => Date.parse(s.end)));
    // What Graph still holds ahead: the truth a resumed run starts from.
    const occurrences = await deps.calendar.instances(
      booking.organizer,
      booking.eventId,
      now,
      new Date(last + 30 * DAY),
    );
    for (const occurrence of occurrences) {
      if (occurrence.isCancelled || Date.parse(occurrence.start) <= now.getTime()) continue;
      await deps.calendar.cancel(booking.organizer, occurrence.id, reason);
      cancelled++;
      // Recorded at once: HR and the pair see the progress, and the next run skips it anyway.
      await update(deps.bookings, pairId, (b) => ({
        ...b,
        sessions: b.sessions.map((s) =>
          s.occurrenceId === occurrence.id || Date.parse(s.start) === Date.parse(occurrence.start)
            ? { ...s, status: 'cancelled' as const }
            : s,
        ),
        updatedAt: deps.now().toISOString(),
      }));
    }
  }
  const ended = await update(deps.bookings, pairId, (b) => ({
    ...b,
    status: 'ended',
    sessions: b.sessions.map((s) =>
      sessionAhead(s, now) ? { ...s, status: 'cancelled' as const } : s,
    ),
    lastError: null,
    updatedAt: deps.now().toISOString(),
  }));
  return { booking: ended.value, cancelled };
}

export interface ProgrammeEndDeps {
  bookings: BookingStore;
  pairs: PairStore;
  directory: DirectorySnapshot;
  queue: BookingQueue;
  organizer: string;
  now(): Date;
}

/**
 * A programme closed: every pair's end is asked for and queued. Idempotent, so the sweep may call
 * it again for a closed programme whose close was interrupted; returns the pairs queued.
 */
export async function endProgrammePairs(
  deps: ProgrammeEndDeps,
  programme: { id: string; name: string },
): Promise<string[]> {
  const [pairs, bookings] = await Promise.all([
    deps.pairs.listByProgramme(programme.id),
    deps.bookings.listByProgramme(programme.id),
  ]);
  const bookingOf = new Map(bookings.map((b) => [b.value.pairId, b.value]));
  const queued: string[] = [];
  for (const { value: pair } of pairs) {
    const booking = bookingOf.get(pair.id);
    if (booking && (booking.status === 'ended' || booking.status === 'refused')) continue;
    const [mentor, mentee] = await Promise.all([
      deps.directory.get(pair.mentor.id),
      deps.directory.get(pair.mentee.id),
    ]);
    const language = pairLanguage(mentor?.preferredLanguage, mentee?.preferredLanguage);
    const asked = await requestEnd(
      deps,
      { id: pair.id, programmeId: programme.id },
      programmeClosedComment(programme.name, language),
    );
    if (asked.ok && asked.booking.status !== 'ended') {
      await deps.queue.enqueue(pair.id);
      queued.push(pair.id);
    }
  }
  return queued;
}
