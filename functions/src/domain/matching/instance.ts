import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { PROGRAMME_KINDS } from '../programme/kinds';
import { checkVocabulary, TOPIC_ID } from '../topics/vocabulary';

/** The objectives the contract knows (its kinds are domain/programme/kinds.ts). */
export const OBJECTIVES = ['maxParticipation', 'maxScore'] as const;

/**
 * The fields of the instance's people, mentees and mentors, each with the kind of value it holds:
 * the schema and the quick check (acceptQuickly) are both built from these lists, so a field the
 * features read (features.ts) is added here once.
 */
type FieldKind = 'id' | 'name' | 'text' | 'strings' | 'count' | 'availability';
type Fields = Readonly<Record<string, FieldKind>>;
const PERSON_FIELDS = {
  id: 'id',
  displayName: 'name',
  managerId: 'text',
  department: 'text',
  jobTitle: 'text',
  officeLocation: 'text',
  preferredLanguage: 'text',
  timeZone: 'text',
} as const satisfies Fields;
const MENTEE_FIELDS = {
  personId: 'id',
  wants: 'strings',
  languages: 'strings',
  availability: 'availability',
} as const satisfies Fields;
const MENTOR_FIELDS = {
  personId: 'id',
  offers: 'strings',
  languages: 'strings',
  capacity: 'count',
  availability: 'availability',
} as const satisfies Fields;

/** The weekdays and parts of the day a person may prefer (the application form's). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
export const PARTS_OF_DAY = ['morning', 'afternoon'] as const;

/**
 * The matching instance (docs/matching.md): the programme's settings, the directory slice the
 * matcher needs, mentees, mentors, and HR's locked and excluded pairs. Built on first use: a
 * plainly valid instance never needs it (acceptQuickly below), and `tandem match`, timed as a
 * whole process, would otherwise build it on every start. zod/mini with the English messages: the
 * same checks and messages as zod's classic API in a twentieth of the code.
 */
function buildSchema() {
  z.config(en());
  const id = z.string().check(z.minLength(1, 'must not be empty'));
  const pairRef = z.strictObject({ mentee: id, mentor: id });
  const count = z.number().check(z.int(), z.minimum(1));
  const zodOf = {
    id,
    name: z.optional(z.string()),
    text: z.optional(z.nullable(z.string())),
    strings: z.optional(z.array(z.string())),
    count: z.optional(count),
    availability: z.optional(
      z.strictObject({
        days: z.optional(z.array(z.enum(WEEKDAYS))),
        partsOfDay: z.optional(z.array(z.enum(PARTS_OF_DAY))),
      }),
    ),
  };
  const shape = <F extends Fields>(fields: F) =>
    Object.fromEntries(Object.entries(fields).map(([k, kind]) => [k, zodOf[kind]])) as {
      [K in keyof F]: (typeof zodOf)[F[K]];
    };
  const objective = z.enum(OBJECTIVES);
  const term = z.string().check(z.maxLength(80, 'must be at most 80 characters'));
  const topic = z.strictObject({
    id: z.string().check(z.regex(TOPIC_ID, 'a topic id such as "design-thinking"')),
    label: z.strictObject({ es: term, en: term }),
    synonyms: z.optional(z.array(term)),
  });
  return z.object({
    programme: z.strictObject({
      kind: z.enum(PROGRAMME_KINDS),
      hierarchyRule: z._default(z.enum(['chain', 'directManager']), 'chain'),
      mentorCapacity: z._default(count, 1),
      objective: z._default(objective, 'maxParticipation'),
      allowRepeatPairs: z._default(z.boolean(), false),
    }),
    topics: z.optional(z.array(topic)),
    history: z.optional(
      z.array(z.strictObject({ mentee: id, mentor: id, programme: z.optional(z.string()) })),
    ),
    people: z.array(z.object(shape(PERSON_FIELDS))),
    mentees: z.array(z.object(shape(MENTEE_FIELDS))),
    mentors: z.array(z.object(shape(MENTOR_FIELDS))),
    locked: z.optional(z.array(pairRef)),
    excluded: z.optional(z.array(pairRef)),
  });
}

let schema: ReturnType<typeof buildSchema> | undefined;
export function matchingInstanceSchema() {
  schema ??= buildSchema();
  return schema;
}

export type MatchingInstance = z.output<ReturnType<typeof buildSchema>>;
export type Objective = (typeof OBJECTIVES)[number];

export interface InstanceError {
  path: string;
  message: string;
}

/** `mentees[3].personId` from zod's `['mentees', 3, 'personId']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/**
 * Parses and cross-checks an instance: shapes first, then every reference (unknown people,
 * duplicates, locks and exclusions naming someone who is not a mentee or mentor, locks beyond a
 * mentor's capacity). Returns the instance or the first errors, each with its field path.
 */
