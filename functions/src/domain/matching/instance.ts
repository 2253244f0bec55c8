import { z } from 'zod';

/**
 * The matching instance (formats/matching.md): the programme's settings, the directory slice the
 * matcher needs, mentees, mentors, and HR's locked and excluded pairs.
 */
const id = z.string().min(1, 'must not be empty');
const pairRef = z.object({ mentee: id, mentor: id }).strict();

export const ProgrammeKindSchema = z.enum(['classic', 'reverse', 'executive']);
export const ObjectiveSchema = z.enum(['maxParticipation', 'maxScore']);

export const MatchingInstanceSchema = z.object({
  programme: z
    .object({
      kind: ProgrammeKindSchema,
      hierarchyRule: z.enum(['chain', 'directManager']).default('chain'),
      mentorCapacity: z.number().int().min(1).default(1),
      objective: ObjectiveSchema.default('maxParticipation'),
    })
    .strict(),
  people: z.array(
    z.object({
      id,
      displayName: z.string().optional(),
      managerId: z.string().nullable().optional(),
      department: z.string().nullable().optional(),
      jobTitle: z.string().nullable().optional(),
      officeLocation: z.string().nullable().optional(),
      preferredLanguage: z.string().nullable().optional(),
      timeZone: z.string().nullable().optional(),
    }),
  ),
  mentees: z.array(
    z.object({
      personId: id,
      wants: z.array(z.string()).optional(),
      languages: z.array(z.string()).optional(),
    }),
  ),
  mentors: z.array(
    z.object({
      personId: id,
      offers: z.array(z.string()).optional(),
      languages: z.array(z.string()).optional(),
      capacity: z.number().int().min(1).optional(),
    }),
  ),
  locked: z.array(pairRef).optional(),
  excluded: z.array(pairRef).optional(),
});

export type MatchingInstance = z.output<typeof MatchingInstanceSchema>;
export type Objective = z.output<typeof ObjectiveSchema>;

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
  const parsed = MatchingInstanceSchema.safeParse(input);
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
  instance.mentees.forEach((m, i) => {
    const path = `mentees[${i}].personId`;
    if (!people.has(m.personId)) errors.push({ path, message: `unknown person "${m.personId}"` });
    else if (mentees.has(m.personId))
      errors.push({ path, message: `duplicate mentee "${m.personId}"` });
    mentees.add(m.personId);
  });
  const mentors = new Map<string, number>();
  instance.mentors.forEach((m, i) => {
    const path = `mentors[${i}].personId`;
    if (!people.has(m.personId)) errors.push({ path, message: `unknown person "${m.personId}"` });
    else if (mentors.has(m.personId))
      errors.push({ path, message: `duplicate mentor "${m.personId}"` });
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
