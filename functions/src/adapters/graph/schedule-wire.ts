import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import type { BusyInterval, BusyStatus, WorkingHoursInput } from '../../domain/schedule';
import { timeZoneFromGraph, zoneFromName } from './graph-time-zone';

/**
 * getSchedule's reply in the domain's plain values: busy time as UTC instants, working hours as
 * days, local times and an IANA zone (or a custom zone's rules). Graph's shapes stop here.
 *
 * - The reply: `value` is a collection of scheduleInformation
 *   (https://learn.microsoft.com/en-us/graph/api/calendar-getschedule,
 *   https://learn.microsoft.com/en-us/graph/api/resources/scheduleinformation).
 * - Times are dateTimeTimeZone: a wall time and the zone it is in, a Windows name or an IANA name
 *   (https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone). Without an
 *   `outlook.timezone` Prefer header getSchedule answers in UTC.
 * - Working hours: days of the week, start and end as Edm.TimeOfDay, and a timeZoneBase that may
 *   be a customTimeZone with its own rules
 *   (https://learn.microsoft.com/en-us/graph/api/resources/workinghours,
 *   https://learn.microsoft.com/en-us/graph/api/resources/customtimezone; graph-time-zone.ts).
 */

const dateTimeTimeZoneWire = z.object({ dateTime: z.string(), timeZone: z.string().optional() });
type DateTimeTimeZoneWire = z.infer<typeof dateTimeTimeZoneWire>;

const scheduleItemWire = z.object({
  status: z.string().optional(),
  start: dateTimeTimeZoneWire,
  end: dateTimeTimeZoneWire,
});

const workingHoursWire = z.object({
  daysOfWeek: z.array(z.string()),
  startTime: z.string(),
  endTime: z.string(),
  timeZone: z.unknown().optional(),
});

const scheduleInformationWire = z.object({
  scheduleId: z.string(),
  availabilityView: z.string().optional(),
  scheduleItems: z.array(scheduleItemWire).optional(),
  workingHours: workingHoursWire.nullish(),
  error: z
    .object({ message: z.string().optional(), responseCode: z.string().optional() })
    .nullish(),
});
export type ScheduleInformationWire = z.infer<typeof scheduleInformationWire>;

export const getScheduleReplyWire = z.object({ value: z.array(z.unknown()) });

/** One scheduleInformation; `schedule` is absent when its shape cannot be read. */
export function readSchedule(raw: unknown): {
  scheduleId?: string;
  schedule?: ScheduleInformationWire;
} {
  const parsed = scheduleInformationWire.safeParse(raw);
  if (parsed.success) return { scheduleId: parsed.data.scheduleId, schedule: parsed.data };
  const id = z.object({ scheduleId: z.string() }).safeParse(raw);
  return id.success ? { scheduleId: id.data.scheduleId } : {};
}

/**
 * A dateTimeTimeZone as a UTC instant (ms); NaN when it names no time or zone Tandem can read,
 * which the planner refuses as an unreadable schedule (`invalidSchedule`).
 */
export function instantOf(value: DateTimeTimeZoneWire, territory?: string): number {
  const zoneName = value.timeZone ?? 'UTC';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.dateTime);
  if (!match) return Number.NaN;
  if (/^(UTC|Etc\/UTC|GMT|Z)$/i.test(zoneName)) {
    // getSchedule's default: "2026-03-02T12:00:00.0000000" in UTC.
    return Date.parse(`${value.dateTime.slice(0, 19)}Z`);
  }
  const zone = zoneFromName(zoneName, territory);
  if (typeof zone !== 'string') return Number.NaN;
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = new TZDate(y, mo - 1, d, h, mi, s, zone).getTime();
  return ms;
}

// A Teams session over "workingElsewhere" is fine; "free" needs no entry. The rest block the slot:
// an unknown or tentative entry is not a promise the person can come. getSchedule's statuses are
// lower case on the API page but capitalised ("Busy", "Tentative") on the concept page
// (https://learn.microsoft.com/en-us/graph/outlook-get-free-busy-schedule): compared without case.
const BLOCKING: Record<string, BusyStatus | undefined> = {
  tentative: 'tentative',
  busy: 'busy',
  oof: 'oof',
  unknown: 'unknown',
};

/** getSchedule's scheduleItems as busy intervals (UTC ms); free and working-elsewhere are left out. */
export function busyFromScheduleItems(
  items: readonly z.infer<typeof scheduleItemWire>[],
  territory?: string,
): BusyInterval[] {
  const busy: BusyInterval[] = [];
  for (const item of items) {
    const status = BLOCKING[(item.status ?? 'busy').toLowerCase()];
    if (!status) continue;
    busy.push({
      start: instantOf(item.start, territory),
      end: instantOf(item.end, territory),
      status,
    });
  }
  return busy;
}

/** "08:00:00.0000000" (Edm.TimeOfDay) as "08:00"; anything else goes on for the domain to refuse. */
function localTime(value: string): string {
  return /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? value.slice(0, 5) : value;
}

/** getSchedule's workingHours: days, local start and end, and the zone as IANA or rules. */
export function workingHoursFromGraph(
  wire: z.infer<typeof workingHoursWire>,
  territory?: string,
): WorkingHoursInput {
  const zone = timeZoneFromGraph(wire.timeZone, territory);
  return {
    daysOfWeek: wire.daysOfWeek.map((d) => d.toLowerCase()),
    startTime: localTime(wire.startTime),
    endTime: localTime(wire.endTime),
    ...(zone === undefined ? {} : { timeZone: zone }),
  };
}
