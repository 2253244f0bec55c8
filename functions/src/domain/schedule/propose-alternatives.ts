import { clashBits, describeWorkingHours, OUTSIDE_MASK, type Pair } from './clash';
import {
  type LocalTime,
  localTime,
  type ParticipantInput,
  prepareParticipant,
} from './participant';
import type { ScheduleRefusal } from './plan-series';
import { DAY, resolveTimeZone, splitWall, type TimeZoneInput, ZoneClock } from './time-zone';

const MINUTE = 60_000;

export interface ProposeAlternativesInput {
  mentee: ParticipantInput;
  mentor: ParticipantInput;
  /**
   * The session to move, as UTC instants (ISO 8601 with offset or Z). A calendar entry with
   * exactly these times is taken to be the session itself; rough busy time cannot tell, so pass
   * exact `entries` here. The series' other sessions stay busy: a move never lands on one of them.
   */
  session: { start: string; end: string };
  /** Whose calendar days and clock the search walks; default the mentee's zone. */
  searchTimeZone?: TimeZoneInput;
  /** Days searched either side of the session's day; default 7 each. */
  daysBefore?: number;
  daysAfter?: number;
  /** Start times are tried on this grid, in minutes; default 30. */
  granularityMinutes?: number;
  /** How many proposals to return; default 5. */
  limit?: number;
  /** Nothing is proposed before this instant (the caller's "now"). */
  notBefore?: string;
  /** Nothing is proposed that ends after this instant (e.g. the next occurrence's day). */
  notAfter?: string;
}

export interface Alternative {
  start: string;
  end: string;
  local: { mentee: LocalTime; mentor: LocalTime };
  /** Whether it falls in the same Monday-to-Sunday week as the session, in the search zone. */
  sameWeek: boolean;
  /** Minutes between the original start and this one (negative: earlier). */
  shiftMinutes: number;
}

export type AlternativesRefusal =
  | ScheduleRefusal
  | { code: 'invalidSession'; detail: string }
  | { code: 'noFreeSlotNearby'; from: string; to: string };

export type ProposeAlternativesResult =
  | { ok: true; alternatives: Alternative[] }
  | { ok: false; reason: AlternativesRefusal };

function parseInstant(value: string | undefined): number | undefined {
  if (value === undefined || !/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

function mondayOf(day: number): number {
  // 1970-01-01 (day 0) was a Thursday, so Mondays are the days ≡ 4 (mod 7).
  return day - ((((day - 4) % 7) + 7) % 7);
}

/**
 * Free slots for one session of a series (PRODUCT rule 5: a session moves without breaking the
 * series): inside both people's working hours and free in both calendars, near the original date.
 * Ranked: same week first, then the smallest shift, then the earlier slot.
 */
export function proposeAlternatives(input: ProposeAlternativesInput): ProposeAlternativesResult {
  const start = parseInstant(input.session.start);
  const end = parseInstant(input.session.end);
  if (start === undefined || end === undefined || end <= start) {
    const detail = 'session start and end must be ISO instants with an offset, end after start';
    return { ok: false, reason: { code: 'invalidSession', detail } };
  }
  const notBefore = input.notBefore === undefined ? undefined : parseInstant(input.notBefore);
  if (input.notBefore !== undefined && notBefore === undefined) {
    return {
      ok: false,
      reason: { code: 'invalidPlan', detail: 'notBefore must be an ISO instant' },
    };
  }
  const notAfter = input.notAfter === undefined ? undefined : parseInstant(input.notAfter);
  if (input.notAfter !== undefined && notAfter === undefined) {
    return {
      ok: false,
      reason: { code: 'invalidPlan', detail: 'notAfter must be an ISO instant' },
    };
  }
  const daysBefore = input.daysBefore ?? 7;
  const daysAfter = input.daysAfter ?? 7;
  const granularity = input.granularityMinutes ?? 30;
  const limit = input.limit ?? 5;
  const valid =
    [daysBefore, daysAfter, limit].every((n) => Number.isInteger(n) && n >= 0 && n <= 366) &&
    Number.isInteger(granularity) &&
    granularity >= 5 &&
    1440 % granularity === 0;
  if (!valid) {
    const detail =
      'daysBefore, daysAfter and limit must be whole numbers; granularity must divide a day';
    return { ok: false, reason: { code: 'invalidPlan', detail } };
  }

  const sessionDay = Math.floor(start / DAY);
  const window = {
    from: (sessionDay - daysBefore - 3) * DAY,
    to: (sessionDay + daysAfter + 3) * DAY,
  };
  // The session itself is in both calendars (both attend the series); it does not block its own move.
  const own = [{ start, end }];
  const mentee = prepareParticipant('mentee', input.mentee, window, own);
  if (!mentee.ok) return { ok: false, reason: mentee.problem };
  const mentor = prepareParticipant('mentor', input.mentor, window, own);
  if (!mentor.ok) return { ok: false, reason: mentor.problem };
  const pair: Pair = [mentee.participant, mentor.participant];
  let clock = mentee.participant.clock;
  if (input.searchTimeZone !== undefined) {
    const zone = resolveTimeZone(input.searchTimeZone);
    if (!zone.ok) return { ok: false, reason: { ...zone.problem, role: 'programme' } };
    clock = new ZoneClock(zone.zone, window.from, window.to);
  }

  const length = end - start;
  const originDay = splitWall(clock.toWall(start)).day;
  const originWeek = mondayOf(originDay);
  const seen = new Set<number>();
  const found: { start: number; sameWeek: boolean }[] = [];
  let anyCommonHours = false;
  for (let day = originDay - daysBefore; day <= originDay + daysAfter; day++) {
    for (let minute = 0; minute + length / MINUTE <= 1440; minute += granularity) {
      const slot = clock.toUtc(day * DAY + minute * MINUTE);
      // A wall time inside a DST gap lands on a neighbour's instant; judge each instant once.
      if (seen.has(slot)) continue;
      seen.add(slot);
      const bits = clashBits(pair, slot, slot + length);
      if ((bits & OUTSIDE_MASK) === 0) anyCommonHours = true;
      if (bits !== 0 || slot === start) continue;
      if (notBefore !== undefined && slot < notBefore) continue;
      if (notAfter !== undefined && slot + length > notAfter) continue;
      found.push({ start: slot, sameWeek: mondayOf(day) === originWeek });
    }
  }
  if (!anyCommonHours) {
    return {
      ok: false,
      reason: {
        code: 'noCommonWorkingHours',
        mentee: describeWorkingHours(mentee.participant),
        mentor: describeWorkingHours(mentor.participant),
      },
    };
  }
  if (found.length === 0) {
    const from = clock.toUtc((originDay - daysBefore) * DAY);
    const to = clock.toUtc((originDay + daysAfter + 1) * DAY);
    return {
      ok: false,
      reason: {
        code: 'noFreeSlotNearby',
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
      },
    };
  }
  found.sort(
    (a, b) =>
      Number(b.sameWeek) - Number(a.sameWeek) ||
      Math.abs(a.start - start) - Math.abs(b.start - start) ||
      a.start - b.start,
  );
  const alternatives = found.slice(0, limit).map((slot) => ({
    start: new Date(slot.start).toISOString(),
    end: new Date(slot.start + length).toISOString(),
    local: {
      mentee: localTime(mentee.participant.clock, slot.start, slot.start + length),
      mentor: localTime(mentor.participant.clock, slot.start, slot.start + length),
    },
    sameWeek: slot.sameWeek,
    shiftMinutes: (slot.start - start) / MINUTE,
  }));
  return { ok: true, alternatives };
}
