import { describe, expect, it } from 'vitest';
import type { Booking } from '../../domain/booking/booking';
import { FIRST_SESSION_AGENDA } from '../../domain/pair-space/first-session-agenda';
import type { SpaceEntry } from '../../domain/pair-space/pair-space';
import type { WeeklySeries } from '../../domain/schedule';
import type { BookingSubject } from '../../ports/bookings';
import type { BookedSeries, CalendarPort, SeriesOccurrence } from '../../ports/calendar';
import type { DirectoryPerson } from '../../ports/directory';
import type { NewOutboxEntry } from '../../ports/outbox';
import { ThrottledError } from '../../ports/throttled';
import { AlreadyExistsError, StaleVersionError, type Versioned } from '../../ports/versioned';
import { type BookPairPorts, bookPair } from './book-pair';

const ORGANISER = 'tandem@contoso.example';
const DAY = 86_400_000;

/** The process dies here: every port call after it fails too, as nothing of this run goes on. */
class Crash extends Error {}

const person = (id: string, managerId: string | null, mail: string | null): DirectoryPerson => ({
  id,
  displayName: id,
  mail,
  userPrincipalName: mail,
  managerId,
  department: null,
  jobTitle: null,
  officeLocation: null,
  preferredLanguage: 'es-ES',
  accountEnabled: true,
});

const SUBJECT: BookingSubject = {
  pair: { id: 'p1', programmeId: 'prog', mentorId: 'mentor', menteeId: 'mentee' },
  programme: {
    id: 'prog',
    name: 'Mentoring',
    plannedSessions: 6,
    durationMonths: 3,
    sessionMinutes: 60,
    hierarchyRule: 'chain',
    owners: ['hr'],
  } as BookingSubject['programme'],
};

/** A weekly series' occurrences, for a series planned in UTC (both people work in UTC here). */
function occurrencesOf(eventId: string, weekly: WeeklySeries): SeriesOccurrence[] {
  expect(weekly.zone).toBe('UTC');
  const first = Date.parse(`${weekly.firstDate}T${weekly.startTime}:00Z`);
  const length = Date.parse(`${weekly.endDate}T${weekly.endTime}:00Z`) - first;
  return Array.from({ length: weekly.sessions }, (_, i) => {
    const start = first + i * weekly.intervalWeeks * 7 * DAY;
    return {
      id: `${eventId}-${i}`,
      start: new Date(start).toISOString(),
      end: new Date(start + length).toISOString(),
      type: 'occurrence' as const,
      isCancelled: false,
    };
  });
}

/**
 * Booking's world in memory: the booking store (ETag-checked), the pair, the directory and the
 * organiser's calendar. `crashAfter(n)` lets the n-th port call do its work, then kills the run.
 */
