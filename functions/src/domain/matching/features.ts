/**
 * The matcher's rules, as one list (docs/matching.md, "Eligibility"). Each feature says what it
 * reads of a mentee and of a mentor, and what a pair of those values is worth: its share of the
 * score in thousandths (score.ts's weights), or REFUSED — a hard constraint, whose code and
 * explanation are in HARD_CONSTRAINTS below. Everything else is derived from these lists: the
 * matcher's numeric form of the pool (`compileFeatures`), the "side" that groups mentees who
 * behave identically (`sideKey`), the hot loop (`scoreCandidates`), a pair's score and reasons
 * (`explainPair`) and why a mentee was left out (`explainUnmatched`).
 *
 * Two shapes, because the hot loop sees every pair of a dense pool and reads both as numbers:
 * - `value`: one value per side from a small set (a department, a level, a time zone); every
 *   pair of values is scored once, into a table the hot loop reads.
 * - `set`: a list per side (topics, languages); the hot loop counts the items in common as bit
 *   sets, and the feature turns that count (and each side's size) into its part.
 * A new rule is one more entry here (and, if it refuses, one more row in HARD_CONSTRAINTS).
 */

import {
  describeReportingLine,
  findReportingLine,
  type HierarchyRule,
  type OrgChart,
} from '../hierarchy/hierarchy';
import { type MatchingInstance, PARTS_OF_DAY, WEEKDAYS } from './instance';
import {
  availabilityMillis,
  availabilityReason,
  commonWorkingHours,
  crossDepartmentReason,
  type ProgrammeKind,
  type Reason,
  SCORE_WEIGHTS,
  seniorityGap,
  seniorityReason,
  sharedLanguageReason,
  topicsMillis,
  topicsReason,
  workingHoursMillis,
  workingHoursReason,
} from './score';

/** A pair's part that is not a score: the pair is not eligible. */
export const REFUSED = -1;

/** What the features read: the instance, and what the matcher has indexed of its people. */
export interface FeatureContext {
  instance: MatchingInstance;
  kind: ProgrammeKind;
  rule: HierarchyRule;
  org: OrgChart;
  /** Person index of each mentee and each mentor. */
  menteePerson: Int32Array;
  mentorPerson: Int32Array;
  /** Levels below the top of the organisation, per person. */
  depth: Int32Array;
  /** A zone's UTC offsets (score.ts's zoneOffsets, read once per zone), undefined if unknown. */
  zoneOffsets(timeZone: string): readonly number[] | undefined;
  /**
   * What the topics feature compares of a topic string: the topic's id when the programme's
   * vocabulary knows the string (an id, or a label or synonym in any language), else the words
   * without case, accents or punctuation (vocabulary.ts's termKey).
   */
  topicKey(text: string): string;
  /** How a topic key is named in reasons: the topic's id, or the first spelling of the words. */
  topicShown(key: string): string;
  /** Each mentee's mentors of earlier programmes (the instance's `history`), by index. */
  pairedBefore: ReadonlyMap<number, readonly number[]>;
  /** Whether a pair of an earlier programme may be proposed again (`allowRepeatPairs`). */
  repeatsAllowed: boolean;
}

type Key = string | number | null | undefined;

interface ValueFeature {
  shape: 'value';
  name: string;
  /** A mentee's (i) or a mentor's (j) value; equal values are one (null or undefined: unknown). */
  mentee(c: FeatureContext, i: number): Key;
  mentor(c: FeatureContext, j: number): Key;
  /** A pair's part, in thousandths, or REFUSED. */
  pair(c: FeatureContext, mentee: Key, mentor: Key): number;
  /** Why it counted, when its part is above 0. */
  reason(c: FeatureContext, mentee: Key, mentor: Key): Reason | undefined;
}

