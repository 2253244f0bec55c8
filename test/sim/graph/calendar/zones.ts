import { tzOffset } from '@date-fns/tz';
import { findIana } from 'windows-iana';
import { GraphError } from '../router';

/**
 * Wall clocks and instants for the calendars. Outlook stores a series in its own zone and Graph
 * names zones the Windows way ('Romance Standard Time') or the IANA way ('Europe/Madrid'); both
 * resolve to IANA here (windows-iana, CLDR's table) and offsets come from @date-fns/tz.
 */

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const resolved = new Map<string, string | null>();

function validIana(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** IANA name for a Graph time zone, or null when neither table knows it. */
export function tryIanaZone(name: string): string | null {
  const cached = resolved.get(name);
  if (cached !== undefined) return cached;
  let iana: string | null;
  if (/^(utc|tzone:\/\/microsoft\/utc)$/i.test(name.trim())) iana = 'UTC';
  else {
    const windows = findIana(name.trim())[0];
    iana = windows ? validIana(windows) : validIana(name.trim());
  }
  resolved.set(name, iana);
  return iana;
}

/** IANA name for a Graph time zone; an unknown one is Graph's 400 for a bad `timeZone`. */
export function ianaZone(name: string): string {
  const iana = tryIanaZone(name);
  if (!iana) {
    throw new GraphError(
      400,
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
    );
  }
  return iana;
}

const QUARTER_MS = 15 * MINUTE_MS;
const exact = new Map<string, number>();
/** Per zone and UTC day: the offset when it holds all day, or null on a day the offset changes. */
const daily = new Map<string, number | null>();

function exactOffset(zone: string, at: number): number {
  const key = `${zone}|${Math.floor(at / QUARTER_MS)}`;
  let offset = exact.get(key);
  if (offset === undefined) {
    if (exact.size > 500_000) exact.clear();
    offset = tzOffset(zone, new Date(at)) * MINUTE_MS;
    exact.set(key, offset);
  }
  return offset;
}

/**
 * A zone's UTC offset at an instant. Zones change offset at most once a day and on a quarter
 * hour, so a day whose two ends agree has one offset throughout; expanding 600 calendars then
 * costs two look-ups per zone and day instead of one per event.
 */
function offsetMs(zone: string, at: number): number {
  if (zone === 'UTC') return 0;
  const day = Math.floor(at / DAY_MS);
  const key = `${zone}|${day}`;
  let offset = daily.get(key);
  if (offset === undefined) {
    if (daily.size > 500_000) daily.clear();
    const first = exactOffset(zone, day * DAY_MS);
    offset = first === exactOffset(zone, (day + 1) * DAY_MS) ? first : null;
    daily.set(key, offset);
  }
  return offset ?? exactOffset(zone, at);
}

/**
 * The instant a wall-clock time (ms since 1970-01-01T00:00 read as a local calendar) names in
 * `zone`. In the spring gap the time moves forward by the gap, as Outlook shows it.
 */
export function wallToUtc(wall: number, zone: string): number {
  if (zone === 'UTC') return wall;
  // Offsets a day either side: no zone changes its offset twice within two days.
  const before = wall - offsetMs(zone, wall - DAY_MS);
  const after = wall - offsetMs(zone, wall + DAY_MS);
  const valid = [before, after].filter((at) => at + offsetMs(zone, at) === wall);
  // At the autumn overlap the earlier instant; in the spring gap, the old offset (moves forward).
  return valid.length > 0 ? Math.min(...valid) : before;
}

/** The wall-clock reading (ms since 1970-01-01T00:00 as a local calendar) of an instant in `zone`. */
export function utcToWall(at: number, zone: string): number {
  return at + offsetMs(zone, at);
}

/** Day number (days since 1970-01-01) of an ISO date 'YYYY-MM-DD'. */
export function dayOfIsoDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new GraphError(400, 'ErrorInvalidRequest', `'${text}' is not a valid date.`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Parses Graph's dateTime ('2026-03-03T10:00:00', optional fraction, no offset) as a wall clock. */
export function parseWall(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?Z?$/.exec(text);
  if (!m) {
    throw new GraphError(400, 'ErrorInvalidRequest', `Cannot convert '${text}' to a DateTime.`);
  }
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    ms,
  );
}

/** Graph writes dateTimes with seven fractional digits and no offset. */
export function formatWall(wall: number): string {
  return `${new Date(wall).toISOString().slice(0, 19)}.0000000`;
}

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** The instant a Graph dateTimeTimeZone names. */
export function instantOf(value: DateTimeTimeZone): number {
  return wallToUtc(parseWall(value.dateTime), ianaZone(value.timeZone));
}

/** An instant as Graph writes it in a zone (the zone keeps the caller's spelling). */
export function dateTimeIn(at: number, zoneName: string): DateTimeTimeZone {
  return { dateTime: formatWall(utcToWall(at, ianaZone(zoneName))), timeZone: zoneName };
}

/** Parses an ISO 8601 instant given in a query (`startDateTime=2026-03-01T00:00:00Z`). */
export function parseQueryInstant(text: string, name: string): number {
  // Without an offset Graph reads the value as UTC.
  const at = /([Zz]|[+-]\d{2}:?\d{2})$/.test(text) ? Date.parse(text) : Date.parse(`${text}Z`);
  if (Number.isNaN(at)) {
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      `The value '${text}' of parameter '${name}' is invalid.`,
    );
  }
  return at;
}