function world(options: { people?: DirectoryPerson[]; joinUrl?: boolean } = {}) {
  const rows = new Map<string, Versioned<Booking>>();
  let etags = 0;
  const series: (BookedSeries & { key: string; weekly: WeeklySeries })[] = [];
  const pairMarks: string[] = [];
  const agenda = new Map<string, SpaceEntry>();
  const outbox = new Map<string, NewOutboxEntry>();
  const people = new Map(
    (
      options.people ?? [
        person('boss', null, 'boss@contoso.example'),
        person('mentor', 'boss', 'mentor@contoso.example'),
        person('mentee', 'boss', 'mentee@contoso.example'),
      ]
    ).map((p) => [p.id, p]),
  );
  let calls = 0;
  let crashAt = Number.POSITIVE_INFINITY;
  let throttleAt = Number.POSITIVE_INFINITY;
  /** Every port call goes through here: it does its work, then the run may die after it. */
  const port = async <T>(work: () => T | Promise<T>): Promise<T> => {
    calls++;
    if (calls > crashAt) throw new Crash('already dead');
    if (calls === throttleAt) throw new ThrottledError(30);
    const answer = await work();
    if (calls === crashAt) throw new Crash(`crash after port call ${calls}`);
    return answer;
  };
  const live = () => series.filter((s) => !s.isCancelled);

  const calendar: Pick<
    CalendarPort,
    | 'availability'
    | 'onlineMeetingProviders'
    | 'createSeries'
    | 'findSeries'
    | 'getSeries'
    | 'instances'
    | 'cancel'
  > = {
    availability: (_organizer, addresses) =>
      port(() =>
        addresses.map((address) => ({
          address,
          workingHours: {
            daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
            startTime: '09:00',
            endTime: '17:00',
            timeZone: 'UTC',
          },
          entries: [],
        })),
      ),
    onlineMeetingProviders: () => port(() => ['teamsForBusiness']),
    createSeries: (request) =>
      port(() => {
        const eventId = `event-${series.length + 1}`;
        const made = {
          eventId,
          iCalUId: `ical-${eventId}`,
          joinUrl: options.joinUrl === false ? null : `https://teams.example/${eventId}`,
          attendees: [],
          isCancelled: false,
          key: request.seriesKey,
          weekly: request.weekly,
        };
        series.push(made);
        return made;
      }),
    findSeries: (_organizer, key) => port(() => live().find((s) => s.key === key)),
    getSeries: (_organizer, eventId) => port(() => series.find((s) => s.eventId === eventId)),
    instances: (_organizer, eventId) =>
      port(() => {
        const found = series.find((s) => s.eventId === eventId);
        return found ? occurrencesOf(eventId, found.weekly) : [];
      }),
    cancel: (_organizer, eventId) =>
      port(() => {
        const found = series.find((s) => s.eventId === eventId);
        if (found) found.isCancelled = true;
      }),
  };

  const ports: BookPairPorts = {
    bookings: {
      get: (pairId) => port(() => rows.get(pairId)),
      create: (booking) =>
        port(() => {
          if (rows.has(booking.pairId)) throw new AlreadyExistsError('This booking');
          const row = { value: booking, etag: String(++etags) };
          rows.set(booking.pairId, row);
          return row;
        }),
      replace: (booking, etag) =>
        port(() => {
          if (rows.get(booking.pairId)?.etag !== etag) throw new StaleVersionError('This booking');
          const row = { value: booking, etag: String(++etags) };
          rows.set(booking.pairId, row);
          return row;
        }),
    },
    subjects: {
      load: (pairId) => port(() => (pairId === SUBJECT.pair.id ? SUBJECT : undefined)),
      markPair: (_pairId, status) =>
        port(() => {
          pairMarks.push(status);
        }),
    },
    directory: { get: (id) => port(() => people.get(id)) },
    directorySync: { refresh: () => port(() => undefined) },
    calendar,
    organizer: ORGANISER,
    pairUrl: (pairId) => `https://tab.example/pairs/${pairId}`,
    pairSpace: {
      create: (entry) =>
        port(() => {
          if (agenda.has(entry.id)) throw new AlreadyExistsError('This entry');
          agenda.set(entry.id, entry);
          return { value: entry, etag: String(++etags) };
        }),
    },
    outbox: {
      add: (entries) =>
        port(() => {
          for (const e of entries)
            if (!outbox.has(e.notice.idempotencyKey)) outbox.set(e.notice.idempotencyKey, e);
        }),
    },
    now: () => new Date('2026-03-02T08:00:00Z'),
  };
  return {
    ports,
    /** The outbox's keys, sorted. */
    notices: () => [...outbox.keys()].sort(),
    notice: (key: string) => outbox.get(key)?.notice,
    series,
    live,
    pairMarks,
    agenda: () => [...agenda.values()],
    stored: () => rows.get(SUBJECT.pair.id)?.value,
    crashAfter(n: number) {
      calls = 0;
      crashAt = n;
    },
    throttleAt(n: number) {
      calls = 0;
      throttleAt = n;
    },
    heal() {
      calls = 0;
      crashAt = Number.POSITIVE_INFINITY;
      throttleAt = Number.POSITIVE_INFINITY;
    },
    calls: () => calls,
  };
}

