import { findIana } from 'windows-iana';
import { z } from 'zod';
import type { CustomTimeZone, TimeZoneInput, ZoneTransition } from '../../domain/schedule';

/**
 * Graph's time zones, read into the domain's model. `workingHours.timeZone` is a `timeZoneBase`
 * (`{ name }`) or a `#microsoft.graph.customTimeZone` with its own rules; Microsoft's getSchedule
 * example serves one:
 * https://learn.microsoft.com/graph/api/calendar-getschedule (api-reference/v1.0/api/calendar-getschedule.md)
 * https://learn.microsoft.com/graph/api/resources/workinghours (resources/workinghours.md)
 */

// Intl answers the same for a name every time; building a formatter costs tens of microseconds.
const ianaNames = new Map<string, string | undefined>();

function knownIana(name: string): string | undefined {
  if (!/^[A-Za-z]/.test(name)) return undefined;
  if (ianaNames.has(name)) return ianaNames.get(name);
  let found: string | undefined;
  try {
    found = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    found = undefined;
  }
  ianaNames.set(name, found);
  return found;
}

/**
 * A zone name as a mailbox gives it, as the domain's zone: Graph names zones the Windows way
 * ("Romance Standard Time") or with an IANA name
 * (https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone). Windows names go
 * through `windows-iana` (CLDR's windowsZones); `territory` (the mailbox's country, when the
 * caller knows it) picks the regional zone, so "GMT Standard Time" in ES is Atlantic/Canary rather
 * than the golden Europe/London (same rules). Exchange writes `tzone://Microsoft/Utc` for UTC and
 * `tzone://Microsoft/Custom` for a legacy custom zone from desktop Outlook, which carries no rules
 * Graph shows. A name neither Windows nor IANA knows goes on as it is; the domain refuses it.
 */
export function zoneFromName(raw: string, territory?: string): TimeZoneInput {
  const name = raw.trim();
  if (/^tzone:\/\/Microsoft\/Utc$/i.test(name)) return 'UTC';
  if (/^tzone:\/\/Microsoft\/Custom$/i.test(name)) {
    const why = 'a legacy custom zone from desktop Outlook carries no rules Graph shows';
    return { kind: 'unsupported', name, why };
  }
  const regional = territory ? findIana(name, territory.toUpperCase()) : [];
  const windows = regional.length > 0 ? regional : findIana(name);
  const fromWindows = windows[0] === undefined ? undefined : knownIana(windows[0]);
  return fromWindows ?? name;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "02:00:00.0000000" (Edm.TimeOfDay). */
const timeOfDay = z
  .string()
  .regex(/^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/)
  .transform((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));

/**
 * standardTimeZoneOffset / daylightTimeZoneOffset:
 * https://learn.microsoft.com/graph/api/resources/standardtimezoneoffset (resources/standardtimezoneoffset.md)
 * https://learn.microsoft.com/graph/api/resources/daylighttimezoneoffset (resources/daylighttimezoneoffset.md)
 */
const transitionWire = z.object({
  time: timeOfDay.optional(),
  dayOccurrence: z.number().int().optional(),
  dayOfWeek: z.string().optional(),
  month: z.number().int().optional(),
  year: z.number().int().optional(),
  daylightBias: z.number().int().optional(),
});
type TransitionWire = z.infer<typeof transitionWire>;

/** https://learn.microsoft.com/graph/api/resources/customtimezone (resources/customtimezone.md) */
const customTimeZoneWire = z.object({
  '@odata.type': z.string().optional(),
  name: z.string().optional(),
  bias: z.number().int().optional(),
  standardOffset: transitionWire.nullish(),
  daylightOffset: transitionWire.nullish(),
});

/** A transition Graph left blank: month 0 is "no transition" in Windows' TIME_ZONE_INFORMATION. */
function isBlank(t: TransitionWire | null | undefined): boolean {
  return !t?.month;
}

function transitionOf(t: TransitionWire): ZoneTransition | string {
  const weekday = WEEKDAYS.indexOf((t.dayOfWeek ?? '').toLowerCase());
  if (weekday < 0) return `dayOfWeek "${t.dayOfWeek}"`;
  // `year` is documented as "how frequently in terms of years"; 0 (every year) is the only value
  // Microsoft's examples use, and the only one whose meaning is documented.
  if ((t.year ?? 0) !== 0) return `year ${t.year} (only 0, every year, is documented)`;
  return {
    month: t.month ?? 0,
    week: t.dayOccurrence ?? 0,
    weekday,
    minuteOfDay: t.time ?? 0,
  };
}

/**
 * The customTimeZone's `bias` as the domain's offset east of UTC.
 *
 * Microsoft's pages disagree on the sign: resources/customtimezone.md says zones ahead of UTC have
 * a positive bias, while the getSchedule example (calendar-getschedule.md) serves a Pacific-time
 * mailbox (second Sunday of March to first Sunday of November) as `bias: 480`
 * with `daylightBias: -60` — Windows' TIME_ZONE_INFORMATION convention, UTC = local + bias. The
 * examples are real responses, and getSchedule's free/busy comes from Exchange's availability
 * service, whose TimeZone carries the same Bias / StandardTime / DaylightTime rules with DayOrder
 * 1–4 or 5 for the last (https://learn.microsoft.com/previous-versions/office/gg448916(v=office.14)),
 * so Tandem follows the examples (docs/graph.md, "Custom time zones").
 */
function offsetEastOfUtc(bias: number): number {
  return -bias;
}

/**
 * Graph's `workingHours.timeZone` (or any timeZoneBase, or a bare name) as the domain's zone:
 * an IANA name, or rules (https://learn.microsoft.com/en-us/graph/api/resources/workinghours,
 * https://learn.microsoft.com/en-us/graph/api/resources/customtimezone).
 */
export function timeZoneFromGraph(wire: unknown, territory?: string): TimeZoneInput | undefined {
  if (wire === undefined || wire === null) return undefined;
  if (typeof wire === 'string') return zoneFromName(wire, territory);
  const parsed = customTimeZoneWire.safeParse(wire);
  // No readable zone: an empty name, which the domain refuses as an unknown zone.
  if (!parsed.success) return '';
  const zone = parsed.data;
  const isCustom =
    zone['@odata.type']?.endsWith('customTimeZone') === true ||
    zone.bias !== undefined ||
    !isBlank(zone.standardOffset) ||
    !isBlank(zone.daylightOffset);
  if (!isCustom) {
    return zoneFromName(zone.name ?? '', territory);
  }
  const name = zone.name ?? 'Customized Time Zone';
  const standardOffset = offsetEastOfUtc(zone.bias ?? 0);
  const custom: CustomTimeZone = { kind: 'custom', name, standardOffset };
  const daylightBias = zone.daylightOffset?.daylightBias ?? 0;
  if (isBlank(zone.daylightOffset) || isBlank(zone.standardOffset) || daylightBias === 0) {
    return custom;
  }
  const starts = transitionOf(zone.daylightOffset!);
  const ends = transitionOf(zone.standardOffset!);
  if (typeof starts === 'string' || typeof ends === 'string') {
    // An impossible rule reaches the domain as such, which refuses it with the reason.
    const broken = { month: 0, week: 0, weekday: 0, minuteOfDay: 0 };
    return { ...custom, daylight: { offset: standardOffset, starts: broken, ends: broken } };
  }
  return {
    ...custom,
    daylight: { offset: offsetEastOfUtc((zone.bias ?? 0) + daylightBias), starts, ends },
  };
}
