import { TZDate, tzOffset, tzScan } from '@date-fns/tz';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * When a zone given by rules changes offset: the `week`th `weekday` (0 = Sunday) of `month`
 * (1–12), 5 meaning the last one, at `minuteOfDay` on the clock in force just before the change.
 */
export interface ZoneTransition {
  month: number;
  week: number;
  weekday: number;
  minuteOfDay: number;
}

/**
 * A zone known by its rules instead of a name (Outlook's "customised" zones; the calendar adapter
 * reads them from Graph's customTimeZone). Offsets are minutes east of UTC: UTC+01:00 is 60.
 */
export interface CustomTimeZone {
  kind: 'custom';
  name: string;
  standardOffset: number;
  /** Absent when the zone keeps one offset all year. */
  daylight?: { offset: number; starts: ZoneTransition; ends: ZoneTransition };
}

/**
 * A zone the calendar gave that Tandem cannot compute with (a legacy custom zone without rules,
 * say); the calendar adapter says why, and the planner refuses the person with that reason.
 */
export interface UnsupportedTimeZone {
  kind: 'unsupported';
  name: string;
  why: string;
}

/**
 * A zone as the calendar adapter hands it over: an IANA name (adapters/graph turns Graph's
 * Windows names into IANA ones), rules, or a zone it could not use.
 */
export type TimeZoneInput = string | CustomTimeZone | UnsupportedTimeZone;

export interface ResolvedTimeZone {
  /**
   * The key every computation uses: the canonical IANA name, or for a zone given by rules
   * (`source: 'custom'`) a `Custom/…` key made from them, which is never written to Graph.
   */
  iana: string;
  /** The IANA name as it was given (an alias such as `Mexico/General` stays as given). */
  name?: string;
  source: 'iana' | 'custom';
  /** The rules of a custom zone. */
  rules?: CustomTimeZone;
}

export type TimeZoneProblem =
  | { code: 'unknownTimeZone'; timeZone: string }
  | { code: 'customTimeZoneUnsupported'; timeZone: string; why: string };

// Building an Intl.DateTimeFormat costs tens of microseconds; the answer for a name never changes.
const canonicalNames = new Map<string, string | undefined>();

function canonicalIana(name: string): string | undefined {
  // Offsets such as "+01:00" are not zone names; only names are.
  if (!/^[A-Za-z]/.test(name)) return undefined;
  if (canonicalNames.has(name)) return canonicalNames.get(name);
  let canonical: string | undefined;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    canonical = undefined;
  }
  canonicalNames.set(name, canonical);
  return canonical;
}

/** Resolves a zone to what the planner computes with: a canonical IANA zone, or checked rules. */
export function resolveTimeZone(
  input: TimeZoneInput,
): { ok: true; zone: ResolvedTimeZone } | { ok: false; problem: TimeZoneProblem } {
  if (typeof input !== 'string') {
    if (input.kind === 'custom') return resolveCustom(input);
    const problem: TimeZoneProblem = {
      code: 'customTimeZoneUnsupported',
      timeZone: input.name,
      why: input.why,
    };
    return { ok: false, problem };
  }
  const name = input.trim();
  const iana = canonicalIana(name);
  if (iana) return { ok: true, zone: { iana, name, source: 'iana' } };
  return { ok: false, problem: { code: 'unknownTimeZone', timeZone: name } };
}

const MAX_OFFSET = 14 * 60;

function transitionProblem(t: ZoneTransition): string | undefined {
  const ok =
    Number.isInteger(t.month) &&
    t.month >= 1 &&
    t.month <= 12 &&
    Number.isInteger(t.week) &&
    t.week >= 1 &&
    t.week <= 5 &&
    Number.isInteger(t.weekday) &&
    t.weekday >= 0 &&
    t.weekday <= 6 &&
    Number.isFinite(t.minuteOfDay) &&
    t.minuteOfDay >= 0 &&
    t.minuteOfDay < 1440;
  return ok ? undefined : `the transition ${JSON.stringify(t)} names no day of the year`;
}