interface SetFeature {
  shape: 'set';
  name: string;
  /** A mentee's or mentor's list, as given; the feature reads it through `distinct`. */
  mentee(c: FeatureContext, i: number): readonly string[] | undefined;
  mentor(c: FeatureContext, j: number): readonly string[] | undefined;
  /** The items of a list that count, each once, in order. */
  distinct(c: FeatureContext, list: readonly string[]): string[];
  /** How an item is named in reasons (the item itself unless said). */
  show?(c: FeatureContext, item: string): string;
  /** A pair's part from the items in common and each side's count, or REFUSED. */
  pair(common: number, mine: number, theirs: number): number;
  /** Why it counted: the mentee's items the mentor has too, in the mentee's order. */
  reason(shared: readonly string[], mine: number): Reason | undefined;
}

export type Feature = ValueFeature | SetFeature;

const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
const personOf = (c: FeatureContext, p: number) => c.instance.people[p]!;

/** The features, in the order their reasons are listed. */
export const FEATURES: readonly Feature[] = [
  {
    // Hard (rule 5): a mentee who names topics needs a mentor offering one. Scored: the share met.
    shape: 'set',
    name: 'topics',
    mentee: (c, i) => c.instance.mentees[i]!.wants,
    mentor: (c, j) => c.instance.mentors[j]!.offers,
    distinct: (c, list) => [...new Set(list.map(c.topicKey))],
    show: (c, key) => c.topicShown(key),
    pair: (met, wanted) => (wanted > 0 && met === 0 ? REFUSED : topicsMillis(met, wanted)),
    reason: (met, wanted) => (met.length > 0 ? topicsReason(met, wanted) : undefined),
  },
  {
    shape: 'value',
    name: 'department',
    mentee: (c, i) => personOf(c, c.menteePerson[i]!).department || null,
    mentor: (c, j) => personOf(c, c.mentorPerson[j]!).department || null,
    pair: (_, a, b) => (a != null && b != null && a !== b ? SCORE_WEIGHTS.crossDepartment : 0),
    reason: (_, a, b) =>
      a != null && b != null && a !== b ? crossDepartmentReason(String(a), String(b)) : undefined,
  },
  {
    // The side of the hierarchy the programme kind expects its mentors on.
    shape: 'value',
    name: 'level',
    mentee: (c, i) => c.depth[c.menteePerson[i]!]!,
    mentor: (c, j) => c.depth[c.mentorPerson[j]!]!,
    pair: (c, a, b) =>
      seniorityGap(c.kind, Number(a), Number(b)) !== 0 ? SCORE_WEIGHTS.seniority : 0,
    reason: (c, a, b) => {
      const gap = seniorityGap(c.kind, Number(a), Number(b));
      return gap !== 0 ? seniorityReason(gap) : undefined;
    },
  },
  {
    // Hard (rule 4): when both list languages they share one. Scored: sharing one.
    shape: 'set',
    name: 'languages',
    mentee: (c, i) => c.instance.mentees[i]!.languages,
    mentor: (c, j) => c.instance.mentors[j]!.languages,
    distinct: (_, list) => [...new Set(list.map(primary))].filter(Boolean),
    pair: (shared, mine, theirs) =>
      shared > 0 ? SCORE_WEIGHTS.sharedLanguage : mine > 0 && theirs > 0 ? REFUSED : 0,
    reason: (shared) => (shared.length > 0 ? sharedLanguageReason(shared) : undefined),
  },
  {
    // Hours of the working day in common; the zone's name is the value, its offsets the facts.
    shape: 'value',
    name: 'zone',
    mentee: (c, i) => zoneKey(c, c.menteePerson[i]!),
    mentor: (c, j) => zoneKey(c, c.mentorPerson[j]!),
    pair: (c, a, b) => workingHoursMillis(hoursInCommon(c, a, b)),
    reason: (c, a, b) => {
      const hours = hoursInCommon(c, a, b);
      return hours !== undefined && hours > 0 ? workingHoursReason(hours) : undefined;
    },
  },
  {
    // The days and parts of the day each prefers (the form's availability): the share of the
    // mentee's preferred times the mentor prefers too. Either side without preferences: unknown, 0.
    shape: 'set',
    name: 'availability',
    mentee: (c, i) => preferredSlots(c.instance.mentees[i]!.availability),
    mentor: (c, j) => preferredSlots(c.instance.mentors[j]!.availability),
    distinct: (_, list) => [...new Set(list)],
    pair: (common, mine, theirs) => availabilityMillis(common, mine, theirs),
    reason: (common, mine) => (common.length > 0 ? availabilityReason(common, mine) : undefined),
  },
];

