import { tz } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import { PROGRAMME_DEFAULTS } from '../programme/kinds';
import {
  type Clash,
  clashBits,
  countClashes,
  describeWorkingHours,
  explainClashes,
  OUTSIDE_MASK,
  type Pair,
} from './clash';
import {
  DAYS_OF_WEEK,
  type DayOfWeek,
  type LocalTime,
  localTime,
  type ParticipantInput,
  type ParticipantProblem,
  prepareParticipant,
} from './participant';
import {
  DAY,
  formatCalendarDate,
  formatMinutes,
  parseCalendarDate,
  type ResolvedTimeZone,
  resolveTimeZone,
  splitWall,
  type TimeZoneInput,
  type TimeZoneProblem,
  weekdayOfDay,
  ZoneClock,
} from './time-zone';

const MINUTE = 60_000;

/** The programme's plan for one pair (PRODUCT rule 5 defaults). */
export interface ProgrammePlanInput {
  /** Planned sessions; default 10. */
  sessions?: number;
  /** Programme length in months, counted from `earliestStart`; default 6. */
  months?: number;
  /** Default 60. */
  sessionMinutes?: number;
  /** First calendar day a session may take place, `YYYY-MM-DD`. */
  earliestStart: string;
  /** The organiser's or programme's zone; when absent the planner tries the mentee's, then the mentor's. */
  recurrenceTimeZone?: TimeZoneInput;
  /** Start times are tried on this grid, in minutes; default 30. */
  granularityMinutes?: number;
  /** Weekly intervals to try; default those that fit and spread the series over half the programme or more. */
  intervals?: readonly number[];
}

/**
 * The days and parts of the day a person said suit them best (the application form's
 * availability). A session is inside them when it starts, in the person's own zone, on a day given
 * (any weekday when none is) and in a part given (any when none is): a morning start is before
 * 12:00, an afternoon one from 12:00. Nothing given: every session is inside.
 */
export interface TimePreferences {
  days?: readonly string[];
  partsOfDay?: readonly ('morning' | 'afternoon')[];
}

export interface PlanSeriesInput {
  mentee: ParticipantInput & { preferences?: TimePreferences };
  mentor: ParticipantInput & { preferences?: TimePreferences };
  plan: ProgrammePlanInput;
}

export type ScheduleRefusal =
  | ParticipantProblem
  | (TimeZoneProblem & { role: 'programme' })
  | { code: 'invalidPlan'; detail: string }
  | { code: 'windowTooShort'; sessions: number; months: number; days: number }
  | {
      code: 'noCommonWorkingHours';
      mentee: ReturnType<typeof describeWorkingHours>;
      mentor: ReturnType<typeof describeWorkingHours>;
    };

/**
 * A weekly series as the domain plans it: `sessions` sessions every `intervalWeeks` weeks on
 * `weekday`, from `firstDate`, at the same wall time in `zone` (the anchor's IANA zone; a booking
 * stored before may hold the Windows name a mailbox gave). The calendar adapter writes it as Graph's event times and
 * `patternedRecurrence` (adapters/graph/series-wire.ts).
 */
export interface WeeklySeries {
  weekday: DayOfWeek;
  intervalWeeks: number;
  sessions: number;
  /** The first session's start and end, wall time in `zone`: `YYYY-MM-DD`, `HH:mm`. */
  firstDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  zone: string;
}

export interface PlannedOccurrence {
  index: number;
  /** UTC instants, ISO 8601. */
  start: string;
  end: string;
  local: { mentee: LocalTime; mentor: LocalTime; recurrence: LocalTime };
  /** Empty when the session is inside both people's working hours and free in both calendars. */
  clashes: Clash[];
  /** Whose preferred days and parts of the day the session falls outside (empty: both's). */
  outsidePreferences: ('mentee' | 'mentor')[];
}

export interface PlannedSeries {
  /** Whose clock keeps the session at the same local time all programme long. */
  recurrenceZone: {
    anchoredTo: 'programme' | 'mentee' | 'mentor' | 'utc';
    iana: string;
    /** The zone's name (WeeklySeries.zone). */
    name: string;
  };
  weekly: WeeklySeries;
  occurrences: PlannedOccurrence[];
  /** The occurrences that still clash (also in `occurrences`). */
  clashing: PlannedOccurrence[];
  /** `free`: sessions inside both working days and free for both; `conflicts`: clashes counted. */
  score: { free: number; conflicts: number };
  /**
   * The people's preferred days and parts of the day (TimePreferences): how many sessions are
   * inside both, and how many fall outside each person's (0 for who gave none).
   */
  preferences: { inside: number; outside: { mentee: number; mentor: number } };
  window: { startDate: string; endDate: string };
}

