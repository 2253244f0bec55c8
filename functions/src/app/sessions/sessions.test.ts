import { beforeEach, describe, expect, it } from 'vitest';
import { versionedMap } from '../../../../test/fixtures/in-memory-ports';
import { type Booking, newBooking, type SessionRecord } from '../../domain/booking/booking';
import {
  type Availability,
  type CalendarPort,
  OccurrenceBoundaryError,
} from '../../ports/calendar';
import type { NewOutboxEntry } from '../../ports/outbox';
import { endSeries } from './end-series';
import { type MoveDeps, moveSession, sessionAlternatives } from './move-session';

// Mondays 10:00–11:00 UTC, three sessions a week apart; it is the Friday before the second.
const now = new Date('2027-03-05T12:00:00Z');
const session = (index: number, day: string): SessionRecord => ({
  index,
  occurrenceId: `occ-${index}`,
  start: `${day}T10:00:00.000Z`,
  end: `${day}T11:00:00.000Z`,
  status: 'planned',
  clashes: [],
});

function booked(): Booking {
  return {
    ...newBooking({ id: 'pair', programmeId: 'prog' }, 'tandem@contoso.example', now),
    status: 'booked',
    eventId: 'series',
    attendees: { mentor: 'm@contoso.example', mentee: 'e@contoso.example' },
    plan: null,
    sessions: [session(1, '2027-03-01'), session(2, '2027-03-08'), session(3, '2027-03-15')],
  };
}

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const calendarOf = (address: string, busy: Availability['entries'] = []): Availability => ({
  address,
  workingHours: {
    daysOfWeek: weekdays,
    startTime: '09:00',
    endTime: '17:00',
    timeZone: 'UTC',
  },
  entries: busy,
});

function world() {
  const bookings = versionedMap<Booking>('This booking');
  bookings.rows.set('pair', { value: booked(), etag: 'W/"0"' });
  const moves: { occurrenceId: string; start: string; end: string }[] = [];
  let refuseMove = false;
  const mentorBusy: Availability['entries'] = [];
  const told: NewOutboxEntry[] = [];
  const pair = {
    mentor: { id: 'mentor', name: 'Marta Gil' },
    mentee: { id: 'mentee', name: 'Eva Ruiz' },
  };
  const deps: MoveDeps = {
    pairs: { get: async (id) => (id === 'pair' ? { value: pair as never, etag: '1' } : undefined) },
    programmes: {
      get: async (id) =>
        id === 'prog' ? { value: { id, name: 'Mentoring' } as never, etag: '1' } : undefined,
    },
    directory: {
      get: async (id) => ({ id, preferredLanguage: id === 'mentee' ? 'en-GB' : 'es-ES' }) as never,
    },
    outbox: {
      add: async (entries) => {
        told.push(...entries);
      },
    },
    bookings: { get: bookings.get, replace: (b, etag) => bookings.replace(b.pairId, b, etag) },
    calendar: {
      availability: async () => [
        calendarOf('m@contoso.example', mentorBusy),
        calendarOf('e@contoso.example'),
      ],
      moveOccurrence: async (_organizer, occurrenceId, start, end) => {
        if (refuseMove) throw new OccurrenceBoundaryError();
        moves.push({ occurrenceId, start: start.toISOString(), end: end.toISOString() });
      },
    },
    now: () => now,
  };
  return {
    deps,
    told,
    bookings,
    moves,
    mentorBusy,
    refuseMoves: () => {
      refuseMove = true;
    },
  };
}

let w: ReturnType<typeof world>;
beforeEach(() => {
  w = world();
});

describe('a session’s alternatives', () => {
  it('offers free hours inside both working days, after now and before the next session’s day', async () => {
    // The mentor is busy from 11:00 on the session's own day, Monday 8 March.
    const busyFrom = Date.parse('2027-03-08T11:00:00Z');
    const busyTo = Date.parse('2027-03-08T17:00:00Z');
    w.mentorBusy.push({ status: 'busy', start: busyFrom, end: busyTo });
    const offered = await sessionAlternatives(w.deps, 'pair', 2);
    if (!offered.ok) throw new Error(offered.reason.code);
    expect(offered.value.length).toBeGreaterThan(0);
    for (const slot of offered.value) {
      const start = new Date(slot.start);
      expect(start.getTime()).toBeGreaterThan(now.getTime());
      expect(slot.start < '2027-03-15').toBe(true);
      const overlapsBusy = Date.parse(slot.start) < busyTo && Date.parse(slot.end) > busyFrom;
      expect(overlapsBusy).toBe(false);
      expect([1, 2, 3, 4, 5]).toContain(start.getUTCDay());
      expect(start.getUTCHours()).toBeGreaterThanOrEqual(9);
      expect(new Date(slot.end).getUTCHours() || 24).toBeLessThanOrEqual(17);
    }
  });

  it('refuses a held, an unknown or a cancelled session, and an unbooked pair', async () => {
    expect(await sessionAlternatives(w.deps, 'pair', 1)).toEqual({
      ok: false,
      reason: { code: 'sessionPast' },
    });
    expect(await sessionAlternatives(w.deps, 'pair', 9)).toEqual({
      ok: false,
      reason: { code: 'noSuchSession' },
    });
    const row = w.bookings.rows.get('pair')!;
    row.value.sessions[2]!.status = 'cancelled';
    expect(await sessionAlternatives(w.deps, 'pair', 3)).toEqual({
      ok: false,
      reason: { code: 'sessionCancelled' },
    });
    row.value.status = 'ended';
    expect(await sessionAlternatives(w.deps, 'pair', 2)).toEqual({
      ok: false,
      reason: { code: 'notBooked' },
    });
  });
});

