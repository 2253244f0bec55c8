import { findIana, findWindows, type IanaName } from 'windows-iana';
import type { WeeklySeries } from '../../domain/schedule';

/** Graph's dateTimeTimeZone (https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone). */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/**
 * The domain's weekly series in Graph's words: an event's `start` / `end` and its
 * `patternedRecurrence` (https://learn.microsoft.com/graph/api/resources/patternedrecurrence,
 * https://learn.microsoft.com/graph/api/resources/recurrencepattern — `weekly` with `interval`
 * and `daysOfWeek` —, https://learn.microsoft.com/graph/api/resources/recurrencerange — `numbered`
 * with `startDate`, `numberOfOccurrences` and `recurrenceTimeZone`).
 */
export interface GraphRecurrence {
  pattern: {
    type: 'weekly';
    interval: number;
    daysOfWeek: [string];
    firstDayOfWeek: 'monday';
  };
  range: {
    type: 'numbered';
    startDate: string;
    numberOfOccurrences: number;
    recurrenceTimeZone: string;
  };
}

const windowsNames = new Map<string, string>();

/**
 * The name to write to Graph for a zone. Graph takes Windows names or the IANA names on its own
 * list (https://learn.microsoft.com/graph/api/resources/datetimetimezone), which lacks e.g.
 * Europe/Madrid and Atlantic/Canary: a Windows name (as a mailbox gives it) is written as it is,
 * an IANA name as the Windows zone CLDR's windowsZones (windows-iana) gives it, with the same
 * rules. An IANA zone without one keeps its name.
 */
export function graphZoneName(name: string): string {
  const known = windowsNames.get(name);
  if (known) return known;
  let found = name;
  if (findIana(name).length === 0) {
    let canonical = name;
    try {
      canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      // Not a zone Intl knows: written as given.
    }
    found = findWindows(name as IanaName)[0] ?? findWindows(canonical as IanaName)[0] ?? canonical;
  }
  windowsNames.set(name, found);
  return found;
}

/** The first session's `start` and `end` as Graph's dateTimeTimeZone, in the series' zone. */
export function eventTimes(series: WeeklySeries): {
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
} {
  const timeZone = graphZoneName(series.zone);
  return {
    start: { dateTime: `${series.firstDate}T${series.startTime}:00`, timeZone },
    end: { dateTime: `${series.endDate}T${series.endTime}:00`, timeZone },
  };
}

export function patternedRecurrence(series: WeeklySeries): GraphRecurrence {
  return {
    pattern: {
      type: 'weekly',
      interval: series.intervalWeeks,
      daysOfWeek: [series.weekday],
      firstDayOfWeek: 'monday',
    },
    range: {
      type: 'numbered',
      startDate: series.firstDate,
      numberOfOccurrences: series.sessions,
      recurrenceTimeZone: graphZoneName(series.zone),
    },
  };
}
