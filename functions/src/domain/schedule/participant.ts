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

/**
 * One person's working hours: the days, the local start and end ("09:00", "17:30"; an end of
 * "00:00" is midnight), and the zone they are in.
 */
export interface WorkingHoursInput {
  daysOfWeek: readonly string[];
  startTime: string;
  endTime: string;
  /** The zone the hours are in; the person's zone when absent. */
  timeZone?: TimeZoneInput;
}

/** One person as the calendar adapter hands them over: zone, working hours and busy time. */
export interface ParticipantInput {
  id: string;
  /** The zone local times are shown in (the working hours' zone when absent). */
  timeZone?: TimeZoneInput;
  workingHours: WorkingHoursInput;
  /**
   * The person's calendar entries, exact, as UTC instants; an entry with exactly the times of
   * the session being moved is that session and is ignored.
   */
  entries?: readonly BusyInterval[];
  /** Busy time known only roughly (getSchedule's availabilityView, for one); never ignored. */
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

function parseTimeOfDay(value: string): number | undefined {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value);
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return undefined;
  return h * 60 + m;
}

function collectBusy(
  input: ParticipantInput,
  ignore: readonly { start: number; end: number }[],
): BusyInterval[] | string {
  const busy: BusyInterval[] = [];
  for (const [i, entry] of (input.entries ?? []).entries()) {
    if (!Number.isFinite(entry.start) || !Number.isFinite(entry.end)) {
      return `entries[${i}] has an unreadable time`;
    }
    if (ignore.some((x) => x.start === entry.start && x.end === entry.end)) continue;
    if (entry.end > entry.start) busy.push(entry);
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
  const hoursZone = resolveTimeZone(hoursZoneInput);
  if (!hoursZone.ok) return { ok: false, problem: { ...hoursZone.problem, role } };
  const zone = input.timeZone === undefined ? hoursZone : resolveTimeZone(input.timeZone);
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
