/**
 * PRODUCT rule 4 — pairs must complement each other. Tandem's score of an eligible pair, built from
 * components that each become a reason HR can read and defend. Scores are kept in integer
 * thousandths so that totals are exact and the output is the same on every machine.
 */

import { PROGRAMME_KIND_RULES, type ProgrammeKind } from '../programme/kinds';

export type { ProgrammeKind };

/** Weights, in thousandths of a point. */
export const SCORE_WEIGHTS = {
  /** All of the mentee's wanted topics offered by the mentor; a share of it for some. */
  topics: 1000,
  /** Mentor and mentee work in different departments (the seeds value networking across areas). */
  crossDepartment: 200,
  /** The mentor is on the side of the hierarchy the programme kind expects. */
  seniority: 200,
  /** Both list a language they share. */
  sharedLanguage: 100,
  /** Share of a 09:00–17:00 working day both have in common, all year (time zones). */
  workingHours: 100,
  /** Share of the mentee's preferred days and parts of the day the mentor prefers too. */
  availability: 100,
} as const;

/** The highest score a pair can have, in thousandths. */
export const MAX_SCORE_MILLIS = Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0);

export interface Reason {
  code: string;
  text: string;
  params?: Record<string, string | number>;
}

export interface PairFacts {
  kind: ProgrammeKind;
  /** Wanted topics the mentor offers, in the mentee's order. */
  topicsMet: readonly string[];
  topicsWanted: number;
  sharedLanguages: readonly string[];
  menteeDepartment?: string | null;
  mentorDepartment?: string | null;
  /** Levels below the top of the organisation (0 = nobody above). */
  menteeDepth: number;
  mentorDepth: number;
  /** Hours of a standard working day the two have in common in the worst month, when known. */
  commonHours?: number;
  /** The mentee's and the mentor's preferred day-part slots, and how many they share. */
  preferredTimes?: number;
  theirPreferredTimes?: number;
  preferredTimesInCommon?: number;
}

/** The seniority the programme kind expects (MENTOR_SENIORITY): up, or down for reverse. */
export function expectsSeniorMentor(kind: ProgrammeKind): boolean {
  return PROGRAMME_KIND_RULES[kind].mentor === 'senior';
}

// Each component on its own, so the matcher's fast path and the reasons share one formula.

export function topicsMillis(met: number, wanted: number): number {
  return met > 0 && wanted > 0 ? Math.round((SCORE_WEIGHTS.topics * met) / wanted) : 0;
}

/** Levels the mentor stands above the mentee, when that is the direction the kind expects. */
export function seniorityGap(kind: ProgrammeKind, menteeDepth: number, mentorDepth: number) {
  const gap = menteeDepth - mentorDepth; // > 0: the mentor is more senior
  return (expectsSeniorMentor(kind) && gap > 0) || (!expectsSeniorMentor(kind) && gap < 0)
    ? gap
    : 0;
}

/** The share of the mentee's preferred slots (`mine`) the mentor prefers too; unknown on either side: 0. */
export function availabilityMillis(common: number, mine: number, theirs: number): number {
  return mine > 0 && theirs > 0 ? Math.round((SCORE_WEIGHTS.availability * common) / mine) : 0;
}

export function workingHoursMillis(commonHours: number | undefined): number {
  return commonHours !== undefined && commonHours > 0
    ? Math.round((SCORE_WEIGHTS.workingHours * commonHours) / 8)
    : 0;
}

// Each component's reason, written once: the matcher's explanations and scorePair share them.

export function topicsReason(met: readonly string[], wanted: number): Reason {
  const topics = met.join(', ');
  return { code: 'topics', text: topics, params: { met: met.length, wanted, topics } };
}

export function crossDepartmentReason(from: string, to: string): Reason {
  return { code: 'crossDepartment', text: `${from} → ${to}`, params: { from, to } };
}

/** `gap` as seniorityGap returns it (never 0 here): > 0, the mentor is more senior. */
export function seniorityReason(gap: number): Reason {
  const levels = Math.abs(gap);
  return {
    code: gap > 0 ? 'seniorMentor' : 'juniorMentor',
    text:
      gap > 0
        ? `mentor ${levels} level${levels === 1 ? '' : 's'} more senior`
        : `mentor ${levels} level${levels === 1 ? '' : 's'} more junior, as reverse mentoring expects`,
    params: { levels },
  };
}

