import { describe, expect, it } from 'vitest';
import type { WeeklySeries } from '../../domain/schedule';
import { eventTimes, graphZoneName, patternedRecurrence } from './series-wire';

const series: WeeklySeries = {
  weekday: 'monday',
  intervalWeeks: 2,
  sessions: 10,
  firstDate: '2026-01-12',
  startTime: '09:00',
  endDate: '2026-01-12',
  endTime: '10:00',
  zone: 'America/Mexico_City',
};

describe('graphZoneName (datetimetimezone: not every IANA name is accepted)', () => {
  it('writes the Windows name for an IANA zone, an alias through its canonical zone', () => {
    expect(graphZoneName('Europe/Madrid')).toBe('Romance Standard Time');
    expect(graphZoneName('Atlantic/Canary')).toBe('GMT Standard Time');
    expect(graphZoneName('Mexico/General')).toBe('Central Standard Time (Mexico)');
    expect(graphZoneName('UTC')).toBe('UTC');
  });

  it('writes a Windows name a mailbox uses as it is', () => {
    expect(graphZoneName('Romance Standard Time')).toBe('Romance Standard Time');
    expect(graphZoneName('Central Standard Time (Mexico)')).toBe('Central Standard Time (Mexico)');
  });
});

describe('a weekly series in Graph’s words', () => {
  it('is an event start and end in the series’ zone, by its Windows name', () => {
    expect(eventTimes(series)).toEqual({
      start: { dateTime: '2026-01-12T09:00:00', timeZone: 'Central Standard Time (Mexico)' },
      end: { dateTime: '2026-01-12T10:00:00', timeZone: 'Central Standard Time (Mexico)' },
    });
    expect(eventTimes({ ...series, endDate: '2026-01-13', endTime: '00:30' }).end).toEqual({
      dateTime: '2026-01-13T00:30:00',
      timeZone: 'Central Standard Time (Mexico)',
    });
  });

  it('is a weekly, numbered patternedRecurrence', () => {
    expect(patternedRecurrence(series)).toEqual({
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
      range: {
        type: 'numbered',
        startDate: '2026-01-12',
        numberOfOccurrences: 10,
        recurrenceTimeZone: 'Central Standard Time (Mexico)',
      },
    });
  });
});