interface CustomTransition {
  time: string;
  dayOccurrence: number;
  dayOfWeek: string;
  month: number;
  year: number;
}

/** Graph's `#microsoft.graph.customTimeZone`, as getSchedule serves it. */
export interface CustomTimeZoneWire {
  '@odata.type': '#microsoft.graph.customTimeZone';
  bias: number;
  name: string;
  standardOffset: CustomTransition;
  daylightOffset: CustomTransition & { daylightBias: number };
}

const sunday = (month: number, dayOccurrence: number, time: string): CustomTransition => ({
  time: `${time}:00.0000000`,
  dayOccurrence,
  dayOfWeek: 'sunday',
  month,
  year: 0,
});
const none: CustomTransition = {
  time: '00:00:00.0000000',
  dayOccurrence: 0,
  dayOfWeek: 'sunday',
  month: 0,
  year: 0,
};

/**
 * The rules of the demo's zones as a customTimeZone, in the shape and sign convention of
 * Microsoft's getSchedule example (api-reference/v1.0/api/calendar-getschedule.md: a Pacific
 * mailbox is `bias: 480`, `daylightBias: -60`, second Sunday of March to first Sunday of November),
 * which is Exchange's availability TimeZone (Bias, DayOrder 5 = last:
 * https://learn.microsoft.com/previous-versions/office/gg448916(v=office.14)). The transitions are
 * Windows' own for these zones (EU: last Sunday of March at 01:00 UTC, back on the last Sunday of
 * October; Mexico without daylight time since 2022).
 */
const CUSTOM_ZONES: Record<string, CustomTimeZoneWire> = {
  'Europe/Madrid': {
    '@odata.type': '#microsoft.graph.customTimeZone',
    bias: -60,
    name: 'Customized Time Zone',
    standardOffset: sunday(10, 5, '03:00'),
    daylightOffset: { ...sunday(3, 5, '02:00'), daylightBias: -60 },
  },
  'Europe/London': {
    '@odata.type': '#microsoft.graph.customTimeZone',
    bias: 0,
    name: 'Customized Time Zone',
    standardOffset: sunday(10, 5, '02:00'),
    daylightOffset: { ...sunday(3, 5, '01:00'), daylightBias: -60 },
  },
  'America/Mexico_City': {
    '@odata.type': '#microsoft.graph.customTimeZone',
    bias: 360,
    name: 'Customized Time Zone',
    standardOffset: none,
    daylightOffset: { ...none, daylightBias: 0 },
  },
  'America/Los_Angeles': {
    '@odata.type': '#microsoft.graph.customTimeZone',
    bias: 480,
    name: 'Customized Time Zone',
    standardOffset: sunday(11, 1, '02:00'),
    daylightOffset: { ...sunday(3, 2, '02:00'), daylightBias: -60 },
  },
};

/** Zones that keep the same rules (the Canaries change with the rest of the EU, an hour behind Madrid). */
const SAME_RULES: Record<string, string> = {
  'Atlantic/Canary': 'Europe/London',
  'Europe/Paris': 'Europe/Madrid',
};

/** The customTimeZone equal to a named zone (Windows or IANA), when the simulator knows its rules. */
export function customTimeZoneFor(name: string): CustomTimeZoneWire | undefined {
  const iana = tryIanaZone(name);
  if (!iana) return undefined;
  return CUSTOM_ZONES[SAME_RULES[iana] ?? iana];
}