/** What a booked pair's run leaves in the outbox: each told of the pair and of the series. */
const PAIR_NOTICES = [
  'paired:p1:mentee',
  'paired:p1:mentor',
  'seriesBooked:p1:mentee',
  'seriesBooked:p1:mentor',
];

describe('booking a pair, step by step', () => {
  it('walks every step once and answers the booked booking', async () => {
    const w = world();
    const result = await bookPair(w.ports, 'p1');
    expect(result.ok).toBe(true);
    const booking = w.stored()!;
    expect([booking.status, booking.step, booking.refusal]).toEqual(['booked', 'booked', null]);
    expect(w.live()).toHaveLength(1);
    expect(booking.eventId).toBe(w.live()[0]!.eventId);
    expect(booking.sessions).toHaveLength(6);
    expect(booking.sessions.every((s) => s.occurrenceId !== null)).toBe(true);
    expect(w.pairMarks).toEqual(['booking', 'booked']);
    // The first session's agenda, in the pair's language (both prefer Spanish here).
    expect(w.agenda().map((e) => e.type === 'agenda' && [e.text, e.sessionIndex])).toEqual(
      FIRST_SESSION_AGENDA.es.map((text) => [text, booking.sessions[0]!.index]),
    );
    // Both told, each about the other, in Spanish, with the pair's page.
    expect(w.notices()).toEqual(PAIR_NOTICES);
    expect(w.notice('seriesBooked:p1:mentee')).toMatchObject({
      recipientId: 'mentee',
      templateParameters: { partner: 'mentor', sessions: '6' },
      target: { subEntityId: 'pairs/p1', label: 'Mentoring' },
    });
    expect(w.notice('seriesBooked:p1:mentee')!.previewText).toContain('Tus 6 sesiones con mentor');
  });

  it('after a crash after any port call, the next run books exactly one series', async () => {
    const clean = world();
    await bookPair(clean.ports, 'p1');
    const callsInOneRun = clean.calls();
    expect(callsInOneRun).toBeGreaterThan(10);
    for (let n = 1; n <= callsInOneRun; n++) {
      const w = world();
      w.crashAfter(n);
      await expect(bookPair(w.ports, 'p1')).rejects.toBeInstanceOf(Crash);
      w.heal();
      const result = await bookPair(w.ports, 'p1');
      expect(result.ok, `crash after call ${n}`).toBe(true);
      expect(w.series, `crash after call ${n}`).toHaveLength(1);
      const booking = w.stored()!;
      expect([booking.status, booking.step]).toEqual(['booked', 'booked']);
      expect(booking.eventId).toBe(w.series[0]!.eventId);
      expect(booking.sessions.every((s) => s.occurrenceId?.startsWith(booking.eventId!))).toBe(
        true,
      );
      expect(w.agenda(), `crash after call ${n}`).toHaveLength(FIRST_SESSION_AGENDA.es.length);
      expect(w.notices(), `crash after call ${n}`).toEqual(PAIR_NOTICES);
    }
  });

  it('a run again on a booked booking does nothing', async () => {
    const w = world();
    await bookPair(w.ports, 'p1');
    const before = w.stored();
    const again = await bookPair(w.ports, 'p1');
    expect(again).toEqual({ ok: true, value: before });
    expect(w.series).toHaveLength(1);
  });

  it('resumes from the step stored: a booking `created` only links and books', async () => {
    const w = world();
    await bookPair(w.ports, 'p1');
    // Rewind the stored booking to just after the series was made.
    const booked = w.stored()!;
    const rows = w.ports.bookings;
    const row = (await rows.get('p1'))!;
    await rows.replace(
      {
        ...booked,
        status: 'failed',
        step: 'created',
        sessions: booked.sessions.map((s) => ({ ...s, occurrenceId: null })),
      },
      row.etag,
    );
    const refreshes: string[] = [];
    const ports = {
      ...w.ports,
      directorySync: {
        refresh: async () => {
          refreshes.push('refresh');
        },
      },
    };
    const result = await bookPair(ports, 'p1');
    expect(result.ok && result.value.sessions.every((s) => s.occurrenceId)).toBe(true);
    expect(refreshes).toEqual([]);
    expect(w.series).toHaveLength(1);
  });

  it('a reporting line found at booking refuses the pair before anything is planned', async () => {
    const w = world({
      people: [
        person('mentor', null, 'mentor@contoso.example'),
        person('mentee', 'mentor', 'mentee@contoso.example'),
      ],
    });
    const result = await bookPair(w.ports, 'p1');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatchObject({
      code: 'bookingRefused',
      refusal: { code: 'reportingLine' },
    });
    expect([w.stored()!.status, w.stored()!.step, w.stored()!.plan]).toEqual([
      'refused',
      'queued',
      null,
    ]);
    expect(w.series).toEqual([]);
    expect(w.pairMarks).toEqual(['booking', 'bookingFailed']);
    // HR is told, once, with the booking section; the pair is told nothing.
    expect(w.notices()).toEqual(['bookingFailed:p1:hr']);
    expect(w.notice('bookingFailed:p1:hr')).toMatchObject({
      templateParameters: {
        programme: 'Mentoring',
        reason: 'hay una línea jerárquica entre los dos',
      },
      target: { subEntityId: 'admin/programmes/prog/booking' },
    });
    await bookPair(w.ports, 'p1');
    expect(w.notices()).toEqual(['bookingFailed:p1:hr']);
  });

  it('a series made without a Teams link is withdrawn and the pair refused, even after a crash', async () => {
    const clean = world({ joinUrl: false });
    await bookPair(clean.ports, 'p1');
    const callsInOneRun = clean.calls();
    for (let n = 1; n <= callsInOneRun; n++) {
      const w = world({ joinUrl: false });
      w.crashAfter(n);
      await bookPair(w.ports, 'p1').catch(() => undefined);
      w.heal();
      const result = await bookPair(w.ports, 'p1');
      expect(!result.ok && result.reason.code, `crash after call ${n}`).toBe('bookingRefused');
      expect(w.stored()!.refusal).toEqual({ code: 'noJoinUrl' });
      expect(w.live(), `crash after call ${n}`).toEqual([]);
    }
  });

  it('Graph asking to wait is no failure: the booking is not marked failed', async () => {
    const w = world();
    w.throttleAt(12);
    await expect(bookPair(w.ports, 'p1')).rejects.toBeInstanceOf(ThrottledError);
    expect(w.stored()!.status).toBe('queued');
    w.heal();
    expect((await bookPair(w.ports, 'p1')).ok).toBe(true);
    expect(w.series).toHaveLength(1);
  });

  it('an error is recorded on the booking for HR and thrown for the queue', async () => {
    const w = world();
    const failing = {
      ...w.ports,
      calendar: {
        ...w.ports.calendar,
        createSeries: async () => {
          throw new Error('Graph is down');
        },
      },
    };
    await expect(bookPair(failing, 'p1')).rejects.toThrow('Graph is down');
    expect(w.stored()).toMatchObject({ status: 'failed', step: 'planned', attempts: 1 });
    expect(w.stored()!.lastError).toBe('Graph is down');
  });

  it('an unknown pair is a refusal, and nothing is stored', async () => {
    const w = world();
    expect(await bookPair(w.ports, 'nobody')).toEqual({
      ok: false,
      reason: { code: 'noConfirmedPair', pairId: 'nobody' },
    });
    expect(w.stored()).toBeUndefined();
  });
});