describe('moving a session', () => {
  it('moves it to an offered slot in Outlook and records it as moved; the others stay', async () => {
    const offered = await sessionAlternatives(w.deps, 'pair', 2);
    if (!offered.ok) throw new Error(offered.reason.code);
    const slot = offered.value[0]!;
    const moved = await moveSession(w.deps, 'pair', 2, slot.start, 'mentor');
    if (!moved.ok) throw new Error(moved.reason.code);
    expect(w.moves).toEqual([
      {
        occurrenceId: 'occ-2',
        start: new Date(slot.start).toISOString(),
        end: new Date(slot.end).toISOString(),
      },
    ]);
    const stored = w.bookings.rows.get('pair')!.value;
    expect(stored.sessions.map((s) => s.status)).toEqual(['planned', 'moved', 'planned']);
    expect(stored.sessions[1]).toMatchObject({ start: slot.start, end: slot.end });
    expect(moved.value).toEqual(stored);
    // The mentee (who reads English) is told the mentor moved it, and where to; only them.
    expect(w.told.map((t) => t.notice)).toEqual([
      expect.objectContaining({
        recipientId: 'mentee',
        activityType: 'sessionMoved',
        templateParameters: {
          person: 'Marta Gil',
          date: expect.stringMatching(/^Monday,? 8 March/),
          newDate: expect.stringMatching(/March/),
        },
        target: { subEntityId: 'pairs/pair/sessions/2', label: 'Mentoring' },
        idempotencyKey: `sessionMoved:pair/sessions/2/${slot.start}:mentee`,
      }),
    ]);
  });

  it('refuses a slot it did not offer without touching Outlook', async () => {
    expect(await moveSession(w.deps, 'pair', 2, '2027-03-08T03:00:00Z', 'mentor')).toEqual({
      ok: false,
      reason: { code: 'slotNotFree' },
    });
    expect(w.moves).toEqual([]);
    expect(w.told).toEqual([]);
  });

  it('answers Outlook’s boundary refusal as a refusal and stores nothing', async () => {
    const offered = await sessionAlternatives(w.deps, 'pair', 2);
    if (!offered.ok) throw new Error(offered.reason.code);
    w.refuseMoves();
    const before = w.bookings.rows.get('pair');
    expect(await moveSession(w.deps, 'pair', 2, offered.value[0]!.start, 'mentee')).toEqual({
      ok: false,
      reason: { code: 'occurrenceBoundary' },
    });
    expect(w.bookings.rows.get('pair')).toBe(before);
  });
});

describe('HR ending a pair early', () => {
  function ending() {
    const cancelled: { id: string; comment: string }[] = [];
    const queued: string[] = [];
    const notUsed = () => {
      throw new Error('not part of ending a pair');
    };
    const calendar: CalendarPort = {
      availability: notUsed,
      onlineMeetingProviders: notUsed,
      createSeries: notUsed,
      findSeries: notUsed,
      getSeries: notUsed,
      moveOccurrence: notUsed,
      instances: async () =>
        booked().sessions.map((s) => ({
          id: s.occurrenceId!,
          start: s.start,
          end: s.end,
          type: 'occurrence' as const,
          isCancelled: false,
        })),
      cancel: async (_organizer, id, comment) => {
        cancelled.push({ id, comment });
      },
    };
    const deps = {
      bookings: {
        get: w.bookings.get,
        create: (b: Booking) => w.bookings.create(b.pairId, b),
        replace: (b: Booking, etag: string) => w.bookings.replace(b.pairId, b, etag),
        listByProgramme: notUsed,
      },
      calendar,
      now: () => now,
      organizer: 'tandem@contoso.example',
      queue: {
        enqueue: async (pairId: string) => {
          queued.push(pairId);
        },
      },
    };
    return { deps, cancelled, queued };
  }

  it('cancels only the sessions ahead in Outlook with HR’s reason, queued so a crash resumes', async () => {
    const { deps, cancelled, queued } = ending();
    const ended = await endSeries(deps, 'pair', 'The mentee left the company');
    if (!ended.ok) throw new Error(ended.reason.code);
    expect(cancelled).toEqual([
      { id: 'occ-2', comment: 'The mentee left the company' },
      { id: 'occ-3', comment: 'The mentee left the company' },
    ]);
    expect(queued).toEqual(['pair']);
    expect(ended.value.cancelled).toBe(2);
    expect(ended.value.booking.status).toBe('ended');
    expect(ended.value.booking.sessions.map((s) => s.status)).toEqual([
      'planned',
      'cancelled',
      'cancelled',
    ]);
  });

  it('tells HR a pair already ended, or never booked, is not booked', async () => {
    const { deps, cancelled } = ending();
    await endSeries(deps, 'pair', 'first');
    expect(await endSeries(deps, 'pair', 'again')).toEqual({
      ok: false,
      reason: { code: 'notBooked' },
    });
    expect(await endSeries(deps, 'nobody', 'why')).toEqual({
      ok: false,
      reason: { code: 'notBooked' },
    });
    expect(cancelled).toHaveLength(2);
  });
});
