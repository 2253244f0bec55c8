import { TZDate, tzOffset, tzScan } from '@date-fns/tz';
import { findIana } from 'windows-iana';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A Graph `standardTimeZoneOffset` / `daylightTimeZoneOffset` (the transition rule of a custom zone). */
export interface TimeZoneTransitionRule {
  time?: string;
  dayOccurrence?: number;
  dayOfWeek?: string;
  month?: number;
  year?: number;
  daylightBias?: number;
}

/** Graph's `#microsoft.graph.customTimeZone` (mailboxSettings.workingHours.timeZone may be one). */
export interface CustomTimeZoneInput {
  '@odata.type'?: string;
  name?: string;
  bias?: number;
  standardOffset?: TimeZoneTransitionRule;
  daylightOffset?: TimeZoneTransitionRule;
}

/** A zone as Outlook/Graph gives it: a Windows or IANA name, `{ name }`, or a customTimeZone. */
export type TimeZoneInput = string | CustomTimeZoneInput;

export interface ResolvedTimeZone {
  /** Canonical IANA name used for every computation. */
  iana: string;
  /** The name to hand back to Graph (the one the mailbox uses), when there is one. */
  graphName?: string;
  source: 'windows' | 'iana' | 'customUtc';
}

export type TimeZoneProblem =
  | { code: 'unknownTimeZone'; timeZone: string }
  | { code: 'customTimeZoneUnsupported'; timeZone: string; why: string };

function isCustom(input: CustomTimeZoneInput): boolean {
  return (
    input['@odata.type']?.endsWith('customTimeZone') === true ||
    input.bias !== undefined ||
    input.standardOffset !== undefined ||
    input.daylightOffset !== undefined
  );
}

// Building an Intl.DateTimeFormat costs tens of microseconds; the answer for a name never changes.
const canonicalNames = new Map<string, string | undefined>();

function canonicalIana(name: string): string | undefined {
  // Offsets such as "+01:00" are not zone names Graph accepts; only names are.
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

/**
 * Resolves a mailbox zone to IANA. Windows names go through `windows-iana` (CLDR's windowsZones);
 * `territory` (the person's country, e.g. Graph's `usageLocation`) picks the regional zone, so
 * "GMT Standard Time" in ES is Atlantic/Canary rather than the golden Europe/London.
 */
export function resolveTimeZone(
  input: TimeZoneInput,
  territory?: string,
): { ok: true; zone: ResolvedTimeZone } | { ok: false; problem: TimeZoneProblem } {
  if (typeof input !== 'string') {
    if (isCustom(input)) return resolveCustom(input);
    if (typeof input.name !== 'string') {
      return { ok: false, problem: { code: 'unknownTimeZone', timeZone: String(input.name) } };
    }
    return resolveTimeZone(input.name, territory);
  }
  const name = input.trim();
  // Exchange writes these for UTC and for a legacy custom zone set in desktop Outlook.
  if (/^tzone:\/\/Microsoft\/Utc$/i.test(name)) {
    return { ok: true, zone: { iana: 'UTC', graphName: 'UTC', source: 'iana' } };
  }
  if (/^tzone:\/\/Microsoft\/Custom$/i.test(name)) {
    const why = 'a legacy custom zone from desktop Outlook carries no rules Graph shows';
    return { ok: false, problem: { code: 'customTimeZoneUnsupported', timeZone: name, why } };
  }
  const regional = territory ? findIana(name, territory.toUpperCase()) : [];
  const windows = regional.length > 0 ? regional : findIana(name);
  const fromWindows = windows[0] === undefined ? undefined : canonicalIana(windows[0]);
  if (fromWindows) {
    return { ok: true, zone: { iana: fromWindows, graphName: name, source: 'windows' } };
  }
  const iana = canonicalIana(name);
  if (iana) return { ok: true, zone: { iana, graphName: name, source: 'iana' } };
  return { ok: false, problem: { code: 'unknownTimeZone', timeZone: name } };
}

function resolveCustom(
  input: CustomTimeZoneInput,
): { ok: true; zone: ResolvedTimeZone } | { ok: false; problem: TimeZoneProblem } {
  const timeZone = input.name ?? 'Customized Time Zone';
  const hasDaylight =
    (input.daylightOffset?.daylightBias ?? 0) !== 0 &&
    (input.daylightOffset?.month ?? 0) !== 0 &&
    (input.standardOffset?.month ?? 0) !== 0;
  if (!hasDaylight && (input.bias ?? 0) === 0) {
    // Zero bias and no daylight saving is UTC under either sign convention.
    return { ok: true, zone: { iana: 'UTC', source: 'customUtc' } };
  }
  const why = hasDaylight
    ? 'its daylight-saving rules would have to be evaluated by hand instead of by the time-zone database'
    : "the sign of its bias is documented as positive east of UTC, while Exchange's TIME_ZONE_INFORMATION counts it the other way";
  return { ok: false, problem: { code: 'customTimeZoneUnsupported', timeZone, why } };
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
  private readonly from: number;
  private readonly to: number;
  private readonly initial: number;
  private readonly changes: OffsetChange[];

  constructor(iana: string, fromMs: number, toMs: number) {
    this.iana = iana;
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
