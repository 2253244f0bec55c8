import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { PROGRAMME_KINDS } from '../programme/kinds';

/** The objectives the contract knows (its kinds are domain/programme/kinds.ts). */
export const OBJECTIVES = ['maxParticipation', 'maxScore'] as const;

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
  const text = z.optional(z.nullable(z.string()));
  const strings = z.optional(z.array(z.string()));
  const objective = z.enum(OBJECTIVES);
  return z.object({
    programme: z.strictObject({
      kind: z.enum(PROGRAMME_KINDS),
      hierarchyRule: z._default(z.enum(['chain', 'directManager']), 'chain'),
      mentorCapacity: z._default(z.number().check(z.int(), z.minimum(1)), 1),
      objective: z._default(objective, 'maxParticipation'),
    }),
    people: z.array(
      z.object({
        id,
        displayName: z.optional(z.string()),
        managerId: text,
        department: text,
        jobTitle: text,
        officeLocation: text,
        preferredLanguage: text,
        timeZone: text,
      }),
    ),
    mentees: z.array(z.object({ personId: id, wants: strings, languages: strings })),
    mentors: z.array(
      z.object({
        personId: id,
        offers: strings,
        languages: strings,
        capacity: z.optional(z.number().check(z.int(), z.minimum(1))),
      }),
    ),
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
  return errors.length > 0 ? { ok: false, errors } : { ok: true, instance };
}

const PERSON_KEYS = new Set([
  'id',
  'displayName',
  'managerId',
  'department',
  'jobTitle',
  'officeLocation',
  'preferredLanguage',
  'timeZone',
]);
const MENTEE_KEYS = new Set(['personId', 'wants', 'languages']);
const MENTOR_KEYS = new Set(['personId', 'offers', 'languages', 'capacity']);
const KIND_SET = new Set<unknown>(PROGRAMME_KINDS);
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

// One function each, not one per entry: a pool has thousands of entries.
const isPerson = (o: Record<string, unknown>) =>
  isId(o.id) &&
  (o.displayName === undefined || typeof o.displayName === 'string') &&
  isText(o.managerId) &&
  isText(o.department) &&
  isText(o.jobTitle) &&
  isText(o.officeLocation) &&
  isText(o.preferredLanguage) &&
  isText(o.timeZone);
const isMentee = (o: Record<string, unknown>) =>
  isId(o.personId) && isStrings(o.wants) && isStrings(o.languages);
const isMentor = (o: Record<string, unknown>) =>
  isId(o.personId) &&
  isStrings(o.offers) &&
  isStrings(o.languages) &&
  (o.capacity === undefined || isCount(o.capacity));

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
  const { programme, people, mentees, mentors, locked, excluded } = input;
  if (
    !hasOnly(
      programme,
      new Set(['kind', 'hierarchyRule', 'mentorCapacity', 'objective']),
      (p) =>
        KIND_SET.has(p.kind) &&
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
    if (!hasOnly(people[i], PERSON_KEYS, isPerson)) return undefined;
  }
  for (let i = 0; i < mentees.length; i++) {
    if (!hasOnly(mentees[i], MENTEE_KEYS, isMentee)) return undefined;
  }
  for (let i = 0; i < mentors.length; i++) {
    if (!hasOnly(mentors[i], MENTOR_KEYS, isMentor)) return undefined;
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
    },
    people,
    mentees,
    mentors,
    ...(locked === undefined ? {} : { locked }),
    ...(excluded === undefined ? {} : { excluded }),
  };
  return instance as MatchingInstance;
}
