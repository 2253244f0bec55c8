import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarItem, CalendarStore } from '../../../sim/graph/calendar/calendar-store';
import { GraphError } from '../../../sim/graph/router';
import {
  ANA,
  fortnightlySeries,
  LUIS,
  madrid,
  newStore,
  TANDEM,
  testTenant,
  YEAR_2026,
} from './test-tenant';

/** Occurrence starts as one zone's wall clock, 'YYYY-MM-DDTHH:MM'. */
function localStarts(store: CalendarStore, items: CalendarItem[], zone: string): string[] {
  return items.map((item) =>
    String((store.render(item, zone).start as { dateTime: string }).dateTime).slice(0, 16),
  );
}

function series(store: CalendarStore, recurrence: unknown, start: string, end: string) {
  return store.create(TANDEM.id, {
    subject: 'Serie',
    start: madrid(start),
    end: madrid(end),
    recurrence,
  }).item;
}

function graphError(run: () => unknown): GraphError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected a GraphError');
}

describe('recurrence expansion', () => {
  it("keeps 16:00 Madrid across both of Madrid's DST changes while the Mexico City attendee's hour moves", () => {
    const store = newStore();
    const master = store.create(
      TANDEM.id,
      fortnightlySeries({
        start: madrid('2026-03-17T16:00:00'),
        end: madrid('2026-03-17T17:00:00'),
        recurrence: {
          pattern: {
            type: 'weekly',
            interval: 2,
            daysOfWeek: ['tuesday'],
            firstDayOfWeek: 'monday',
          },
          range: {
            type: 'endDate',
            startDate: '2026-03-17',
            endDate: '2026-11-10',
            recurrenceTimeZone: 'Romance Standard Time',
          },
        },
      }),
    ).item;
    const organizer = store.instances(TANDEM.id, master.copy.id, ...YEAR_2026);
    const dates = localStarts(store, organizer, 'Europe/Madrid');
    expect(dates).toEqual(
      [
        '03-17',
        '03-31',
        '04-14',
        '04-28',
        '05-12',
        '05-26',
        '06-09',
        '06-23',
        '07-07',
        '07-21',
        '08-04',
        '08-18',
        '09-01',
        '09-15',
        '09-29',
        '10-13',
        '10-27',
        '11-10',
      ].map((d) => `2026-${d}T16:00`),
    );
    // Madrid: CET (UTC+1) until 29 March and again from 25 October, CEST (UTC+2) between.
    const utc = organizer.map((o) => new Date(o.startMs).toISOString().slice(11, 16));
    expect(utc[0]).toBe('15:00');
    expect(utc.slice(1, 16).every((t) => t === '14:00')).toBe(true);
    expect(utc.slice(16)).toEqual(['15:00', '15:00']);

    // Luis's own copy, read in his zone: Mexico City has kept UTC−6 all year since 2022.
    const luisView = store.calendarView(LUIS.id, ...YEAR_2026);
    expect(luisView).toHaveLength(18);
    const mexico = localStarts(store, luisView, 'Central Standard Time (Mexico)').map((s) =>
      s.slice(11),
    );
    expect(mexico[0]).toBe('09:00');
    expect(mexico.slice(1, 16).every((t) => t === '08:00')).toBe(true);
    expect(mexico.slice(16)).toEqual(['09:00', '09:00']);
  });

  it('stops a numbered range after numberOfOccurrences and an endDate range on its end date', () => {
    const store = newStore();
    const numbered = store.create(TANDEM.id, fortnightlySeries()).item;
    const dates = localStarts(
      store,
      store.instances(TANDEM.id, numbered.copy.id, ...YEAR_2026),
      'Romance Standard Time',
    ).map((s) => s.slice(0, 10));
    expect(dates).toEqual([
      '2026-03-03',
      '2026-03-17',
      '2026-03-31',
      '2026-04-14',
      '2026-04-28',
      '2026-05-12',
      '2026-05-26',
      '2026-06-09',
      '2026-06-23',
      '2026-07-07',
    ]);

    const everyThird = series(
      store,
      {
        pattern: { type: 'daily', interval: 3 },
        range: { type: 'endDate', startDate: '2026-05-01', endDate: '2026-05-10' },
      },
      '2026-05-01T09:00:00',
      '2026-05-01T09:30:00',
    );
    const days = localStarts(
      store,
      store.instances(TANDEM.id, everyThird.copy.id, ...YEAR_2026),
      'Europe/Madrid',
    ).map((s) => s.slice(0, 10));
    expect(days).toEqual(['2026-05-01', '2026-05-04', '2026-05-07', '2026-05-10']);
  });

  it('puts a relativeMonthly "last Friday" on the last Friday of each month', () => {
    const store = newStore();
    const master = series(
      store,
      {
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' },
        range: { type: 'numbered', startDate: '2026-01-01', numberOfOccurrences: 6 },
      },
      '2026-01-30T12:00:00',
      '2026-01-30T13:00:00',
    );
    const days = localStarts(
      store,
      store.instances(TANDEM.id, master.copy.id, ...YEAR_2026),
      'Europe/Madrid',
    ).map((s) => s.slice(5, 10));
    expect(days).toEqual(['01-30', '02-27', '03-27', '04-24', '05-29', '06-26']);
  });

  it('puts absoluteMonthly day 31 on the last day of shorter months (EWS DayOfMonth rule)', () => {
    const store = newStore();
    const master = series(
      store,
      {
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
        range: { type: 'numbered', startDate: '2026-01-31', numberOfOccurrences: 6 },
      },
      '2026-01-31T09:00:00',
      '2026-01-31T10:00:00',
    );
    const days = localStarts(
      store,
      store.instances(TANDEM.id, master.copy.id, ...YEAR_2026),
      'Europe/Madrid',
    ).map((s) => s.slice(0, 10));
    expect(days).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
    const leap = series(
      store,
      {
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
        range: { type: 'numbered', startDate: '2028-01-31', numberOfOccurrences: 2 },
      },
      '2028-01-31T09:00:00',
      '2028-01-31T10:00:00',
    );
    const leapDays = store
      .instances(TANDEM.id, leap.copy.id, Date.parse('2028-01-01'), Date.parse('2028-04-01'))
      .map((o) => new Date(o.startMs).toISOString().slice(0, 10));
    expect(leapDays).toEqual(['2028-01-31', '2028-02-29']);
  });

  it('counts an every-other-week pattern from the week firstDayOfWeek starts', () => {
    const store = newStore();
    const starting = (firstDayOfWeek: string) =>
      series(
        store,
        {
          pattern: {
            type: 'weekly',
            interval: 2,
            daysOfWeek: ['sunday', 'monday'],
            firstDayOfWeek,
          },
          range: { type: 'endDate', startDate: '2026-03-01', endDate: '2026-03-31' },
        },
        '2026-03-01T11:00:00',
        '2026-03-01T12:00:00',
      );
    const daysOf = (item: CalendarItem) =>
      localStarts(
        store,
        store.instances(TANDEM.id, item.copy.id, ...YEAR_2026),
        'Europe/Madrid',
      ).map((s) => s.slice(8, 10));
    // Weeks Sunday–Saturday: 1–7 and 15–21 March.
    expect(daysOf(starting('sunday'))).toEqual(['01', '02', '15', '16', '29', '30']);
    // Weeks Monday–Sunday: 23 Feb–1 Mar, then 9–15 and 23–29 March.
    expect(daysOf(starting('monday'))).toEqual(['01', '09', '15', '23', '29']);
  });

  it('moves an occurrence that falls in the spring-forward gap to the same instant a minute later would name', () => {
    const store = newStore();
    const master = series(
      store,
      {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', startDate: '2026-03-28', numberOfOccurrences: 3 },
      },
      '2026-03-28T02:30:00',
      '2026-03-28T03:00:00',
    );
    const local = localStarts(
      store,
      store.instances(TANDEM.id, master.copy.id, ...YEAR_2026),
      'Europe/Madrid',
    );
    // 02:30 does not exist in Madrid on 29 March 2026: Outlook shows it at 03:30.
    expect(local).toEqual(['2026-03-28T02:30', '2026-03-29T03:30', '2026-03-30T02:30']);
  });
});

