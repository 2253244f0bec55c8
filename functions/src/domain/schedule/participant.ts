import { TZDate } from '@date-fns/tz';
import {
  formatCalendarDate,
  formatMinutes,
  type ResolvedTimeZone,
  resolveTimeZone,
  splitWall,
  type TimeZoneInput,
  type TimeZoneProblem,
  weekdayOfDay,
  ZoneClock,
} from './time-zone';

export const DAYS_OF_WEEK = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/** Graph's `dateTimeTimeZone`. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** Graph's `workingHours` (from mailboxSettings or getSchedule). */
export interface WorkingHoursInput {
  daysOfWeek: readonly string[];
  /** "08:00:00.0000000" */
  startTime: string;
  endTime: string;
  /** The zone the hours are in; the mailbox zone when absent. */
  timeZone?: TimeZoneInput;
}

/** One getSchedule `scheduleItems` entry; a string is an ISO instant with its offset. */
export interface ScheduleItemInput {
  status?: string;
  start: DateTimeTimeZone | string;
  end: DateTimeTimeZone | string;
}

/** One person as the calendar adapter reads them: zone, working hours and free/busy. */
export interface ParticipantInput {
  id: string;
  /** mailboxSettings.timeZone: the zone local times are shown in. */
  timeZone?: TimeZoneInput;
  /** ISO country (Graph `usageLocation`), used to pick the regional IANA zone. */
  territory?: string;
  workingHours: WorkingHoursInput;
  scheduleItems?: readonly ScheduleItemInput[];
  /** Busy time the adapter read in another form (getSchedule's availabilityView, for one). */
  busy?: readonly BusyInterval[];
}

export type Role = 'mentee' | 'mentor';

export type ParticipantProblem =
  | (TimeZoneProblem & { role: Role })
  | { code: 'invalidWorkingHours'; role: Role; detail: string }
  | { code: 'invalidSchedule'; role: Role; detail: string };

export type BusyStatus = 'tentative' | 'busy' | 'oof' | 'unknown';

export interface BusyInterval {
  start: number;
  end: number;
  status: BusyStatus;
}

/** A participant ready for planning: zones resolved, hours in minutes, busy sorted and merged. */
export interface Participant {
  role: Role;
  id: string;
  zone: ResolvedTimeZone;
  clock: ZoneClock;
  hoursZone: ResolvedTimeZone;
  hoursClock: ZoneClock;
  days: ReadonlySet<number>;
  startMinute: number;
  endMinute: number;
  busy: readonly BusyInterval[];
  mergedStarts: Float64Array;
  mergedEnds: Float64Array;
}

// A Teams session over "workingElsewhere" is fine; "free" needs no entry. The rest block the slot:
// an unknown or tentative entry is not a promise the person can come.
const BLOCKING: Record<string, BusyStatus | undefined> = {
  tentative: 'tentative',
  busy: 'busy',
  oof: 'oof',
  unknown: 'unknown',
};

function parseTimeOfDay(value: string): number | undefined {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value);
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return undefined;
  return h * 60 + m;
}

function parseInstant(value: DateTimeTimeZone | string): number | undefined {
  if (typeof value === 'string') {
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
    const ms = new Date(value).getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (/^(UTC|Etc\/UTC|GMT|Z)$/i.test(value.timeZone)) {
    // getSchedule's default: "2026-03-02T12:00:00.0000000" in UTC.
    const ms = Date.parse(`${value.dateTime.slice(0, 19)}Z`);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.dateTime);
  if (!match) return undefined;
  const parts = match.slice(1, 7).map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = parts;
  const zone = resolveTimeZone(value.timeZone);
  if (!zone.ok) return undefined;
  return new TZDate(y, mo - 1, d, h, mi, s, zone.zone.iana).getTime();
}

function collectBusy(
  input: ParticipantInput,
  ignore: readonly { start: number; end: number }[],
): BusyInterval[] | string {
  const busy: BusyInterval[] = [];
  for (const [i, item] of (input.scheduleItems ?? []).entries()) {
    // Statuses may come capitalised ("Busy", "Tentative" in
    // https://learn.microsoft.com/graph/outlook-get-free-busy-schedule): compared without case.
    const status = BLOCKING[(item.status ?? 'busy').toLowerCase()];
    if (!status) continue;
    const start = parseInstant(item.start);
    const end = parseInstant(item.end);
    if (start === undefined || end === undefined)
      return `scheduleItems[${i}] has an unreadable time`;
    if (ignore.some((x) => x.start === start && x.end === end)) continue;
    if (end > start) busy.push({ start, end, status });
  }
  for (const [i, interval] of (input.busy ?? []).entries()) {
    if (!Number.isFinite(interval.start) || !Number.isFinite(interval.end)) {
      return `busy[${i}] has an unreadable time`;
    }
    if (interval.end > interval.start) busy.push(interval);
  }
  return busy.sort((a, b) => a.start - b.start || a.end - b.end);
}

function mergeIntervals(busy: readonly BusyInterval[]): [Float64Array, Float64Array] {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const interval of busy) {
    const last = ends.length - 1;
    if (last >= 0 && interval.start <= (ends[last] as number)) {
      ends[last] = Math.max(ends[last] as number, interval.end);
    } else {
      starts.push(interval.start);
      ends.push(interval.end);
    }
  }
  return [Float64Array.from(starts), Float64Array.from(ends)];
}

