import { TZDate, tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CustomTimeZone, resolveTimeZone, ZoneClock } from './time-zone';

const ZONES = [
  'Europe/Madrid',
  'Atlantic/Canary',
  'America/Mexico_City',
  'America/New_York',
  'America/Santiago',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'UTC',
];

describe('resolveTimeZone', () => {
  it('accepts IANA names and canonicalises aliases', () => {
    expect(resolveTimeZone('Mexico/General')).toEqual({
      ok: true,
      zone: { iana: 'America/Mexico_City', name: 'Mexico/General', source: 'iana' },
    });
    expect(resolveTimeZone('Europe/Madrid')).toMatchObject({
      ok: true,
      zone: { iana: 'Europe/Madrid' },
    });
  });

  it('refuses names that are not IANA zones (the adapter reads Windows names), and bare offsets', () => {
    expect(resolveTimeZone('Romance Standard Time')).toEqual({
      ok: false,
      problem: { code: 'unknownTimeZone', timeZone: 'Romance Standard Time' },
    });
    expect(resolveTimeZone('+01:00')).toMatchObject({
      ok: false,
      problem: { code: 'unknownTimeZone' },
    });
  });

  it('refuses a zone the adapter could not use, with the adapter’s reason', () => {
    expect(
      resolveTimeZone({ kind: 'unsupported', name: 'tzone://Microsoft/Custom', why: 'no rules' }),
    ).toEqual({
      ok: false,
      problem: {
        code: 'customTimeZoneUnsupported',
        timeZone: 'tzone://Microsoft/Custom',
        why: 'no rules',
      },
    });
  });

  it('resolves a zone given by rules to a custom key, never a name for Graph', () => {
    expect(resolveTimeZone(CUSTOM_MADRID)).toEqual({
      ok: true,
      zone: { iana: 'Custom/60/120/3.5.0@120/10.5.0@180', source: 'custom', rules: CUSTOM_MADRID },
    });
    expect(resolveTimeZone({ kind: 'custom', name: 'Fixed', standardOffset: -360 })).toMatchObject({
      ok: true,
      zone: { iana: 'Custom/-360', source: 'custom' },
    });
  });

  it('refuses rules that name no day or an offset beyond ±14 hours, saying why', () => {
    const noDay = {
      ...CUSTOM_MADRID.daylight!,
      starts: { month: 13, week: 1, weekday: 0, minuteOfDay: 0 },
    };
    expect(resolveTimeZone({ ...CUSTOM_MADRID, daylight: noDay })).toMatchObject({
      ok: false,
      problem: { code: 'customTimeZoneUnsupported', timeZone: 'Customized Time Zone' },
    });
    expect(resolveTimeZone({ kind: 'custom', name: 'Far', standardOffset: 15 * 60 })).toMatchObject(
      { ok: false, problem: { code: 'customTimeZoneUnsupported', timeZone: 'Far' } },
    );
  });
});

/** Zones given by rules, each equal to an IANA zone over 2025–2027 (Windows' registry rules). */
const CUSTOM_MADRID: CustomTimeZone = {
  kind: 'custom',
  name: 'Customized Time Zone',
  standardOffset: 60,
  daylight: {
    offset: 120,
    starts: { month: 3, week: 5, weekday: 0, minuteOfDay: 120 },
    ends: { month: 10, week: 5, weekday: 0, minuteOfDay: 180 },
  },
};
const CUSTOM_ZONES: [CustomTimeZone, string][] = [
  [CUSTOM_MADRID, 'Europe/Madrid'],
  [
    {
      kind: 'custom',
      name: 'Pacific',
      standardOffset: -480,
      daylight: {
        offset: -420,
        starts: { month: 3, week: 2, weekday: 0, minuteOfDay: 120 },
        ends: { month: 11, week: 1, weekday: 0, minuteOfDay: 120 },
      },
    },
    'America/Los_Angeles',
  ],
  [
    // Southern hemisphere: daylight time spans the new year.
    {
      kind: 'custom',
      name: 'Sydney',
      standardOffset: 600,
      daylight: {
        offset: 660,
        starts: { month: 10, week: 1, weekday: 0, minuteOfDay: 120 },
        ends: { month: 4, week: 1, weekday: 0, minuteOfDay: 180 },
      },
    },
    'Australia/Sydney',
  ],
  [{ kind: 'custom', name: 'Mexico', standardOffset: -360 }, 'America/Mexico_City'],
];