export type PlanSeriesResult =
  | { ok: true; series: PlannedSeries }
  | { ok: false; reason: ScheduleRefusal };

interface Anchor {
  anchoredTo: PlannedSeries['recurrenceZone']['anchoredTo'];
  zone: ResolvedTimeZone;
  clock: ZoneClock;
}

interface Candidate {
  anchor: number;
  weekday: number;
  slot: number;
  interval: number;
  offsetWeeks: number;
  free: number;
  conflicts: number;
  preferred: number;
}

interface NormalisedPlan {
  sessions: number;
  months: number;
  sessionMinutes: number;
  granularity: number;
  startDay: number;
  endDay: number;
}

function normalisePlan(plan: ProgrammePlanInput): NormalisedPlan | string {
  const sessions = plan.sessions ?? PROGRAMME_DEFAULTS.plannedSessions;
  const months = plan.months ?? PROGRAMME_DEFAULTS.durationMonths;
  const sessionMinutes = plan.sessionMinutes ?? PROGRAMME_DEFAULTS.sessionMinutes;
  const granularity = plan.granularityMinutes ?? 30;
  if (!Number.isInteger(sessions) || sessions < 1 || sessions > 104) {
    return 'sessions must be an integer from 1 to 104';
  }
  if (!Number.isInteger(months) || months < 1 || months > 24) {
    return 'months must be an integer from 1 to 24';
  }
  if (!Number.isInteger(sessionMinutes) || sessionMinutes < 5 || sessionMinutes > 720) {
    return 'sessionMinutes must be an integer from 5 to 720';
  }
  if (!Number.isInteger(granularity) || granularity < 5 || 1440 % granularity !== 0) {
    return 'granularityMinutes must divide a day into whole steps of at least 5 minutes';
  }
  if (
    plan.intervals?.some((i) => !Number.isInteger(i) || i < 1 || i > 52) ||
    plan.intervals?.length === 0
  ) {
    return 'intervals must list whole numbers of weeks from 1 to 52';
  }
  const startDay = parseCalendarDate(plan.earliestStart);
  if (startDay === undefined) return 'earliestStart must be a calendar date YYYY-MM-DD';
  const endDay = windowEndDay(startDay, months);
  return { sessions, months, sessionMinutes, granularity, startDay, endDay };
}

/** The programme ends on the same day of the month `months` later (date-fns clamps 31 Aug → 28 Feb). */
function windowEndDay(startDay: number, months: number): number {
  const end = addMonths(startDay * DAY, months, { in: tz('UTC') });
  return Math.round(end.getTime() / DAY);
}

/**
 * The day a series starting on `earliestStart` (YYYY-MM-DD) must end by: the window the planner
 * plans in, so a caller asking calendars for the same window reads exactly those days.
 */
export function seriesWindowEnd(earliestStart: string, months: number): string | undefined {
  const startDay = parseCalendarDate(earliestStart);
  if (startDay === undefined) return undefined;
  return new Date(windowEndDay(startDay, months) * DAY).toISOString().slice(0, 10);
}

function intervalsToTry(plan: NormalisedPlan, requested?: readonly number[]): number[] {
  if (requested) return [...new Set(requested)];
  if (plan.sessions === 1) return [1];
  const span = plan.endDay - plan.startDay;
  const largest = Math.floor((span - 1) / (7 * (plan.sessions - 1)));
  // PRODUCT rule 5 spreads the sessions over the programme: an interval is tried only if the series
  // then covers at least half of it (10 sessions in 6 months: every 2 weeks, not weekly for 10 weeks).
  const intervals: number[] = [];
  for (let i = largest; i >= 1; i--) {
    if (i < largest && 7 * i * (plan.sessions - 1) * 2 < span) break;
    intervals.push(i);
  }
  return intervals;
}

function chooseAnchors(
  plan: ProgrammePlanInput,
  pair: Pair,
  window: { from: number; to: number },
): Anchor[] | ScheduleRefusal {
  if (plan.recurrenceTimeZone !== undefined) {
    const zone = resolveTimeZone(plan.recurrenceTimeZone);
    if (!zone.ok) return { ...zone.problem, role: 'programme' };
    const clock = new ZoneClock(zone.zone, window.from, window.to);
    return [{ anchoredTo: 'programme', zone: zone.zone, clock }];
  }
  const anchors: Anchor[] = [];
  for (const person of pair) {
    // A custom zone has no name Graph could use as recurrenceTimeZone.
    if (person.zone.source === 'custom' || person.zone.name === undefined) continue;
    if (anchors.some((a) => a.zone.iana === person.zone.iana)) continue;
    anchors.push({ anchoredTo: person.role, zone: person.zone, clock: person.clock });
  }
  if (anchors.length === 0) {
    const zone: ResolvedTimeZone = { iana: 'UTC', name: 'UTC', source: 'iana' };
    anchors.push({ anchoredTo: 'utc', zone, clock: new ZoneClock('UTC', window.from, window.to) });
  }
  return anchors;
}