/**
 * A person's preferred times as weekday-part slots (`monday-morning`): the days given (every
 * weekday when only parts are given) by the parts given (both when only days are). Nothing given:
 * no slots — nothing is known.
 */
export function preferredSlots(
  availability: { days?: readonly string[]; partsOfDay?: readonly string[] } | undefined,
): string[] {
  const days = availability?.days ?? [];
  const parts = availability?.partsOfDay ?? [];
  if (days.length === 0 && parts.length === 0) return [];
  const slots: string[] = [];
  for (const day of days.length > 0 ? days : WEEKDAYS) {
    for (const part of parts.length > 0 ? parts : PARTS_OF_DAY) slots.push(`${day}-${part}`);
  }
  return slots;
}

/** A person's zone when its offsets are known (an unknown zone scores nothing). */
function zoneKey(c: FeatureContext, p: number): Key {
  const zone = c.instance.people[p]!.timeZone;
  return zone && c.zoneOffsets(zone) ? zone : null;
}
function hoursInCommon(c: FeatureContext, a: Key, b: Key): number | undefined {
  if (a == null || b == null) return undefined;
  return commonWorkingHours(c.zoneOffsets(String(a))!, c.zoneOffsets(String(b))!);
}

/**
 * The hard constraints, in the order an unmatched mentee's reason is looked for: the first one
 * no mentor passes (having passed those before it) names the reason; when some mentor passes them
 * all, the mentee lost to capacity. `refusal`: the code a locked pair that breaks it is refused
 * with; a constraint without one is HR's to override by locking the pair.
 */
export interface HardConstraint {
  /** The unmatched mentee's reason code. */
  code: string;
  /** Whether mentee i and mentor j pass it. */
  test(pool: CompiledPool, i: number, j: number): boolean;
  /** The unmatched mentee's reason; `j` is the first mentor who failed only this constraint. */
  explain(pool: CompiledPool, i: number, j: number): Reason;
  /** A locked pair that breaks it is refused, with this reason. */
  refusal?: (pool: CompiledPool, i: number, j: number) => Reason;
}

const notAvailable = (): Reason => ({
  code: 'noEligibleMentor',
  text: 'no mentor is available to them',
});

export const HARD_CONSTRAINTS: readonly HardConstraint[] = [
  {
    code: 'noEligibleMentor',
    test: (p, i, j) => p.context.mentorPerson[j] !== p.context.menteePerson[i],
    explain: notAvailable,
    refusal: () => ({ code: 'samePerson', text: 'mentor and mentee are the same person' }),
  },
  {
    // HR's rejections (`excludedBy` also holds the pairs of earlier programmes: the next row's).
    code: 'noEligibleMentor',
    test: (p, i, j) => !(p.excludedBy.get(i) ?? []).includes(j) || pairedBefore(p, i, j),
    explain: notAvailable,
  },
  {
    code: 'noSharedLanguage',
    test: (p, i, j) => p.part('languages', i, j) !== REFUSED,
    explain: (p, i) => {
      const languages = p.menteeList('languages', i).join(', ');
      return {
        code: 'noSharedLanguage',
        text: `no mentor speaks ${languages}`,
        params: { languages },
      };
    },
  },
  {
    code: 'noTopicOffered',
    test: (p, i, j) => p.part('topics', i, j) !== REFUSED,
    explain: (p, i) => {
      const topics = p.menteeList('topics', i).join(', ');
      return { code: 'noTopicOffered', text: `no mentor offers ${topics}`, params: { topics } };
    },
  },
  {
    // Not proposed again with a mentor of an earlier programme, unless the programme allows it;
    // HR's lock overrides it (HR decided to repeat the pair).
    code: 'pairedBefore',
    test: (p, i, j) => p.context.repeatsAllowed || !pairedBefore(p, i, j),
    explain: () => ({
      code: 'pairedBefore',
      text: 'the mentors who fit were their mentors in an earlier programme',
    }),
  },
  {
    code: 'onlyReportingLine',
    test: (p, i, j) => reportingLine(p, i, j) === undefined,
    explain: (p, i, j) => {
      const line = reportingLine(p, i, j) ?? '';
      return {
        code: 'onlyReportingLine',
        text: `the only mentors who fit are in their reporting line (${line})`,
        params: { line },
      };
    },
    refusal: (p, i, j) => {
      const line = reportingLine(p, i, j)!;
      return { code: 'reportingLine', text: line, params: { line } };
    },
  },
];

