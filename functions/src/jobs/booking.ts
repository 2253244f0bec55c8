import { randomUUID } from 'node:crypto';
import {
  type Booking,
  type BookingRefusal,
  newBooking,
  type SessionRecord,
  transactionIdFor,
} from '../domain/booking/booking';
import { invitation, pairLanguage } from '../domain/booking/invitation';
import {
  buildOrgChart,
  describeReportingLine,
  findReportingLine,
  type OrgPerson,
} from '../domain/hierarchy/hierarchy';
import { type ParticipantInput, planSeries, seriesWindowEnd } from '../domain/schedule';
import type { BookingQueue } from '../ports/booking-queue';
import type { BookingStore, BookingSubjects } from '../ports/bookings';
import type { CalendarPort } from '../ports/calendar';
import type { DirectoryPerson, DirectoryRefresh, DirectorySnapshot } from '../ports/directory';
import { ThrottledError } from '../ports/throttled';
import { StaleVersionError, type Versioned } from '../ports/versioned';
import { endPair } from './end-pair';

export interface BookingDeps {
  bookings: BookingStore;
  subjects: BookingSubjects;
  directory: DirectorySnapshot;
  directorySync: DirectoryRefresh;
  calendar: CalendarPort;
  /** The Tandem mailbox that organises every series. */
  organizer: string;
  /** Link from the invitation back to the pair in the tab. */
  pairUrl(pairId: string): string;
  now(): Date;
}

const DAY = 86_400_000;

/** The people above `id` in the snapshot, walked up one manager at a time (no full read). */
async function chainPeople(directory: DirectorySnapshot, id: string): Promise<OrgPerson[]> {
  const out: OrgPerson[] = [];
  const seen = new Set<string>();
  for (let at: string | null = id; at && !seen.has(at); ) {
    seen.add(at);
    const person: DirectoryPerson | undefined = await directory.get(at);
    if (!person) break;
    out.push({ id: person.id, managerId: person.managerId, displayName: person.displayName });
    at = person.managerId;
  }
  return out;
}

/**
 * Books one confirmed pair's whole series (PRODUCT rule 5), exactly once: safe to run again after
 * a crash, a redeploy or a retry at any step. Rule 1 is judged again against the directory as it
 * is now (a delta round first); a pair that fails it is refused, never booked.
 */
