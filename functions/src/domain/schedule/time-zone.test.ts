import { TZDate, tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveTimeZone, ZoneClock } from './time-zone';

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
  it('maps Windows names to IANA with windows-iana, preferring the territory’s zone', () => {
    expect(resolveTimeZone('Romance Standard Time', 'ES')).toEqual({
      ok: true,
      zone: { iana: 'Europe/Madrid', graphName: 'Romance Standard Time', source: 'windows' },
    });
    expect(resolveTimeZone('GMT Standard Time', 'ES')).toMatchObject({
      ok: true,
      zone: { iana: 'Atlantic/Canary' },
    });
    expect(resolveTimeZone('Central Standard Time (Mexico)')).toMatchObject({
      ok: true,
      zone: { iana: 'America/Mexico_City' },
    });
  });

  it('accepts IANA names and Graph’s { name } shape, and canonicalises aliases', () => {
    expect(resolveTimeZone({ name: 'Mexico/General' })).toEqual({
      ok: true,
      zone: { iana: 'America/Mexico_City', graphName: 'Mexico/General', source: 'iana' },
    });
  });

  it('refuses names that are neither Windows nor IANA, and bare offsets', () => {
    expect(resolveTimeZone('Mars Standard Time')).toEqual({
      ok: false,
      problem: { code: 'unknownTimeZone', timeZone: 'Mars Standard Time' },
    });
    expect(resolveTimeZone('+01:00')).toMatchObject({
      ok: false,
      problem: { code: 'unknownTimeZone' },
    });
  });

  it('reads Exchange’s tzone://Microsoft/Utc as UTC and refuses tzone://Microsoft/Custom', () => {
    expect(resolveTimeZone('tzone://Microsoft/Utc')).toMatchObject({
      ok: true,
      zone: { iana: 'UTC' },
    });
    expect(resolveTimeZone('tzone://Microsoft/Custom')).toMatchObject({
      ok: false,
      problem: { code: 'customTimeZoneUnsupported' },
    });
  });

  it('accepts a custom zone only when it is UTC under either sign convention of its bias', () => {
    expect(resolveTimeZone({ '@odata.type': '#microsoft.graph.customTimeZone', bias: 0 })).toEqual({
      ok: true,
      zone: { iana: 'UTC', source: 'customUtc' },
    });
    expect(
      resolveTimeZone({ '@odata.type': '#microsoft.graph.customTimeZone', bias: 60, name: 'X' }),
    ).toMatchObject({ ok: false, problem: { code: 'customTimeZoneUnsupported', timeZone: 'X' } });
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
