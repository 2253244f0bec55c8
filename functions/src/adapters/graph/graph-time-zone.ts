import { z } from 'zod';
import type { CustomTimeZone, TimeZoneInput, ZoneTransition } from '../../domain/schedule';

/**
 * Graph's time zones, read into the domain's model. `workingHours.timeZone` is a `timeZoneBase`
 * (`{ name }`) or a `#microsoft.graph.customTimeZone` with its own rules; Microsoft's getSchedule
 * example serves one:
 * https://learn.microsoft.com/graph/api/calendar-getschedule (api-reference/v1.0/api/calendar-getschedule.md)
 * https://learn.microsoft.com/graph/api/resources/workinghours (resources/workinghours.md)
 */

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

/** Graph's `workingHours.timeZone` (or any timeZoneBase) as the domain's zone input. */
export function timeZoneFromGraph(wire: unknown): TimeZoneInput | undefined {
  if (wire === undefined || wire === null) return undefined;
  if (typeof wire === 'string') return wire;
  const parsed = customTimeZoneWire.safeParse(wire);
  if (!parsed.success) return { name: undefined };
  const zone = parsed.data;
  const isCustom =
    zone['@odata.type']?.endsWith('customTimeZone') === true ||
    zone.bias !== undefined ||
    !isBlank(zone.standardOffset) ||
    !isBlank(zone.daylightOffset);
  if (!isCustom) return { name: zone.name };
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