function resolveCustom(
  input: CustomTimeZone,
): { ok: true; zone: ResolvedTimeZone } | { ok: false; problem: TimeZoneProblem } {
  const refuse = (why: string) =>
    ({
      ok: false,
      problem: { code: 'customTimeZoneUnsupported', timeZone: input.name, why },
    }) as const;
  const offsets = [input.standardOffset, ...(input.daylight ? [input.daylight.offset] : [])];
  if (offsets.some((o) => !Number.isInteger(o) || Math.abs(o) > MAX_OFFSET)) {
    return refuse('its offset from UTC is not a whole number of minutes within ±14 hours');
  }
  if (input.daylight) {
    const why = transitionProblem(input.daylight.starts) ?? transitionProblem(input.daylight.ends);
    if (why) return refuse(why);
  }
  const rules: CustomTimeZone =
    input.daylight?.offset === input.standardOffset
      ? { kind: 'custom', name: input.name, standardOffset: input.standardOffset }
      : input;
  const rule = (t: ZoneTransition) => `${t.month}.${t.week}.${t.weekday}@${t.minuteOfDay}`;
  const key = rules.daylight
    ? `Custom/${rules.standardOffset}/${rules.daylight.offset}/${rule(rules.daylight.starts)}/${rule(rules.daylight.ends)}`
    : `Custom/${rules.standardOffset}`;
  return { ok: true, zone: { iana: key, source: 'custom', rules } };
}

/** UTC ms of a wall-clock reading `minuteOfDay` on the transition's day of `year`. */
function transitionWall(year: number, t: ZoneTransition): number {
  const first = Date.UTC(year, t.month - 1, 1);
  const firstWeekday = new Date(first).getUTCDay();
  let day = 1 + ((t.weekday - firstWeekday + 7) % 7) + (t.week - 1) * 7;
  const daysInMonth = new Date(Date.UTC(year, t.month, 0)).getUTCDate();
  // Week 5 is "the last" (Windows' SYSTEMTIME convention for transition dates).
  while (day > daysInMonth) day -= 7;
  return Date.UTC(year, t.month - 1, day) + t.minuteOfDay * MINUTE;
}

/** The UTC offset (minutes) of a zone given by rules at a UTC instant. */
function customOffsetAt(rules: CustomTimeZone, utcMs: number): number {
  const { daylight, standardOffset } = rules;
  if (!daylight) return standardOffset;
  const year = new Date(utcMs + standardOffset * MINUTE).getUTCFullYear();
  // The change to daylight time happens on the standard clock, the change back on the daylight one.
  const starts = transitionWall(year, daylight.starts) - standardOffset * MINUTE;
  const ends = transitionWall(year, daylight.ends) - daylight.offset * MINUTE;
  const inDaylight =
    starts < ends ? utcMs >= starts && utcMs < ends : utcMs >= starts || utcMs < ends;
  return inDaylight ? daylight.offset : standardOffset;
}

/** Whole days since 1970-01-01 for a `YYYY-MM-DD` calendar date, or undefined if invalid. */
export function parseCalendarDate(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return undefined;
  }
  return ms / DAY;
}

export function formatCalendarDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

interface OffsetChange {
  /** UTC instant (ms) from which `after` applies. */
  at: number;
  before: number;
  after: number;
}

/**
 * A zone's UTC offsets over a window, read once from the time-zone database (`@date-fns/tz`) and
 * then answered from memory: the planner asks tens of thousands of times per pair, and a `TZDate`
 * costs ~10 µs each. Wall times near an offset change are handed to `TZDate` itself, so gaps and
 * repeated hours resolve exactly as the library resolves them.
 */
export class ZoneClock {
  readonly iana: string;
  private readonly rules: CustomTimeZone | undefined;
  private readonly from: number;
  private readonly to: number;
  private readonly initial: number;
  private readonly changes: OffsetChange[];