export function sharedLanguageReason(shared: readonly string[]): Reason {
  const languages = shared.join(', ');
  return { code: 'sharedLanguage', text: languages, params: { languages } };
}

export function workingHoursReason(hours: number): Reason {
  return {
    code: 'workingHours',
    text: `${hours} h of the working day in common`,
    params: { hours },
  };
}

/** `slots` as preferredSlots writes them (`monday-morning`), those both prefer. */
export function availabilityReason(slots: readonly string[], preferred: number): Reason {
  const times = slots.join(', ');
  return {
    code: 'availability',
    text: `${slots.length} of ${preferred} preferred times in common (${times})`,
    params: { met: slots.length, wanted: preferred, times },
  };
}

/** The pair's score in thousandths, and a reason for every component that counted. */
export function scorePair(f: PairFacts): { millis: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let millis = 0;
  if (f.topicsMet.length > 0 && f.topicsWanted > 0) {
    millis += topicsMillis(f.topicsMet.length, f.topicsWanted);
    reasons.push(topicsReason(f.topicsMet, f.topicsWanted));
  }
  if (f.menteeDepartment && f.mentorDepartment && f.menteeDepartment !== f.mentorDepartment) {
    millis += SCORE_WEIGHTS.crossDepartment;
    reasons.push(crossDepartmentReason(f.menteeDepartment, f.mentorDepartment));
  }
  const gap = seniorityGap(f.kind, f.menteeDepth, f.mentorDepth);
  if (gap !== 0) {
    millis += SCORE_WEIGHTS.seniority;
    reasons.push(seniorityReason(gap));
  }
  if (f.sharedLanguages.length > 0) {
    millis += SCORE_WEIGHTS.sharedLanguage;
    reasons.push(sharedLanguageReason(f.sharedLanguages));
  }
  if (f.commonHours !== undefined && f.commonHours > 0) {
    millis += workingHoursMillis(f.commonHours);
    reasons.push(workingHoursReason(f.commonHours));
  }
  const times = availabilityMillis(
    f.preferredTimesInCommon ?? 0,
    f.preferredTimes ?? 0,
    f.theirPreferredTimes ?? 0,
  );
  if (times > 0) millis += times;
  return { millis, reasons };
}

/**
 * Hours of a 09:00–17:00 day two people share, in the month where their clocks are furthest
 * apart (January or July of a reference year: offsets change with DST, and not everywhere).
 */
export function commonWorkingHours(
  offsetsA: readonly number[],
  offsetsB: readonly number[],
): number {
  let worst = 0;
  for (let k = 0; k < offsetsA.length; k++) {
    worst = Math.max(worst, Math.abs(offsetsA[k]! - offsetsB[k]!));
  }
  return Math.max(0, 8 - worst);
}

const REFERENCE_INSTANTS = [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12)];

/** A zone's UTC offsets in hours at the reference instants, or undefined for an unknown zone. */
export function zoneOffsets(timeZone: string): number[] | undefined {
  try {
    const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    return REFERENCE_INSTANTS.map((instant) => {
      const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
      const m = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?/.exec(name ?? '');
      if (!m?.[1]) return 0;
      const hours = Number(m[2]) + Number(m[3] ?? 0) / 60;
      return m[1] === '-' ? -hours : hours;
    });
  } catch {
    return undefined;
  }
}

/** A pair's score as HR reads it: out of 100, where 100 is the best pair the weights allow. */
export function scoreOutOf100(points: number): number {
  const percent = Math.round((points * 1000 * 100) / MAX_SCORE_MILLIS);
  return Math.min(100, Math.max(0, percent));
}

/** The most each component can add to a score out of 100 — how HR is told the score is made. */
export const SCORE_SHARES_OF_100 = Object.fromEntries(
  Object.entries(SCORE_WEIGHTS).map(([component, millis]) => [
    component,
    (100 * millis) / MAX_SCORE_MILLIS,
  ]),
) as Record<keyof typeof SCORE_WEIGHTS, number>;