/** Whether mentor j was mentee i's mentor in an earlier programme. */
export function pairedBefore(p: { context: FeatureContext }, i: number, j: number): boolean {
  return (p.context.pairedBefore.get(i) ?? []).includes(j);
}

/** The reason a pair of an earlier programme carries when it is proposed or locked again. */
export const REPEAT_PAIR: Reason = {
  code: 'repeatPair',
  text: 'paired in an earlier programme',
};

function reportingLine(p: CompiledPool, i: number, j: number): string | undefined {
  const { instance, org, rule } = p.context;
  const line = findReportingLine(
    org,
    instance.mentees[i]!.personId,
    instance.mentors[j]!.personId,
    rule,
  );
  return line ? describeReportingLine(org, line) : undefined;
}

/** The reason every proposed pair also carries: the constraint HR asks about first. */
export const NO_REPORTING_LINE: Reason = {
  code: 'noReportingLine',
  text: 'no reporting line between them',
};

/** The features' values as numbers: what the hot loop and the explanations read. */
export interface CompiledPool {
  context: FeatureContext;
  excludedBy: ReadonlyMap<number, readonly number[]>;
  /** Each set feature: bit masks of the mentors' lists and their sizes. */
  sets: CompiledSet[];
  /** Each value feature: the table of its parts and each side's value. */
  values: CompiledValue[];
  /** A feature's part for mentee i and mentor j (REFUSED or thousandths). */
  part(feature: string, i: number, j: number): number;
  /** A mentee's list for a set feature, as the feature reads it. */
  menteeList(feature: string, i: number): readonly string[];
  /**
   * Mentee i's side: what the features read of them, as one number — mentees with the same side
   * are interchangeable to the score and the reasons (their own reporting line and exclusions
   * aside). Derived from FEATURES: every feature's value is part of it.
   */
  menteeSide: Int32Array;
  /** Mentor j's side, numbered apart from the mentees' (below n + m). */
  mentorSide: Int32Array;
}

interface CompiledSet {
  feature: SetFeature;
  words: number;
  bit: Map<string, number>;
  menteeLists: (readonly string[])[];
  mentorLists: (readonly string[])[];
  /** m × words. */
  mentorMask: Uint32Array;
  mentorSize: Int32Array;
  maxMentorSize: number;
  maskOf(list: readonly string[]): Uint32Array;
}

interface CompiledValue {
  feature: ValueFeature;
  menteeKeys: Key[];
  mentorKeys: Key[];
  menteeValue: Int32Array;
  mentorValue: Int32Array;
  mentorValues: number;
  /** menteeValues × mentorValues, row-major. */
  table: Int32Array;
}