describe('ZoneClock for a zone given by rules', () => {
  const from = Date.UTC(2025, 0, 1);
  const to = Date.UTC(2027, 11, 31);
  const clocks = CUSTOM_ZONES.map(([rules, iana]) => {
    const resolved = resolveTimeZone(rules);
    if (!resolved.ok) throw new Error(`unresolved ${rules.name}`);
    return { clock: new ZoneClock(resolved.zone, from, to), iana };
  });

  it('answers the offset the equivalent IANA zone has at every instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...clocks),
        fc.integer({ min: from, max: to }),
        ({ clock, iana }, instant) => {
          expect(clock.offsetAt(instant)).toBe(tzOffset(iana, new Date(instant)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('turns every wall-clock time into an instant showing it, or past a skipped hour as TZDate', () => {
    const minutes = Math.floor((to - from) / 60_000);
    fc.assert(
      fc.property(
        fc.constantFrom(...clocks),
        fc.integer({ min: 2 * 1440, max: minutes - 2 * 1440 }),
        ({ clock, iana }, m) => {
          const wall = from + m * 60_000;
          // The instants whose wall clock in the IANA zone reads `wall` (two in a repeated hour);
          // the candidates are every offset these four zones take.
          const showing = [-8, -7, -6, 1, 2, 10, 11]
            .map((h) => wall - h * 3_600_000)
            .filter((u) => u + tzOffset(iana, new Date(u)) * 60_000 === wall);
          const at = new Date(wall);
          const tzDate = new TZDate(
            at.getUTCFullYear(),
            at.getUTCMonth(),
            at.getUTCDate(),
            at.getUTCHours(),
            at.getUTCMinutes(),
            iana,
          ).getTime();
          const got = clock.toUtc(wall);
          if (showing.length === 0) expect(got).toBe(tzDate);
          else expect(got).toBe(Math.max(...showing));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('resolves the hours next to Madrid’s changes like TZDate; a repeated hour is the later', () => {
    const { clock } = clocks[0]!;
    for (const [month, day, hour, minute] of [
      [2, 29, 1, 59],
      [2, 29, 2, 30],
      [2, 29, 3, 0],
      [9, 25, 2, 30],
      [9, 25, 3, 0],
    ] as const) {
      const wall = Date.UTC(2026, month, day, hour, minute);
      expect(clock.toUtc(wall)).toBe(
        new TZDate(2026, month, day, hour, minute, 'Europe/Madrid').getTime(),
      );
    }
  });
});

describe('ZoneClock', () => {
  const from = Date.UTC(2025, 0, 1);
  const to = Date.UTC(2027, 11, 31);

  it('answers the same offset as the time-zone database at every instant', () => {
    const clocks = new Map(ZONES.map((z) => [z, new ZoneClock(z, from, to)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: from, max: to }),
        (zone, instant) => {
          expect(clocks.get(zone)?.offsetAt(instant)).toBe(tzOffset(zone, new Date(instant)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('turns a wall-clock time into the instant TZDate gives, gaps and repeated hours included', () => {
    const clocks = new Map(ZONES.map((z) => [z, new ZoneClock(z, from, to)]));
    const minutes = Math.floor((to - from) / 60_000);
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 2 * 1440, max: minutes - 2 * 1440 }),
        (zone, m) => {
          const wall = new Date(from + m * 60_000);
          const expected = new TZDate(
            wall.getUTCFullYear(),
            wall.getUTCMonth(),
            wall.getUTCDate(),
            wall.getUTCHours(),
            wall.getUTCMinutes(),
            zone,
          ).getTime();
          expect(clocks.get(zone)?.toUtc(wall.getTime())).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('resolves the wall times next to Madrid’s spring and autumn changes like TZDate', () => {
    const clock = new ZoneClock('Europe/Madrid', from, to);
    for (const [day, hour, minute] of [
      [29, 1, 59],
      [29, 2, 30],
      [29, 3, 0],
    ] as const) {
      const wall = Date.UTC(2026, 2, day, hour, minute);
      expect(clock.toUtc(wall)).toBe(
        new TZDate(2026, 2, day, hour, minute, 'Europe/Madrid').getTime(),
      );
    }
    const repeated = Date.UTC(2026, 9, 25, 2, 30);
    expect(clock.toUtc(repeated)).toBe(new TZDate(2026, 9, 25, 2, 30, 'Europe/Madrid').getTime());
  });
});