describe('recurrence validation', () => {
  it('rejects a pattern property its type does not use, as Graph does', () => {
    const store = newStore();
    const error = graphError(() =>
      series(
        store,
        {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], dayOfMonth: 5 },
          range: { type: 'noEnd', startDate: '2026-03-02' },
        },
        '2026-03-02T10:00:00',
        '2026-03-02T11:00:00',
      ),
    );
    expect([error.status, error.code]).toEqual([400, 'ErrorInvalidRequest']);
    expect(error.message).toContain('dayOfMonth');
  });

  it('accepts the default values Graph itself writes back for unused properties', () => {
    const store = newStore();
    const master = series(
      store,
      {
        pattern: {
          type: 'weekly',
          interval: 1,
          month: 0,
          dayOfMonth: 0,
          daysOfWeek: ['monday'],
          firstDayOfWeek: 'sunday',
          index: 'first',
        },
        range: {
          type: 'noEnd',
          startDate: '2026-03-02',
          endDate: '0001-01-01',
          numberOfOccurrences: 0,
        },
      },
      '2026-03-02T10:00:00',
      '2026-03-02T11:00:00',
    );
    expect(store.render(master).type).toBe('seriesMaster');
    expect(store.instances(TANDEM.id, master.copy.id, ...YEAR_2026)).toHaveLength(44);
  });

  it.each([
    [
      {
        pattern: { type: 'hourly', interval: 1 },
        range: { type: 'noEnd', startDate: '2026-03-02' },
      },
    ],
    [
      {
        pattern: { type: 'weekly', interval: 1 },
        range: { type: 'noEnd', startDate: '2026-03-02' },
      },
    ],
    [
      {
        pattern: { type: 'daily', interval: 1, colour: 'red' },
        range: { type: 'noEnd', startDate: '2026-03-02' },
      },
    ],
    [
      {
        pattern: { type: 'daily', interval: 0 },
        range: { type: 'noEnd', startDate: '2026-03-02' },
      },
    ],
    [
      {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', startDate: '2026-03-02' },
      },
    ],
    [
      {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'endDate', startDate: '2026-03-02', endDate: '2026-03-01' },
      },
    ],
  ])('answers 400 ErrorInvalidRequest for an invalid recurrence %#', (recurrence) => {
    const error = graphError(() =>
      series(newStore(), recurrence, '2026-03-02T10:00:00', '2026-03-02T11:00:00'),
    );
    expect([error.status, error.code]).toEqual([400, 'ErrorInvalidRequest']);
  });
});

