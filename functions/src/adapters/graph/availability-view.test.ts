import type { Client } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { busyFromAvailabilityView } from './availability-view';
import { graphCalendar } from './calendar';

const MONDAY = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => MONDAY.getTime() + minutes * 60_000;

describe('busyFromAvailabilityView', () => {
  it('reads each digit as its interval: 1 tentative, 2 busy, 3 oof; 0 and 4 are free', () => {
    expect(busyFromAvailabilityView('0123 4', MONDAY, 30)).toEqual([
      { start: at(30), end: at(60), status: 'tentative' },
      { start: at(60), end: at(90), status: 'busy' },
      { start: at(90), end: at(120), status: 'oof' },
      { start: at(120), end: at(150), status: 'unknown' },
    ]);
  });

  it('steps by the interval asked for', () => {
    expect(busyFromAvailabilityView('22', MONDAY, 60)).toEqual([
      { start: at(0), end: at(60), status: 'busy' },
      { start: at(60), end: at(120), status: 'busy' },
    ]);
  });

  it.each([4, 1441, 7.5])('refuses an interval of %s minutes', (minutes) => {
    expect(() => busyFromAvailabilityView('2', MONDAY, minutes)).toThrow(RangeError);
  });
});

describe('graphCalendar.availability', () => {
  /** A Graph client whose getSchedule answers `schedule` for every person asked. */
  function scheduleClient(schedule: Record<string, unknown>): Client {
    const request = {
      header: () => request,
      post: async (body: { schedules: string[] }) => ({
        value: body.schedules.map((scheduleId) => ({ scheduleId, ...schedule })),
      }),
    };
    return { api: () => request } as unknown as Client;
  }
  const hours = {
    daysOfWeek: ['monday'],
    startTime: '09:00:00.0000000',
    endTime: '18:00:00.0000000',
    timeZone: { name: 'UTC' },
  };
  const ask = (client: Client) =>
    graphCalendar(client).availability(
      'org@contoso.test',
      ['ana@contoso.test'],
      MONDAY,
      new Date(at(24 * 60)),
    );

  it('reads the availabilityView as busy time where Graph lists no scheduleItems', async () => {
    const [ana] = await ask(scheduleClient({ availabilityView: '0220', workingHours: hours }));
    expect(ana?.entries).toEqual([]);
    expect(ana?.busy).toEqual([
      { start: at(30), end: at(60), status: 'busy' },
      { start: at(60), end: at(90), status: 'busy' },
    ]);
  });

  it('keeps to the scheduleItems where Graph lists them', async () => {
    const item = {
      status: 'busy',
      start: { dateTime: '2026-03-02T09:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-02T10:30:00.0000000', timeZone: 'UTC' },
    };
    const [ana] = await ask(
      scheduleClient({ availabilityView: '0220', scheduleItems: [item], workingHours: hours }),
    );
    expect(ana?.entries).toEqual([{ start: at(30), end: at(90), status: 'busy' }]);
    expect(ana?.busy).toBeUndefined();
  });
});
