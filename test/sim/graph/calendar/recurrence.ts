import { GraphError } from '../router';
import { DAY_MS, dayOfIsoDate, tryIanaZone, weekdayOfDay } from './zones';

/** Graph's patternedRecurrence, as stored (every property present, like Graph answers it). */
export interface RecurrencePattern {
  type:
    | 'daily'
    | 'weekly'
    | 'absoluteMonthly'
    | 'relativeMonthly'
    | 'absoluteYearly'
    | 'relativeYearly';
  interval: number;
  month: number;
  dayOfMonth: number;
  daysOfWeek: string[];
  firstDayOfWeek: string;
  index: WeekIndex;
}

export type WeekIndex = 'first' | 'second' | 'third' | 'fourth' | 'last';

export interface RecurrenceRange {
  type: 'endDate' | 'noEnd' | 'numbered';
  startDate: string;
  endDate: string;
  recurrenceTimeZone: string;
  numberOfOccurrences: number;
}

export interface PatternedRecurrence {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
const INDEXES: readonly WeekIndex[] = ['first', 'second', 'third', 'fourth', 'last'];

/**
 * The properties each pattern type uses (recurrencePattern resource: "the required properties
 * for each type"). Another one set to a non-default value is rejected, as Graph rejects it; the
 * defaults Graph itself writes back (0, [], 'sunday', 'first') are accepted so a client may send
 * an event it read straight back.
 */
const USED: Record<RecurrencePattern['type'], readonly (keyof RecurrencePattern)[]> = {
  daily: ['interval'],
  weekly: ['interval', 'daysOfWeek', 'firstDayOfWeek'],
  absoluteMonthly: ['interval', 'dayOfMonth'],
  relativeMonthly: ['interval', 'daysOfWeek', 'index'],
  absoluteYearly: ['interval', 'dayOfMonth', 'month'],
  relativeYearly: ['interval', 'daysOfWeek', 'index', 'month'],
};
const DEFAULTS: Record<string, unknown> = {
  month: 0,
  dayOfMonth: 0,
  daysOfWeek: [],
  firstDayOfWeek: 'sunday',
  index: 'first',
};

function invalid(message: string): GraphError {
  // Graph answers a malformed recurrence with 400 ErrorInvalidRequest / "…recurrence…" messages.
  return new GraphError(400, 'ErrorInvalidRequest', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameAsDefault(name: string, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const fallback = DEFAULTS[name];
  if (Array.isArray(fallback)) return Array.isArray(value) && value.length === 0;
  return value === fallback;
}

/** Validates a patternedRecurrence from a request, as Graph does; `zone` is the event's start zone. */
export function parseRecurrence(raw: unknown, zone: string): PatternedRecurrence {
  if (!isRecord(raw) || !isRecord(raw.pattern) || !isRecord(raw.range)) {
    throw invalid('Recurrence must have a pattern and a range.');
  }
  const p = raw.pattern;
  const type = p.type as RecurrencePattern['type'];
  const used = USED[type];
  if (!used) throw invalid(`Recurrence pattern type '${String(p.type)}' is not valid.`);
  for (const [name, value] of Object.entries(p)) {
    if (name === 'type' || name.startsWith('@odata')) continue;
    if (!(name in DEFAULTS) && name !== 'interval') {
      throw invalid(
        `The property '${name}' does not exist on type 'microsoft.graph.recurrencePattern'.`,
      );
    }
    if (!used.includes(name as keyof RecurrencePattern) && !sameAsDefault(name, value)) {
      throw invalid(`The '${name}' property is not allowed in a '${type}' recurrence pattern.`);
    }
  }
  const interval = p.interval ?? 1;
  if (!Number.isInteger(interval) || (interval as number) < 1 || (interval as number) > 99) {
    throw invalid('Recurrence pattern interval must be between 1 and 99.');
  }
  const pattern: RecurrencePattern = {
    type,
    interval: interval as number,
    month: 0,
    dayOfMonth: 0,
    daysOfWeek: [],
    firstDayOfWeek: 'sunday',
    index: 'first',
  };
  if (used.includes('daysOfWeek')) {
    const days = p.daysOfWeek;
    if (!Array.isArray(days) || days.length === 0) {
      throw invalid(`A '${type}' recurrence pattern needs daysOfWeek.`);
    }
    for (const day of days) {
      if (!WEEKDAYS.includes(String(day).toLowerCase() as (typeof WEEKDAYS)[number])) {
        throw invalid(`'${String(day)}' is not a day of the week.`);
      }
    }
    pattern.daysOfWeek = days.map((d) => String(d).toLowerCase());
  }
  if (used.includes('firstDayOfWeek') && p.firstDayOfWeek != null) {
    const first = String(p.firstDayOfWeek).toLowerCase();
    if (!WEEKDAYS.includes(first as (typeof WEEKDAYS)[number])) {
      throw invalid(`'${first}' is not a day of the week.`);
    }
    pattern.firstDayOfWeek = first;
  }
  if (used.includes('dayOfMonth')) {
    const dom = p.dayOfMonth;
    if (!Number.isInteger(dom) || (dom as number) < 1 || (dom as number) > 31) {
      throw invalid('Recurrence pattern dayOfMonth must be between 1 and 31.');
    }
    pattern.dayOfMonth = dom as number;
  }
  if (used.includes('month')) {
    const month = p.month;
    if (!Number.isInteger(month) || (month as number) < 1 || (month as number) > 12) {
      throw invalid('Recurrence pattern month must be between 1 and 12.');
    }
    pattern.month = month as number;
  }
  if (used.includes('index') && p.index != null) {
    if (!INDEXES.includes(p.index as WeekIndex))
      throw invalid(`'${String(p.index)}' is not an index.`);
    pattern.index = p.index as WeekIndex;
  }

  const r = raw.range;
  const rangeType = r.type as RecurrenceRange['type'];
  if (!['endDate', 'noEnd', 'numbered'].includes(rangeType)) {
    throw invalid(`Recurrence range type '${String(r.type)}' is not valid.`);
  }
  if (typeof r.startDate !== 'string') throw invalid('Recurrence range needs a startDate.');
  const startDay = dayOfIsoDate(r.startDate);
  const rangeZone =
    typeof r.recurrenceTimeZone === 'string' && r.recurrenceTimeZone ? r.recurrenceTimeZone : zone;
  if (!tryIanaZone(rangeZone)) {
    throw invalid(`The recurrence time zone '${rangeZone}' is not valid.`);
  }
  const range: RecurrenceRange = {
    type: rangeType,
    startDate: r.startDate,
    endDate: '0001-01-01',
    recurrenceTimeZone: rangeZone,
    numberOfOccurrences: 0,
  };
  if (rangeType === 'endDate') {
    if (typeof r.endDate !== 'string') throw invalid('An endDate range needs an endDate.');
    if (dayOfIsoDate(r.endDate) < startDay) {
      throw invalid('The recurrence range endDate is earlier than its startDate.');
    }
    range.endDate = r.endDate;
  }
  if (rangeType === 'numbered') {
    const n = r.numberOfOccurrences;
    if (!Number.isInteger(n) || (n as number) < 1) {
      throw invalid('A numbered range needs numberOfOccurrences of at least 1.');
    }
    range.numberOfOccurrences = n as number;
  }
  return { pattern, range };
}

function ymd(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function dayOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Day of month capped to the month's length: "day 31" falls on the last day of shorter months. */
function absoluteDay(y: number, m: number, dayOfMonth: number): number {
  return dayOf(y, m, Math.min(dayOfMonth, daysInMonth(y, m)));
}

/** The `index` day among `daysOfWeek` in a month ("last Friday", "first weekday"). */
function relativeDay(
  y: number,
  m: number,
  daysOfWeek: readonly string[],
  index: WeekIndex,
): number {
  const wanted = new Set(daysOfWeek.map((d) => WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number])));
  const matching: number[] = [];
  const first = dayOf(y, m, 1);
  for (let day = first; day < first + daysInMonth(y, m); day++) {
    if (wanted.has(weekdayOfDay(day))) matching.push(day);
  }
  if (index === 'last') return matching[matching.length - 1]!;
  return matching[INDEXES.indexOf(index)]!;
}

/** The pattern's dates from `startDay` on, in order, unbounded by the range. */
function* patternDays(pattern: RecurrencePattern, startDay: number): Generator<number> {
  const { interval } = pattern;
  const start = ymd(startDay);
  switch (pattern.type) {
    case 'daily':
      for (let day = startDay; ; day += interval) yield day;
    case 'weekly': {
      const firstDow = WEEKDAYS.indexOf(pattern.firstDayOfWeek as (typeof WEEKDAYS)[number]);
      const weekStart = startDay - ((weekdayOfDay(startDay) - firstDow + 7) % 7);
      const wanted = new Set(
        pattern.daysOfWeek.map((d) => WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number])),
      );
      for (let week = weekStart; ; week += 7 * interval) {
        for (let day = week; day < week + 7; day++) {
          if (day >= startDay && wanted.has(weekdayOfDay(day))) yield day;
        }
      }
    }
    case 'absoluteMonthly':
    case 'relativeMonthly':
      for (let k = 0; ; k += interval) {
        const months = start.m - 1 + k;
        const y = start.y + Math.floor(months / 12);
        const m = (months % 12) + 1;
        const day =
          pattern.type === 'absoluteMonthly'
            ? absoluteDay(y, m, pattern.dayOfMonth)
            : relativeDay(y, m, pattern.daysOfWeek, pattern.index);
        if (day >= startDay) yield day;
      }
    case 'absoluteYearly':
    case 'relativeYearly':
      for (let y = start.y; ; y += interval) {
        const day =
          pattern.type === 'absoluteYearly'
            ? absoluteDay(y, pattern.month, pattern.dayOfMonth)
            : relativeDay(y, pattern.month, pattern.daysOfWeek, pattern.index);
        if (day >= startDay) yield day;
      }
  }
}

/**
 * The series' dates (day numbers in the series' zone) up to `untilDay` inclusive, honouring the
 * range: a numbered range counts every date of the pattern, cancelled or not, as Outlook does.
 */
export function seriesDays(recurrence: PatternedRecurrence, untilDay: number): number[] {
  const { range } = recurrence;
  const startDay = dayOfIsoDate(range.startDate);
  const endDay = range.type === 'endDate' ? dayOfIsoDate(range.endDate) : Number.POSITIVE_INFINITY;
  const limit = range.type === 'numbered' ? range.numberOfOccurrences : Number.POSITIVE_INFINITY;
  const out: number[] = [];
  for (const day of patternDays(recurrence.pattern, startDay)) {
    if (day > endDay || day > untilDay || out.length >= limit) break;
    out.push(day);
  }
  return out;
}

/** The last date a series can have, or undefined for noEnd. */
export function lastSeriesDay(recurrence: PatternedRecurrence): number | undefined {
  const { range } = recurrence;
  if (range.type === 'endDate') return dayOfIsoDate(range.endDate);
  if (range.type === 'noEnd') return undefined;
  const days = seriesDays(recurrence, Number.POSITIVE_INFINITY);
  return days[days.length - 1];
}
