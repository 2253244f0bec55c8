import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { resolveTimeZone } from '../../domain/schedule';
import { ZoneClock } from '../../domain/schedule/time-zone';
import { timeZoneFromGraph } from './graph-time-zone';

/** Microsoft's own getSchedule response (api-reference/v1.0/api/calendar-getschedule.md). */
const DOC_EXAMPLE = {
  '@odata.type': '#microsoft.graph.customTimeZone',
  bias: 480,
  name: 'Customized Time Zone',
  standardOffset: {
    time: '02:00:00.0000000',
    dayOccurrence: 1,
    dayOfWeek: 'sunday',
    month: 11,
    year: 0,
  },
  daylightOffset: {
    daylightBias: -60,
    time: '02:00:00.0000000',
    dayOccurrence: 2,
    dayOfWeek: 'sunday',
    month: 3,
    year: 0,
  },
};

describe('timeZoneFromGraph', () => {
  it('reads the documented customTimeZone as US Pacific time, offset for offset', () => {
    const zone = timeZoneFromGraph(DOC_EXAMPLE);
    expect(zone).toEqual({
      kind: 'custom',
      name: 'Customized Time Zone',
      standardOffset: -480,
      daylight: {
        offset: -420,
        starts: { month: 3, week: 2, weekday: 0, minuteOfDay: 120 },
        ends: { month: 11, week: 1, weekday: 0, minuteOfDay: 120 },
      },
    });
    const resolved = resolveTimeZone(zone!);
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.problem));
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    const clock = new ZoneClock(resolved.zone, from, to);
    for (let at = from; at < to; at += 3_600_000) {
      expect(clock.offsetAt(at)).toBe(tzOffset('America/Los_Angeles', new Date(at)));
    }
  });

  it('reads a zone without daylight saving (blank transitions) as one fixed offset', () => {
    expect(
      timeZoneFromGraph({
        '@odata.type': '#microsoft.graph.customTimeZone',
        bias: 360,
        name: 'Mexico',
        standardOffset: { time: '00:00:00.0000000', dayOccurrence: 0, month: 0, year: 0 },
        daylightOffset: { daylightBias: 0, time: '00:00:00.0000000', month: 0, year: 0 },
      }),
    ).toEqual({ kind: 'custom', name: 'Mexico', standardOffset: -360 });
  });

  it('reads a named zone as IANA: Windows names through windows-iana, IANA names as they are', () => {
    expect(timeZoneFromGraph({ name: 'Pacific Standard Time' })).toBe('America/Los_Angeles');
    expect(timeZoneFromGraph('Romance Standard Time')).toBe('Europe/Paris');
    expect(timeZoneFromGraph('Romance Standard Time', 'ES')).toBe('Europe/Madrid');
    expect(timeZoneFromGraph({ name: 'Europe/Madrid' })).toBe('Europe/Madrid');
    expect(timeZoneFromGraph(undefined)).toBeUndefined();
  });

  it('hands rules it cannot read to the domain, which refuses them with the zone name', () => {
    const zone = timeZoneFromGraph({
      ...DOC_EXAMPLE,
      daylightOffset: { ...DOC_EXAMPLE.daylightOffset, dayOfWeek: 'someday' },
    });
    expect(resolveTimeZone(zone!)).toMatchObject({
      ok: false,
      problem: { code: 'customTimeZoneUnsupported', timeZone: 'Customized Time Zone' },
    });
  });
});