export async function bookPair(deps: BookingDeps, pairId: string): Promise<Booking> {
  // The same queue ends pairs (HR ended it or closed the programme): never book an ending pair.
  const asked = await deps.bookings.get(pairId);
  if (asked?.value.ending || asked?.value.status === 'ended') {
    return (await endPair(deps, pairId))?.booking ?? asked.value;
  }
  const subject = await deps.subjects.load(pairId);
  if (!subject) throw new Error(`No confirmed pair ${pairId}`);
  const { pair, programme } = subject;
  let current: Versioned<Booking> =
    (await deps.bookings.get(pairId)) ??
    (await createOrRead(deps, newBooking(pair, deps.organizer, deps.now())));
  if (['booked', 'refused', 'ended'].includes(current.value.status) || current.value.ending) {
    return current.value;
  }
  await deps.subjects.markPair(pairId, 'booking');

  const save = async (change: Partial<Booking>): Promise<Booking> => {
    current = await deps.bookings.replace(
      { ...current.value, ...change, updatedAt: deps.now().toISOString() },
      current.etag,
    );
    return current.value;
  };
  const refuse = async (refusal: BookingRefusal) => {
    const refused = await save({ status: 'refused', refusal, lastError: null });
    await deps.subjects.markPair(pairId, 'bookingFailed');
    return refused;
  };

  try {
    // Rule 1, read live: the directory as it is now, not as it was at matching.
    await deps.directorySync.refresh();
    const [mentor, mentee] = await Promise.all([
      deps.directory.get(pair.mentorId),
      deps.directory.get(pair.menteeId),
    ]);
    if (!mentor) return await refuse({ code: 'notInDirectory', personId: pair.mentorId });
    if (!mentee) return await refuse({ code: 'notInDirectory', personId: pair.menteeId });
    const org = buildOrgChart([
      ...(await chainPeople(deps.directory, mentor.id)),
      ...(await chainPeople(deps.directory, mentee.id)),
    ]);
    const line = findReportingLine(org, mentee.id, mentor.id, programme.hierarchyRule);
    if (line) {
      return await refuse({
        code: 'reportingLine',
        line: describeReportingLine(org, line).split(' → '),
      });
    }
    for (const person of [mentor, mentee]) {
      if (!person.mail) return await refuse({ code: 'noMailbox', personId: person.id });
    }

    // Resume: a series created by an earlier run is found again, never created twice.
    let series = current.value.eventId
      ? await deps.calendar.getSeries(deps.organizer, current.value.eventId)
      : undefined;

    if (!series || series.isCancelled) {
      const providers = await deps.calendar.onlineMeetingProviders(deps.organizer);
      if (!providers.includes('teamsForBusiness')) {
        return await refuse({ code: 'noTeamsMeetings', organizer: deps.organizer });
      }
      let plan = current.value.plan;
      let sessions = current.value.sessions;
      if (!plan) {
        const now = deps.now();
        const earliestStart = new Date(now.getTime() + DAY).toISOString().slice(0, 10);
        const end = new Date(
          `${seriesWindowEnd(earliestStart, programme.durationMonths)}T00:00:00Z`,
        ).getTime();
        const availability = await deps.calendar.availability(
          deps.organizer,
          [mentor.mail!, mentee.mail!],
          new Date(`${earliestStart}T00:00:00Z`),
          new Date(end),
        );
        const participant = (person: DirectoryPerson): ParticipantInput | BookingRefusal => {
          const found = availability.find(
            (a) => a.address.toLowerCase() === person.mail!.toLowerCase(),
          );
          // Tandem's app reaches the organiser mailbox alone (Exchange RBAC for Applications); the
          // docs do not say getSchedule then serves others' free/busy, so a refusal is possible
          // (ErrorNoFreeBusyAccess, https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responsecode):
          // say so, not "no mailbox" (docs/graph.md, "Mailbox scope").
          if (found?.error === 'ErrorNoFreeBusyAccess') {
            return { code: 'noFreeBusy', personId: person.id };
          }
          if (!found || found.error || !found.workingHours) {
            return { code: 'noMailbox', personId: person.id };
          }
          return {
            id: person.id,
            ...(found.workingHours.timeZone ? { timeZone: found.workingHours.timeZone } : {}),
            workingHours: found.workingHours,
            entries: found.entries,
            ...(found.busy ? { busy: found.busy } : {}),
          };
        };
        const mentorInput = participant(mentor);
        const menteeInput = participant(mentee);
        if ('code' in mentorInput) return await refuse(mentorInput);
        if ('code' in menteeInput) return await refuse(menteeInput);
        const planned = planSeries({
          mentor: mentorInput,
          mentee: menteeInput,
          plan: {
            sessions: programme.plannedSessions,
            months: programme.durationMonths,
            sessionMinutes: programme.sessionMinutes,
            earliestStart,
          },
        });
        if (!planned.ok) return await refuse({ code: 'noSchedule', reason: planned.reason.code });
        const { weekly, recurrenceZone, score } = planned.series;
        plan = { weekly, recurrenceZone, score };
        sessions = planned.series.occurrences.map(
          (o): SessionRecord => ({
            index: o.index,
            occurrenceId: null,
            start: o.start,
            end: o.end,
            status: 'planned',
            clashes: o.clashes,
          }),
        );
        // The plan is kept before anything is created: a resumed run books the very same series.
        await save({ plan, sessions });
      }
      const language = pairLanguage(mentor.preferredLanguage, mentee.preferredLanguage);
      const text = invitation({
        language,
        programmeName: programme.name,
        mentorName: mentor.displayName,
        menteeName: mentee.displayName,
        sessions: programme.plannedSessions,
        sessionMinutes: programme.sessionMinutes,
        pairUrl: deps.pairUrl(pair.id),
      });
      // One series per key, whatever Graph does with a repeated transactionId: a series whose
      // create answer was lost is found by our own key before creating (docs/graph.md).
      const previous = series;
      let seriesKey = current.value.seriesKey ?? current.value.transactionId;
      if (previous?.isCancelled || (current.value.eventId && !previous)) {
        // The series we made is gone (cancelled in Outlook): the next one gets a new key.
        seriesKey = `${transactionIdFor(pair.id, current.value.planVersion)}-${randomUUID()}`;
        await save({ seriesKey, eventId: null });
      } else if (!current.value.seriesKey) {
        await save({ seriesKey });
      }
      const request = {
        organizer: deps.organizer,
        subject: text.subject,
        bodyHtml: text.html,
        weekly: plan.weekly,
        attendees: [
          { address: mentor.mail!, name: mentor.displayName },
          { address: mentee.mail!, name: mentee.displayName },
        ],
        seriesKey,
        categories: ['Tandem'],
      };
      series = await deps.calendar.findSeries(deps.organizer, seriesKey);
      if (!series) {
        try {
          series = await deps.calendar.createSeries(request);
        } catch (error) {
          // A repeat refused (some tenants answer 4xx), or an answer lost: it may exist after all.
          series = await deps.calendar.findSeries(deps.organizer, seriesKey).catch(() => undefined);
          if (!series) throw error;
        }
      }
      await save({
        eventId: series.eventId,
        iCalUId: series.iCalUId,
        joinUrl: series.joinUrl,
        attendees: { mentor: mentor.mail!.toLowerCase(), mentee: mentee.mail!.toLowerCase() },
      });
      if (!series.joinUrl) {
        // Graph answers 201 without a Teams link when the organiser cannot make one: a series
        // without a link is not what the pair was promised, so it is withdrawn and HR told.
        await deps.calendar.cancel(
          deps.organizer,
          series.eventId,
          language === 'en'
            ? 'Cancelled: no Teams meeting could be added.'
            : 'Cancelada: no se pudo añadir la reunión de Teams.',
        );
        return await refuse({ code: 'noJoinUrl' });
      }
    }

    const from = new Date(
      Date.parse(current.value.sessions[0]?.start ?? deps.now().toISOString()) - DAY,
    );
    const to = new Date(
      Date.parse(current.value.sessions.at(-1)?.end ?? deps.now().toISOString()) + DAY,
    );
    const occurrences = await deps.calendar.instances(deps.organizer, series.eventId, from, to);
    const sessions = current.value.sessions.map((session) => {
      const match = occurrences.find((o) => Date.parse(o.start) === Date.parse(session.start));
      return match ? { ...session, occurrenceId: match.id } : session;
    });
    await deps.subjects.markPair(pairId, 'booked');
    return await save({
      status: 'booked',
      sessions,
      joinUrl: series.joinUrl,
      attempts: current.value.attempts + 1,
      lastError: null,
    });
  } catch (error) {
    if (error instanceof StaleVersionError) throw error;
    // Graph asked to wait: not a failure; the queue hands the pair back after the wait.
    if (error instanceof ThrottledError) throw error;
    // Graph's retries are spent: record it for HR and let the queue try again later.
    await save({
      status: 'failed',
      attempts: current.value.attempts + 1,
      lastError: error instanceof Error ? error.message : String(error),
    }).catch(() => {});
    await deps.subjects.markPair(pairId, 'bookingFailed').catch(() => {});
    throw error;
  }
}

async function createOrRead(deps: BookingDeps, booking: Booking): Promise<Versioned<Booking>> {
  try {
    return await deps.bookings.create(booking);
  } catch (error) {
    // Two runs for the same pair: the other one created it first.
    const existing = await deps.bookings.get(booking.pairId);
    if (existing) return existing;
    throw error;
  }
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