/**
 * Lower is better: most free sessions, then most inside both people's preferences (a free slot
 * they prefer is taken when one exists; preferences never cost a free session), fewest clashes,
 * then a fixed order so results repeat.
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.free - a.free ||
    b.preferred - a.preferred ||
    a.conflicts - b.conflicts ||
    a.anchor - b.anchor ||
    b.interval - a.interval ||
    ((a.weekday + 6) % 7) - ((b.weekday + 6) % 7) ||
    a.slot - b.slot ||
    a.offsetWeeks - b.offsetWeeks
  );
}

/**
 * Chooses the weekly recurrence (weekday, local time, interval) for a pair's whole series
 * (PRODUCT rule 5): most sessions inside both working days and free for both, then fewest clashes.
 *
 * The recurrence is kept in one zone's local time (Graph's `recurrenceTimeZone`); the other person's
 * local time moves when only one of the two zones changes to summer time (Madrid ↔ Mexico City:
 * 7 h apart in winter, 8 h in summer). Without a programme zone the planner tries the mentee's zone
 * first (the programme exists for the mentee, so their time stays put on ties), then the mentor's,
 * and keeps whichever puts more sessions inside both working days.
 */
export function planSeries(input: PlanSeriesInput): PlanSeriesResult {
  const plan = normalisePlan(input.plan);
  if (typeof plan === 'string') return { ok: false, reason: { code: 'invalidPlan', detail: plan } };
  // Two days either side cover every zone's offset from UTC.
  const window = { from: (plan.startDay - 2) * DAY, to: (plan.endDay + 2) * DAY };
  const mentee = prepareParticipant('mentee', input.mentee, window);
  if (!mentee.ok) return { ok: false, reason: mentee.problem };
  const mentor = prepareParticipant('mentor', input.mentor, window);
  if (!mentor.ok) return { ok: false, reason: mentor.problem };
  const pair: Pair = [mentee.participant, mentor.participant];
  const anchors = chooseAnchors(input.plan, pair, window);
  if (!Array.isArray(anchors)) return { ok: false, reason: anchors };

  const intervals = intervalsToTry(plan, input.plan.intervals);
  const shortest = Math.min(...intervals);
  if (intervals.length === 0 || plan.startDay + 7 * shortest * (plan.sessions - 1) >= plan.endDay) {
    const days = plan.endDay - plan.startDay;
    return {
      ok: false,
      reason: { code: 'windowTooShort', sessions: plan.sessions, months: plan.months, days },
    };
  }
  const slots = Math.floor((1440 - plan.sessionMinutes) / plan.granularity) + 1;
  const weeks = Math.ceil((plan.endDay - plan.startDay) / 7) + 1;
  const length = plan.sessionMinutes * MINUTE;
  const startWeekday = weekdayOfDay(plan.startDay);
  const firstDayOf = (weekday: number) => plan.startDay + ((weekday - startWeekday + 7) % 7);

  // Every (zone, weekday, time, week) cell is judged once; candidates then only add up cells.
  const INVALID = 255;
  const cells = new Uint8Array(anchors.length * 7 * slots * weeks).fill(INVALID);
  const cellIndex = (a: number, d: number, t: number, w: number) =>
    ((a * 7 + d) * slots + t) * weeks + w;
  // 1 where the session starting there is inside both people's preferences.
  const liked = new Uint8Array(cells.length);
  let anyCommonHours = false;
  for (const [a, anchor] of anchors.entries()) {
    for (let d = 0; d < 7; d++) {
      const first = firstDayOf(d);
      for (let w = 0; w < weeks; w++) {
        const day = first + 7 * w;
        if (day >= plan.endDay) break;
        for (let t = 0; t < slots; t++) {
          const start = anchor.clock.toUtc(day * DAY + t * plan.granularity * MINUTE);
          const bits = clashBits(pair, start, start + length);
          if ((bits & OUTSIDE_MASK) === 0) anyCommonHours = true;
          cells[cellIndex(a, d, t, w)] = bits;
          if (outsideOf(input, pair, start).length === 0) liked[cellIndex(a, d, t, w)] = 1;
        }
      }
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

  let best: Candidate | undefined;
  for (let a = 0; a < anchors.length; a++) {
    for (let d = 0; d < 7; d++) {
      const first = firstDayOf(d);
      for (const interval of intervals) {
        for (let offsetWeeks = 0; offsetWeeks < interval; offsetWeeks++) {
          const lastWeek = offsetWeeks + interval * (plan.sessions - 1);
          if (first + 7 * lastWeek >= plan.endDay) break;
          for (let t = 0; t < slots; t++) {
            let free = 0;
            let conflicts = 0;
            let preferred = 0;
            for (let k = 0; k < plan.sessions; k++) {
              const cell = cellIndex(a, d, t, offsetWeeks + k * interval);
              const bits = cells[cell] as number;
              if (bits === 0) free++;
              else conflicts += countClashes(bits);
              preferred += liked[cell] as number;
            }
            const candidate = {
              anchor: a,
              weekday: d,
              slot: t,
              interval,
              offsetWeeks,
              free,
              conflicts,
              preferred,
            };
            if (!best || compareCandidates(candidate, best) < 0) best = candidate;
          }
        }
      }
    }
  }
  // The window check above guarantees that the weekday of earliestStart fits the shortest interval.
  if (!best) throw new Error('planSeries: no candidate although the window fits');
  const series = describeSeries(best, anchors[best.anchor] as Anchor, pair, plan, input);
  return { ok: true, series };
}

/** Whose preferences a session starting at `start` falls outside (TimePreferences). */
function outsideOf(input: PlanSeriesInput, pair: Pair, start: number): ('mentee' | 'mentor')[] {
  const outside: ('mentee' | 'mentor')[] = [];
  for (const person of pair) {
    const preferences = input[person.role].preferences;
    const days = preferences?.days ?? [];
    const parts = preferences?.partsOfDay ?? [];
    if (days.length === 0 && parts.length === 0) continue;
    const wall = person.clock.toWall(start);
    const day = Math.floor(wall / DAY);
    const weekday = DAYS_OF_WEEK[weekdayOfDay(day)] as string;
    const part = wall - day * DAY < 12 * 60 * MINUTE ? 'morning' : 'afternoon';
    const dayFits = days.length === 0 || days.includes(weekday);
    const partFits = parts.length === 0 || parts.includes(part);
    if (!dayFits || !partFits) outside.push(person.role);
  }
  return outside;
}

function describeSeries(
  best: Candidate,
  anchor: Anchor,
  pair: Pair,
  plan: NormalisedPlan,
  input: PlanSeriesInput,
): PlannedSeries {
  const [mentee, mentor] = pair;
  const length = plan.sessionMinutes * MINUTE;
  const startWeekday = weekdayOfDay(plan.startDay);
  const firstDay = plan.startDay + ((best.weekday - startWeekday + 7) % 7) + 7 * best.offsetWeeks;
  const minute = best.slot * plan.granularity;
  const occurrences: PlannedOccurrence[] = [];
  for (let k = 0; k < plan.sessions; k++) {
    const day = firstDay + 7 * best.interval * k;
    const start = anchor.clock.toUtc(day * DAY + minute * MINUTE);
    const end = start + length;
    occurrences.push({
      index: k,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      local: {
        mentee: localTime(mentee.clock, start, end),
        mentor: localTime(mentor.clock, start, end),
        recurrence: localTime(anchor.clock, start, end),
      },
      clashes: explainClashes(pair, start, end),
      outsidePreferences: outsideOf(input, pair, start),
    });
  }
  const outsideFor = (role: 'mentee' | 'mentor') =>
    occurrences.filter((o) => o.outsidePreferences.includes(role)).length;
  const name = anchor.zone.name ?? anchor.zone.iana;
  const firstStart = anchor.clock.toUtc(firstDay * DAY + minute * MINUTE);
  const endWall = splitWall(anchor.clock.toWall(firstStart + length));
  const startDate = formatCalendarDate(firstDay);
  const clashing = occurrences.filter((o) => o.clashes.length > 0);
  return {
    recurrenceZone: { anchoredTo: anchor.anchoredTo, iana: anchor.zone.iana, name },
    weekly: {
      weekday: DAYS_OF_WEEK[best.weekday] as DayOfWeek,
      intervalWeeks: best.interval,
      sessions: plan.sessions,
      firstDate: startDate,
      startTime: formatMinutes(minute),
      endDate: formatCalendarDate(endWall.day),
      endTime: formatMinutes(endWall.minute),
      zone: name,
    },
    occurrences,
    clashing,
    score: { free: best.free, conflicts: best.conflicts },
    preferences: {
      inside: best.preferred,
      outside: { mentee: outsideFor('mentee'), mentor: outsideFor('mentor') },
    },
    window: {
      startDate: formatCalendarDate(plan.startDay),
      endDate: formatCalendarDate(plan.endDay),
    },
  };
}