const ZONES = [
  'Romance Standard Time',
  'Europe/Madrid',
  'America/Mexico_City',
  'Central Standard Time (Mexico)',
  'Atlantic/Canary',
  'GMT Standard Time',
  'UTC',
];
const WEEKDAY_NAMES = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

const patternArb = fc.oneof(
  fc.record({ type: fc.constant('daily'), interval: fc.integer({ min: 1, max: 5 }) }),
  fc.record({
    type: fc.constant('weekly'),
    interval: fc.integer({ min: 1, max: 3 }),
    daysOfWeek: fc.uniqueArray(fc.constantFrom(...WEEKDAY_NAMES), { minLength: 1, maxLength: 3 }),
    firstDayOfWeek: fc.constantFrom('sunday', 'monday'),
  }),
  fc.record({
    type: fc.constant('absoluteMonthly'),
    interval: fc.integer({ min: 1, max: 2 }),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
  }),
  fc.record({
    type: fc.constant('relativeMonthly'),
    interval: fc.integer({ min: 1, max: 2 }),
    daysOfWeek: fc.uniqueArray(fc.constantFrom(...WEEKDAY_NAMES), { minLength: 1, maxLength: 2 }),
    index: fc.constantFrom('first', 'second', 'third', 'fourth', 'last'),
  }),
);

describe('recurrence properties (fast-check)', () => {
  it('every occurrence keeps the series wall-clock time in its zone, and a numbered range yields numberOfOccurrences minus cancellations', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 700 }),
        // 04:00–22:45 local: no DST change in these zones happens then.
        fc.integer({ min: 16, max: 91 }),
        patternArb,
        fc.integer({ min: 1, max: 25 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (zone, dayOffset, quarter, pattern, count, cancelPicks) => {
          const store = newStore(testTenant());
          const startDate = new Date(Date.UTC(2025, 0, 1) + dayOffset * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const time = `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
          const master = store.create(TANDEM.id, {
            subject: 'p',
            start: { dateTime: `${startDate}T${time}:00`, timeZone: zone },
            end: { dateTime: `${startDate}T${time}:00`, timeZone: zone },
            attendees: [{ emailAddress: { address: ANA.mail } }],
            recurrence: {
              pattern,
              range: { type: 'numbered', startDate, numberOfOccurrences: count },
            },
          }).item;
          const window = [Date.UTC(2024, 11, 1), Date.UTC(2032, 0, 1)] as const;
          const all = store.instances(TANDEM.id, master.copy.id, ...window);
          expect(all).toHaveLength(count);
          const cancelled = new Set(cancelPicks.map((p) => store.idOf(all[p % all.length]!)));
          for (const id of cancelled) store.cancel(TANDEM.id, id);
          const left = store.instances(TANDEM.id, master.copy.id, ...window);
          expect(left).toHaveLength(count - cancelled.size);
          expect(store.instances(ANA.id, store.list(ANA.id)[0]!.copy.id, ...window)).toHaveLength(
            count - cancelled.size,
          );
          for (const item of left) {
            const start = store.render(item, zone).start as { dateTime: string };
            expect(start.dateTime.slice(11, 16)).toBe(time);
          }
          const starts = left.map((o) => o.startMs);
          expect([...starts].sort((a, b) => a - b)).toEqual(starts);
        },
      ),
      { numRuns: 150 },
    );
  });
});