export function parseMatchingInstance(
  input: unknown,
): { ok: true; instance: MatchingInstance } | { ok: false; errors: InstanceError[] } {
  const quick = acceptQuickly(input);
  const parsed = quick
    ? { success: true as const, data: quick }
    : matchingInstanceSchema().safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const instance = parsed.data;
  const errors: InstanceError[] = [];
  const people = new Set<string>();
  instance.people.forEach((p, i) => {
    if (people.has(p.id))
      errors.push({ path: `people[${i}].id`, message: `duplicate person "${p.id}"` });
    people.add(p.id);
  });
  const mentees = new Set<string>();
  // Paths are written only for errors: a valid pool has thousands of entries.
  instance.mentees.forEach((m, i) => {
    if (!people.has(m.personId)) {
      errors.push({ path: `mentees[${i}].personId`, message: `unknown person "${m.personId}"` });
    } else if (mentees.has(m.personId)) {
      errors.push({ path: `mentees[${i}].personId`, message: `duplicate mentee "${m.personId}"` });
    }
    mentees.add(m.personId);
  });
  const mentors = new Map<string, number>();
  instance.mentors.forEach((m, i) => {
    if (!people.has(m.personId)) {
      errors.push({ path: `mentors[${i}].personId`, message: `unknown person "${m.personId}"` });
    } else if (mentors.has(m.personId)) {
      errors.push({ path: `mentors[${i}].personId`, message: `duplicate mentor "${m.personId}"` });
    }
    mentors.set(m.personId, m.capacity ?? instance.programme.mentorCapacity);
  });
  const checkPair = (
    list: 'locked' | 'excluded',
    pair: { mentee: string; mentor: string },
    i: number,
  ) => {
    if (!mentees.has(pair.mentee)) {
      errors.push({ path: `${list}[${i}].mentee`, message: `"${pair.mentee}" is not a mentee` });
    }
    if (!mentors.has(pair.mentor)) {
      errors.push({ path: `${list}[${i}].mentor`, message: `"${pair.mentor}" is not a mentor` });
    }
  };
  const lockedMentees = new Set<string>();
  const lockedLoad = new Map<string, number>();
  const lockedKeys = new Set<string>();
  (instance.locked ?? []).forEach((pair, i) => {
    checkPair('locked', pair, i);
    if (lockedMentees.has(pair.mentee)) {
      errors.push({
        path: `locked[${i}].mentee`,
        message: `"${pair.mentee}" is locked to two mentors`,
      });
    }
    lockedMentees.add(pair.mentee);
    lockedKeys.add(`${pair.mentee}\u0000${pair.mentor}`);
    const load = (lockedLoad.get(pair.mentor) ?? 0) + 1;
    lockedLoad.set(pair.mentor, load);
    const capacity = mentors.get(pair.mentor);
    if (capacity !== undefined && load > capacity) {
      errors.push({
        path: `locked[${i}].mentor`,
        message: `"${pair.mentor}" is locked to more mentees than their capacity (${capacity})`,
      });
    }
  });
  (instance.excluded ?? []).forEach((pair, i) => {
    checkPair('excluded', pair, i);
    if (lockedKeys.has(`${pair.mentee}\u0000${pair.mentor}`)) {
      errors.push({ path: `excluded[${i}]`, message: 'the same pair is also locked' });
    }
  });
  if (instance.topics) {
    const checked = checkVocabulary(
      instance.topics.map((t) => ({ ...t, synonyms: t.synonyms ?? [] })),
    );
    if (!checked.ok) {
      const { code, ...said } = checked.reason;
      errors.push({ path: 'topics', message: `${code} ${JSON.stringify(said)}` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, instance };
}

const KIND_SET = new Set<unknown>(PROGRAMME_KINDS);
const WEEKDAY_SET = new Set<unknown>(WEEKDAYS);
const PART_SET = new Set<unknown>(PARTS_OF_DAY);
const OBJECTIVE_SET = new Set<unknown>(OBJECTIVES);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown) => typeof v === 'string' && v.length > 0;
const isText = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
/** Every index, holes included (`every` would skip a hole zod reads as undefined). */
function all(v: unknown[], valid: (x: unknown) => boolean) {
  for (let i = 0; i < v.length; i++) if (!valid(v[i])) return false;
  return true;
}
const isStrings = (v: unknown) =>
  v === undefined || (Array.isArray(v) && all(v, (x) => typeof x === 'string'));
const isListOf = (v: unknown, values: ReadonlySet<unknown>) =>
  v === undefined || (Array.isArray(v) && all(v, (x) => values.has(x)));
/** Only the given keys, each passing its check (absent keys are checked as undefined). */
function hasOnly(
  v: unknown,
  keys: ReadonlySet<string>,
  valid: (o: Record<string, unknown>) => boolean,
) {
  if (!isObject(v)) return false;
  for (const k in v) if (!keys.has(k)) return false;
  return valid(v);
}

const QUICK: Readonly<Record<FieldKind, (v: unknown) => boolean>> = {
  id: isId,
  name: (v) => v === undefined || typeof v === 'string',
  text: isText,
  strings: isStrings,
  count: (v) => v === undefined || isCount(v),
  availability: (v) =>
    v === undefined ||
    hasOnly(
      v,
      new Set(['days', 'partsOfDay']),
      (o) => isListOf(o.days, WEEKDAY_SET) && isListOf(o.partsOfDay, PART_SET),
    ),
};

/** The quick check of one entry with these fields: only them, each plainly right. */
function quickCheckOf(fields: Fields) {
  const keys = new Set(Object.keys(fields));
  const checks = Object.entries(fields).map(([k, kind]) => [k, QUICK[kind]] as const);
  const valid = (o: Record<string, unknown>) => {
    for (let c = 0; c < checks.length; c++) if (!checks[c]![1](o[checks[c]![0]])) return false;
    return true;
  };
  return (v: unknown) => hasOnly(v, keys, valid);
}
const isTerm = (v: unknown) => typeof v === 'string' && v.length <= 80;
const isTopic = (v: unknown) =>
  hasOnly(
    v,
    new Set(['id', 'label', 'synonyms']),
    (t) =>
      typeof t.id === 'string' &&
      TOPIC_ID.test(t.id) &&
      hasOnly(t.label, new Set(['es', 'en']), (l) => isTerm(l.es) && isTerm(l.en)) &&
      (t.synonyms === undefined || (Array.isArray(t.synonyms) && all(t.synonyms, isTerm))),
  );
const isPastPair = (v: unknown) =>
  hasOnly(
    v,
    new Set(['mentee', 'mentor', 'programme']),
    (o) =>
      isId(o.mentee) &&
      isId(o.mentor) &&
      (o.programme === undefined || typeof o.programme === 'string'),
  );
const isListWith = (v: unknown, valid: (x: unknown) => boolean) =>
  v === undefined || (Array.isArray(v) && all(v, valid));
const isPerson = quickCheckOf(PERSON_FIELDS);
const isMentee = quickCheckOf(MENTEE_FIELDS);
const isMentor = quickCheckOf(MENTOR_FIELDS);

/**
 * The schema's answer for an instance that is plainly valid, without zod's bookkeeping per field:
 * a large pool has thousands of people, zod spends microseconds on each of their fields, and
 * `tandem match` is timed as a whole process. It answers only when every object has nothing but
 * the schema's keys and every value is plainly right; anything else — every error included —
 * returns undefined and goes to zod, which stays the one judge of what is wrong and how it is said.
 * A property test holds the two to the same result on JSON data (the contract's input; arrays of
 * other origins may keep extra keys zod would drop, which nothing reads).
 */
export function acceptQuickly(input: unknown): MatchingInstance | undefined {
  if (!isObject(input)) return undefined;
  const { programme, people, mentees, mentors, locked, excluded, topics, history } = input;
  if (!isListWith(topics, isTopic) || !isListWith(history, isPastPair)) return undefined;
  if (
    !hasOnly(
      programme,
      new Set(['kind', 'hierarchyRule', 'mentorCapacity', 'objective', 'allowRepeatPairs']),
      (p) =>
        KIND_SET.has(p.kind) &&
        (p.allowRepeatPairs === undefined || typeof p.allowRepeatPairs === 'boolean') &&
        (p.hierarchyRule === undefined ||
          p.hierarchyRule === 'chain' ||
          p.hierarchyRule === 'directManager') &&
        (p.mentorCapacity === undefined || isCount(p.mentorCapacity)) &&
        (p.objective === undefined || OBJECTIVE_SET.has(p.objective)),
    ) ||
    !Array.isArray(people) ||
    !Array.isArray(mentees) ||
    !Array.isArray(mentors)
  ) {
    return undefined;
  }
  for (let i = 0; i < people.length; i++) {
    if (!isPerson(people[i])) return undefined;
  }
  for (let i = 0; i < mentees.length; i++) {
    if (!isMentee(mentees[i])) return undefined;
  }
  for (let i = 0; i < mentors.length; i++) {
    if (!isMentor(mentors[i])) return undefined;
  }
  const pairKeys = new Set(['mentee', 'mentor']);
  const isPairs = (v: unknown) =>
    v === undefined ||
    (Array.isArray(v) &&
      all(v, (x) => hasOnly(x, pairKeys, (o) => isId(o.mentee) && isId(o.mentor))));
  if (!isPairs(locked) || !isPairs(excluded)) return undefined;
  const p = programme as Record<string, unknown>;
  // The same object zod returns: defaults filled in, the validated objects themselves otherwise.
  const instance = {
    programme: {
      kind: p.kind,
      hierarchyRule: p.hierarchyRule ?? 'chain',
      mentorCapacity: p.mentorCapacity ?? 1,
      objective: p.objective ?? 'maxParticipation',
      allowRepeatPairs: p.allowRepeatPairs ?? false,
    },
    people,
    mentees,
    mentors,
    ...(topics === undefined ? {} : { topics }),
    ...(history === undefined ? {} : { history }),
    ...(locked === undefined ? {} : { locked }),
    ...(excluded === undefined ? {} : { excluded }),
  };
  return instance as MatchingInstance;
}