/** Compiles every feature for the pool: values interned, tables and masks built once. */
export function compileFeatures(
  context: FeatureContext,
  excludedBy: ReadonlyMap<number, readonly number[]>,
): CompiledPool {
  const { instance } = context;
  const n = instance.mentees.length;
  const m = instance.mentors.length;
  const sets: CompiledSet[] = [];
  const values: CompiledValue[] = [];
  const menteeSide = new Int32Array(n);
  const mentorSide = new Int32Array(m);
  // Each side folds its features' values one by one: (side so far, value) → side.
  const fold = (side: Int32Array, value: Int32Array, step: Map<number, number>) => {
    for (let k = 0; k < side.length; k++) side[k] = numberOf(step, side[k]! * 2 ** 21 + value[k]!);
  };
  for (const feature of FEATURES) {
    const menteeValue = new Int32Array(n);
    const mentorValue = new Int32Array(m);
    if (feature.shape === 'set') {
      const ids = new Map<readonly string[], number>();
      const memo = listMemo((list) => feature.distinct(context, list));
      const menteeLists = new Array<readonly string[]>(n);
      const mentorLists = new Array<readonly string[]>(m);
      for (let i = 0; i < n; i++) {
        menteeLists[i] = memo(feature.mentee(context, i));
        menteeValue[i] = numberOf(ids, menteeLists[i]!);
      }
      const mentorIds = new Map<readonly string[], number>();
      for (let j = 0; j < m; j++) {
        mentorLists[j] = memo(feature.mentor(context, j));
        mentorValue[j] = numberOf(mentorIds, mentorLists[j]!);
      }
      // Bits for the items some mentor has: a mentee's other items are never in common.
      const bit = new Map<string, number>();
      for (const list of mentorIds.keys()) for (const t of list) numberOf(bit, t);
      const words = Math.max(1, Math.ceil(bit.size / 32));
      const masks = new Map<readonly string[], Uint32Array>();
      const maskOf = (list: readonly string[]) => {
        let mask = masks.get(list);
        if (!mask) {
          mask = new Uint32Array(words);
          for (const t of list) {
            const b = bit.get(t);
            if (b !== undefined) mask[b >>> 5]! |= 1 << (b & 31);
          }
          masks.set(list, mask);
        }
        return mask;
      };
      const mentorMask = new Uint32Array(m * words);
      const mentorSize = new Int32Array(m);
      let maxMentorSize = 0;
      for (let j = 0; j < m; j++) {
        mentorMask.set(maskOf(mentorLists[j]!), j * words);
        mentorSize[j] = mentorLists[j]!.length;
        maxMentorSize = Math.max(maxMentorSize, mentorSize[j]!);
      }
      sets.push({
        feature,
        words,
        bit,
        menteeLists,
        mentorLists,
        mentorMask,
        mentorSize,
        maxMentorSize,
        maskOf,
      });
    } else {
      const menteeIds = new Map<Key, number>();
      const mentorIds = new Map<Key, number>();
      for (let i = 0; i < n; i++) menteeValue[i] = numberOf(menteeIds, feature.mentee(context, i));
      for (let j = 0; j < m; j++) mentorValue[j] = numberOf(mentorIds, feature.mentor(context, j));
      const menteeKeys = [...menteeIds.keys()];
      const mentorKeys = [...mentorIds.keys()];
      const table = new Int32Array(menteeKeys.length * mentorKeys.length);
      for (let a = 0; a < menteeKeys.length; a++) {
        for (let b = 0; b < mentorKeys.length; b++) {
          table[a * mentorKeys.length + b] = feature.pair(context, menteeKeys[a], mentorKeys[b]);
        }
      }
      values.push({
        feature,
        menteeKeys,
        mentorKeys,
        menteeValue,
        mentorValue,
        mentorValues: mentorKeys.length,
        table,
      });
    }
    fold(menteeSide, menteeValue, new Map());
    fold(mentorSide, mentorValue, new Map());
  }
  const setNamed = new Map(sets.map((s) => [s.feature.name, s]));
  const valueNamed = new Map(values.map((v) => [v.feature.name, v]));
  const part = (name: string, i: number, j: number) => {
    const s = setNamed.get(name);
    if (s) {
      const mine = s.menteeLists[i]!;
      return s.feature.pair(shared(mine, s.mentorLists[j]!).length, mine.length, s.mentorSize[j]!);
    }
    const v = valueNamed.get(name)!;
    return v.table[v.menteeValue[i]! * v.mentorValues + v.mentorValue[j]!]!;
  };
  return {
    context,
    excludedBy,
    sets,
    values,
    part,
    menteeList: (name, i) => {
      const s = setNamed.get(name)!;
      const show = s.feature.show;
      const list = s.menteeLists[i]!;
      return show ? list.map((item) => show(context, item)) : list;
    },
    menteeSide,
    mentorSide,
  };
}

/** The mentee's items the mentor has too, in the mentee's order. */
function shared(mine: readonly string[], theirs: readonly string[]): string[] {
  return mine.filter((t) => theirs.includes(t));
}

/**
 * A pair's score in thousandths and its reasons, every feature in turn. A refusal counts 0: the
 * pairs explained are eligible, or locked by HR over a constraint HR may override.
 */