/**
 * Validates and resolves one person's inputs for a window of UTC instants. Calendar entries that
 * exactly match one of `ignore` are dropped (the session being moved shows up as busy otherwise).
 */
export function prepareParticipant(
  role: Role,
  input: ParticipantInput,
  window: { from: number; to: number },
  ignore: readonly { start: number; end: number }[] = [],
): { ok: true; participant: Participant } | { ok: false; problem: ParticipantProblem } {
  const hoursZoneInput = input.workingHours.timeZone ?? input.timeZone;
  if (hoursZoneInput === undefined) {
    return {
      ok: false,
      problem: { code: 'invalidWorkingHours', role, detail: 'no time zone for the working hours' },
    };
  }
  const hoursZone = resolveTimeZone(hoursZoneInput, input.territory);
  if (!hoursZone.ok) return { ok: false, problem: { ...hoursZone.problem, role } };
  const zone =
    input.timeZone === undefined ? hoursZone : resolveTimeZone(input.timeZone, input.territory);
  if (!zone.ok) return { ok: false, problem: { ...zone.problem, role } };

  const startMinute = parseTimeOfDay(input.workingHours.startTime);
  let endMinute = parseTimeOfDay(input.workingHours.endTime);
  // Outlook writes a day that ends at midnight as "00:00:00".
  if (endMinute === 0) endMinute = 1440;
  const days = new Set<number>();
  for (const name of input.workingHours.daysOfWeek) {
    const index = DAYS_OF_WEEK.indexOf(name.toLowerCase() as DayOfWeek);
    if (index < 0) {
      return { ok: false, problem: { code: 'invalidWorkingHours', role, detail: `day "${name}"` } };
    }
    days.add(index);
  }
  if (startMinute === undefined || endMinute === undefined || endMinute <= startMinute) {
    const detail = `hours "${input.workingHours.startTime}"–"${input.workingHours.endTime}"`;
    return { ok: false, problem: { code: 'invalidWorkingHours', role, detail } };
  }
  const busy = collectBusy(input, ignore);
  if (typeof busy === 'string') {
    return { ok: false, problem: { code: 'invalidSchedule', role, detail: busy } };
  }
  const [mergedStarts, mergedEnds] = mergeIntervals(busy);
  const hoursClock = new ZoneClock(hoursZone.zone, window.from, window.to);
  const clock =
    zone.zone.iana === hoursZone.zone.iana
      ? hoursClock
      : new ZoneClock(zone.zone, window.from, window.to);
  return {
    ok: true,
    participant: {
      role,
      id: input.id,
      zone: zone.zone,
      clock,
      hoursZone: hoursZone.zone,
      hoursClock,
      days,
      startMinute,
      endMinute,
      busy,
      mergedStarts,
      mergedEnds,
    },
  };
}

/** Whether [start, end) lies on one of the person's working days, inside their hours. */
export function isInsideWorkingHours(person: Participant, start: number, end: number): boolean {
  const from = splitWall(person.hoursClock.toWall(start));
  const to = splitWall(person.hoursClock.toWall(end));
  const endMinute = to.day === from.day + 1 && to.minute === 0 ? 1440 : to.minute;
  const sameDay = to.day === from.day || endMinute === 1440;
  return (
    sameDay &&
    person.days.has(weekdayOfDay(from.day)) &&
    from.minute >= person.startMinute &&
    endMinute <= person.endMinute
  );
}

/** Whether any blocking calendar entry overlaps [start, end). */
export function isBusy(person: Participant, start: number, end: number): boolean {
  const ends = person.mergedEnds;
  // First merged interval that ends after `start`; merged intervals are disjoint, so ends are sorted.
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] as number) > start) hi = mid;
    else lo = mid + 1;
  }
  return lo < ends.length && (person.mergedStarts[lo] as number) < end;
}

/** The calendar entries overlapping [start, end), for explaining a clash. */
export function busyOverlapping(person: Participant, start: number, end: number): BusyInterval[] {
  return person.busy.filter((b) => b.start < end && b.end > start);
}

/** A time as one person reads it on their own clock. */
export interface LocalTime {
  date: string;
  dayOfWeek: DayOfWeek;
  start: string;
  end: string;
  timeZone: string;
}

export function localTime(clock: ZoneClock, start: number, end: number): LocalTime {
  const from = splitWall(clock.toWall(start));
  const to = splitWall(clock.toWall(end));
  return {
    date: formatCalendarDate(from.day),
    dayOfWeek: DAYS_OF_WEEK[weekdayOfDay(from.day)] as DayOfWeek,
    start: formatMinutes(from.minute),
    end: formatMinutes(to.minute),
    timeZone: clock.iana,
  };
}
