import type { Client } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { planSeries, resolveTimeZone } from '../../domain/schedule';
import { graphCalendar } from './calendar';
import { timeZoneFromGraph, zoneFromName } from './graph-time-zone';
import { busyFromScheduleItems, instantOf, workingHoursFromGraph } from './schedule-wire';

describe('zoneFromName: Windows names to IANA', () => {
  it('maps Windows names with windows-iana, preferring the territory’s zone', () => {
    expect(zoneFromName('Romance Standard Time', 'ES')).toBe('Europe/Madrid');
    expect(zoneFromName('GMT Standard Time', 'es')).toBe('Atlantic/Canary');
    expect(zoneFromName('Central Standard Time (Mexico)')).toBe('America/Mexico_City');
  });

  it('maps "GMT Standard Time" without a country to London, whose rules the Canaries share', () => {
    expect(zoneFromName('GMT Standard Time')).toBe('Europe/London');
  });

  it('keeps IANA names, and hands an unknown name on for the domain to refuse', () => {
    expect(zoneFromName('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(zoneFromName('Mars Standard Time')).toBe('Mars Standard Time');
    expect(resolveTimeZone(zoneFromName('Mars Standard Time'))).toEqual({
      ok: false,
      problem: { code: 'unknownTimeZone', timeZone: 'Mars Standard Time' },
    });
  });

  it('reads Exchange’s tzone://Microsoft/Utc as UTC and refuses tzone://Microsoft/Custom', () => {
    expect(zoneFromName('tzone://Microsoft/Utc')).toBe('UTC');
    expect(resolveTimeZone(zoneFromName('tzone://Microsoft/Custom'))).toMatchObject({
      ok: false,
      problem: { code: 'customTimeZoneUnsupported', timeZone: 'tzone://Microsoft/Custom' },
    });
  });
});

describe('instantOf: dateTimeTimeZone to UTC', () => {
  it('reads getSchedule’s UTC default and a wall time in a Windows or IANA zone', () => {
    const utc = { dateTime: '2026-03-02T12:00:00.0000000', timeZone: 'UTC' };
    expect(instantOf(utc)).toBe(Date.parse('2026-03-02T12:00:00Z'));
    // Madrid is UTC+1 in March before the 29th, UTC+2 after.
    expect(instantOf({ dateTime: '2026-03-02T12:00:00', timeZone: 'Romance Standard Time' })).toBe(
      Date.parse('2026-03-02T11:00:00Z'),
    );
    expect(instantOf({ dateTime: '2026-04-02T12:00:00', timeZone: 'Europe/Madrid' })).toBe(
      Date.parse('2026-04-02T10:00:00Z'),
    );
  });

  it('gives NaN for a time or zone it cannot read, which the planner refuses', () => {
    expect(instantOf({ dateTime: 'soon', timeZone: 'UTC' })).toBeNaN();
    expect(
      instantOf({ dateTime: '2026-03-02T12:00:00', timeZone: 'tzone://Microsoft/Custom' }),
    ).toBeNaN();
    const hours = { daysOfWeek: ['monday'], startTime: '09:00', endTime: '17:00', timeZone: 'UTC' };
    const person = (id: string) => ({ id, workingHours: hours, timeZone: 'UTC' });
    const entries = busyFromScheduleItems([
      { status: 'busy', start: { dateTime: 'soon', timeZone: 'UTC' }, end: { dateTime: 'later' } },
    ]);
    expect(
      planSeries({
        mentee: { ...person('a'), entries },
        mentor: person('b'),
        plan: { earliestStart: '2026-03-02', sessions: 1, months: 1 },
      }),
    ).toMatchObject({ ok: false, reason: { code: 'invalidSchedule', role: 'mentee' } });
  });
});

describe('busyFromScheduleItems', () => {
  const item = (status: string | undefined) => ({
    ...(status === undefined ? {} : { status }),
    start: { dateTime: '2026-03-02T09:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2026-03-02T10:00:00.0000000', timeZone: 'UTC' },
  });
  const start = Date.parse('2026-03-02T09:00:00Z');
  const end = Date.parse('2026-03-02T10:00:00Z');

  it('compares statuses without case and leaves out free and working elsewhere', () => {
    expect(
      busyFromScheduleItems(
        ['Busy', 'tentative', 'OOF', 'Unknown', 'free', 'WorkingElsewhere', undefined].map(item),
      ).map((b) => b.status),
    ).toEqual(['busy', 'tentative', 'oof', 'unknown', 'busy']);
    expect(busyFromScheduleItems([item('Busy')])).toEqual([{ start, end, status: 'busy' }]);
  });
});

describe('workingHoursFromGraph', () => {
  it('gives days, local times and the zone as IANA', () => {
    expect(
      workingHoursFromGraph({
        daysOfWeek: ['Monday', 'tuesday'],
        startTime: '08:00:00.0000000',
        endTime: '17:30:00.0000000',
        timeZone: { name: 'Romance Standard Time' },
      }),
    ).toEqual({
      daysOfWeek: ['monday', 'tuesday'],
      startTime: '08:00',
      endTime: '17:30',
      timeZone: 'Europe/Paris',
    });
    expect(timeZoneFromGraph({ name: 'Romance Standard Time' }, 'ES')).toBe('Europe/Madrid');
  });
});

describe('graphCalendar.availability reads getSchedule’s reply', () => {
  function scheduleClient(value: unknown[]): Client {
    const request = { header: () => request, post: async () => ({ value }) };
    return { api: () => request } as unknown as Client;
  }
  const ask = (client: Client) =>
    graphCalendar(client).availability(
      'org@contoso.test',
      ['ana@contoso.test', 'luis@contoso.test'],
      new Date('2026-03-02T00:00:00Z'),
      new Date('2026-03-03T00:00:00Z'),
    );

  it('hands the domain plain values: entries in UTC, hours with an IANA zone', async () => {
    const [ana] = await ask(
      scheduleClient([
        {
          scheduleId: 'Ana@contoso.test',
          scheduleItems: [
            {
              status: 'Busy',
              start: { dateTime: '2026-03-02T10:00:00.0000000', timeZone: 'Romance Standard Time' },
              end: { dateTime: '2026-03-02T11:00:00.0000000', timeZone: 'Romance Standard Time' },
            },
          ],
          workingHours: {
            daysOfWeek: ['monday'],
            startTime: '09:00:00.0000000',
            endTime: '17:00:00.0000000',
            timeZone: { name: 'Central Standard Time (Mexico)' },
          },
        },
      ]),
    );
    expect(ana).toEqual({
      address: 'ana@contoso.test',
      entries: [
        {
          start: Date.parse('2026-03-02T09:00:00Z'),
          end: Date.parse('2026-03-02T10:00:00Z'),
          status: 'busy',
        },
      ],
      workingHours: {
        daysOfWeek: ['monday'],
        startTime: '09:00',
        endTime: '17:00',
        timeZone: 'America/Mexico_City',
      },
    });
  });

  it('marks a schedule in a shape it cannot read as unreadable', async () => {
    const [, luis] = await ask(
      scheduleClient([{ scheduleId: 'luis@contoso.test', scheduleItems: 'nothing' }]),
    );
    expect(luis).toMatchObject({ workingHours: null, error: 'unreadableSchedule' });
  });
});