export function explainPair(
  pool: CompiledPool,
  i: number,
  j: number,
): { millis: number; reasons: Reason[] } {
  let millis = 0;
  const reasons: Reason[] = [];
  let s = 0;
  let v = 0;
  for (const feature of FEATURES) {
    let reason: Reason | undefined;
    if (feature.shape === 'set') {
      const set = pool.sets[s++]!;
      const mine = set.menteeLists[i]!;
      const common = shared(mine, set.mentorLists[j]!);
      millis += Math.max(0, feature.pair(common.length, mine.length, set.mentorSize[j]!));
      const show = feature.show;
      reason = feature.reason(
        show ? common.map((item) => show(pool.context, item)) : common,
        mine.length,
      );
    } else {
      const value = pool.values[v++]!;
      const a = value.menteeValue[i]!;
      const b = value.mentorValue[j]!;
      millis += Math.max(0, value.table[a * value.mentorValues + b]!);
      reason = feature.reason(pool.context, value.menteeKeys[a], value.mentorKeys[b]);
    }
    if (reason) reasons.push(reason);
  }
  return { millis, reasons };
}

/** The real cause a mentee was left out, constraint by constraint (HARD_CONSTRAINTS's order). */
export function explainUnmatched(pool: CompiledPool, i: number): Reason {
  const m = pool.context.instance.mentors.length;
  const passed = new Int32Array(HARD_CONSTRAINTS.length); // mentors through each, in order
  const firstStopped = new Int32Array(HARD_CONSTRAINTS.length).fill(-1);
  for (let j = 0; j < m; j++) {
    for (let c = 0; c < HARD_CONSTRAINTS.length; c++) {
      if (!HARD_CONSTRAINTS[c]!.test(pool, i, j)) {
        if (firstStopped[c] === -1) firstStopped[c] = j;
        break;
      }
      passed[c]!++;
    }
  }
  for (let c = 0; c < HARD_CONSTRAINTS.length; c++) {
    if (passed[c] === 0) return HARD_CONSTRAINTS[c]!.explain(pool, i, firstStopped[c]!);
  }
  const eligible = passed[HARD_CONSTRAINTS.length - 1]!;
  return {
    code: 'capacityTaken',
    text: `all ${eligible} eligible mentor${eligible === 1 ? '' : 's'} went to a better overall assignment`,
    params: { eligible },
  };
}

/** Why HR's lock of mentee i to mentor j is refused, or undefined when it is kept. */
export function refuseLock(pool: CompiledPool, i: number, j: number): Reason | undefined {
  for (const constraint of HARD_CONSTRAINTS) {
    if (constraint.refusal && !constraint.test(pool, i, j)) return constraint.refusal(pool, i, j);
  }
  return undefined;
}

/** One mentee's values, loaded for the hot loop (see `loadRow`). */
export interface Row {
  /** The mentee's index (for its own exceptions), or −2 for nobody's. */
  i: number;
  /** Per set feature: the mentee's mask (concatenated), and its table of parts by count in common. */
  mask: Uint32Array;
  setTable: Int32Array[];
  /** Per value feature: where the mentee's row of the table starts. */
  valueRow: Int32Array;
}

export function newRow(pool: CompiledPool): Row {
  let words = 0;
  for (const s of pool.sets) words += s.words;
  return {
    i: 0,
    mask: new Uint32Array(words),
    setTable: pool.sets.map(() => new Int32Array(0)),
    valueRow: new Int32Array(pool.values.length),
  };
}

/**
 * Loads mentee i's values into `row`. A set feature's part for this mentee depends only on the
 * count in common and the mentor's size: a small table, (count, size) → part, built per size of
 * the mentee's list and kept.
 */