  /** `zone`: an IANA name, or a resolved zone (which may be given by rules). */
  constructor(zone: string | ResolvedTimeZone, fromMs: number, toMs: number) {
    const iana = typeof zone === 'string' ? zone : zone.iana;
    this.iana = iana;
    this.rules = typeof zone === 'string' ? undefined : zone.rules;
    if (this.rules) {
      this.from = fromMs;
      this.to = toMs;
      this.initial = customOffsetAt(this.rules, fromMs);
      this.changes = [];
      return;
    }
    // tzScan steps by calendar month from its start; starting on the 1st keeps it from skipping one.
    const start = new Date(fromMs);
    this.from = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
    this.to = toMs;
    this.initial = tzOffset(iana, new Date(this.from));
    const scanned = tzScan(iana, { start: new Date(this.from), end: new Date(this.to) });
    let before = this.initial;
    this.changes = scanned.map((change) => {
      // tzScan reports the first whole UTC hour after the change; find the minute it happened.
      let lo = change.date.getTime() - HOUR;
      let hi = change.date.getTime();
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (tzOffset(iana, new Date(mid)) === change.offset) hi = mid;
        else lo = mid;
      }
      const entry = { at: hi, before, after: change.offset };
      before = change.offset;
      return entry;
    });
  }

  /** UTC offset in minutes at a UTC instant. */
  offsetAt(utcMs: number): number {
    if (this.rules) return customOffsetAt(this.rules, utcMs);
    if (utcMs < this.from || utcMs > this.to) return tzOffset(this.iana, new Date(utcMs));
    let offset = this.initial;
    for (const change of this.changes) {
      if (utcMs >= change.at) offset = change.after;
      else break;
    }
    return offset;
  }

  /** The wall clock at a UTC instant, as milliseconds on a UTC-based epoch. */
  toWall(utcMs: number): number {
    return utcMs + this.offsetAt(utcMs) * MINUTE;
  }

  /** The UTC instant of a wall-clock time (milliseconds on a UTC-based epoch) in this zone. */
  toUtc(wallMs: number): number {
    if (this.rules) return this.customToUtc(this.rules, wallMs);
    const nearChange = this.changes.some((change) => {
      const wallAtChange = change.at + change.before * MINUTE;
      return Math.abs(wallMs - wallAtChange) < 3 * HOUR;
    });
    if (nearChange || wallMs < this.from - DAY || wallMs > this.to + DAY) {
      const wall = new Date(wallMs);
      return new TZDate(
        wall.getUTCFullYear(),
        wall.getUTCMonth(),
        wall.getUTCDate(),
        wall.getUTCHours(),
        wall.getUTCMinutes(),
        this.iana,
      ).getTime();
    }
    return wallMs - this.offsetAt(wallMs - this.offsetAt(wallMs) * MINUTE) * MINUTE;
  }

  /**
   * A zone given by rules: the instant whose wall clock reads `wallMs`. A repeated hour gives the
   * later one (standard time) and a skipped hour moves forward by the gap, as `TZDate` resolves
   * them for IANA zones, so both kinds of zone plan alike.
   */
  private customToUtc(rules: CustomTimeZone, wallMs: number): number {
    const offsets = [rules.standardOffset, ...(rules.daylight ? [rules.daylight.offset] : [])];
    const fits = offsets
      .map((o) => wallMs - o * MINUTE)
      .filter((utc) => utc + customOffsetAt(rules, utc) * MINUTE === wallMs);
    if (fits.length > 0) return Math.max(...fits);
    const before = customOffsetAt(rules, wallMs - Math.max(...offsets) * MINUTE);
    return wallMs - before * MINUTE;
  }
}

/** A wall-clock reading split into calendar day and minute of day. */
export interface WallTime {
  day: number;
  minute: number;
}

export function splitWall(wallMs: number): WallTime {
  const day = Math.floor(wallMs / DAY);
  return { day, minute: (wallMs - day * DAY) / MINUTE };
}