export function loadRow(
  pool: CompiledPool,
  row: Row,
  i: number,
  tables: Map<number, Int32Array>[],
) {
  row.i = i;
  let at = 0;
  pool.sets.forEach((s, k) => {
    const mine = s.menteeLists[i]!;
    row.mask.set(s.maskOf(mine), at);
    at += s.words;
    let table = tables[k]!.get(mine.length);
    if (!table) {
      const stride = s.maxMentorSize + 1;
      table = new Int32Array((mine.length + 1) * stride);
      for (let common = 0; common <= mine.length; common++) {
        for (let theirs = 0; theirs < stride; theirs++) {
          table[common * stride + theirs] = s.feature.pair(common, mine.length, theirs);
        }
      }
      tables[k]!.set(mine.length, table);
    }
    row.setTable[k] = table;
  });
  pool.values.forEach((v, k) => {
    row.valueRow[k] = v.menteeValue[i]! * v.mentorValues;
  });
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A mentee's own exceptions, for the hot loop: mentors it may not take whatever its side. */
export interface Exceptions {
  mentorPerson: Int32Array;
  /** blocked[j] === i: mentor j is below mentee i, or HR excluded the pair. */
  blocked: Int32Array;
  /** chainStamp[p] === i: person p is in mentee i's chain (rule `chain`). */
  chainStamp: Int32Array;
  directOnly: boolean;
  /** Mentee i's person and direct manager (person indexes; −1, −2: none). */
  person: number;
  directManager: number;
}

/**
 * The hot loop: every eligible mentor of one mentee (`row`) among `scan`, and the pair's score in
 * thousandths, written to `cols`/`out` from `at`; returns the new end. Numbers only — it sees
 * every pair of a dense pool: the features' masks and tables, and the mentee's own exceptions.
 */
export function scoreCandidates(
  pool: CompiledPool,
  row: Row,
  ex: Exceptions,
  scan: Int32Array,
  scanLength: number,
  cols: Int32Array,
  out: Int32Array,
  at: number,
): number {
  const { mentorPerson, blocked, chainStamp, directOnly, person: pi, directManager } = ex;
  const { sets, values } = pool;
  const i = row.i;
  const mask = row.mask;
  const S = sets.length;
  const V = values.length;
  pairs: for (let k = 0; k < scanLength; k++) {
    const j = scan[k]!;
    const pj = mentorPerson[j]!;
    if (blocked[j] === i || pj === pi) continue;
    if (directOnly ? directManager === pj : chainStamp[pj] === i) continue;
    let millis = 0;
    let bit = 0;
    for (let f = 0; f < S; f++) {
      const s = sets[f]!;
      const words = s.words;
      const theirs = s.mentorMask;
      let common = 0;
      for (let w = 0; w < words; w++) common += popcount(mask[bit + w]! & theirs[j * words + w]!);
      bit += words;
      const part = row.setTable[f]![common * (s.maxMentorSize + 1) + s.mentorSize[j]!]!;
      if (part < 0) continue pairs;
      millis += part;
    }
    for (let f = 0; f < V; f++) {
      const v = values[f]!;
      const part = v.table[row.valueRow[f]! + v.mentorValue[j]!]!;
      if (part < 0) continue pairs;
      millis += part;
    }
    cols[at] = j;
    out[at++] = millis;
  }
  return at;
}

/** The number of `key` in `map`, the next free one (the map's size) the first time. */
export function numberOf<K>(map: Map<K, number>, key: K): number {
  let k = map.get(key);
  if (k === undefined) {
    k = map.size;
    map.set(key, k);
  }
  return k;
}

const NO_STRINGS: readonly string[] = [];

/**
 * A value per distinct list of strings, read once and shared: people mostly list the same few
 * languages and topics, so a pool of thousands has a handful of lists. Lists are told apart
 * element by element (a trie of maps), without building a key per person.
 */
function listMemo<T>(read: (list: readonly string[]) => T) {
  interface Node {
    next?: Map<string, Node>;
    read?: boolean;
    value?: T;
  }
  const root: Node = {};
  return (raw: readonly string[] | undefined): T => {
    const list = raw ?? NO_STRINGS;
    let node = root;
    for (let k = 0; k < list.length; k++) {
      node.next ??= new Map();
      let child = node.next.get(list[k]!);
      if (!child) {
        child = {};
        node.next.set(list[k]!, child);
      }
      node = child;
    }
    if (!node.read) {
      node.value = read(list);
      node.read = true;
    }
    return node.value as T;
  };
}
