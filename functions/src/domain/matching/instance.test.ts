import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptQuickly, matchingInstanceSchema, parseMatchingInstance } from './instance';

const valid = {
  programme: { kind: 'reverse', hierarchyRule: 'directManager', mentorCapacity: 2 },
  people: [
    { id: 'u1', displayName: 'Ana', managerId: null, department: 'Dirección', timeZone: 'UTC' },
    { id: 'u2', displayName: 'Luis', managerId: 'u1', jobTitle: null, preferredLanguage: 'es' },
    { id: 'u3', managerId: 'u1', officeLocation: 'Madrid' },
  ],
  topics: [
    { id: 'a', label: { es: 'Negociación', en: 'Negotiation' }, synonyms: ['regateo'] },
    { id: 'b', label: { es: 'Liderazgo', en: 'Leadership' } },
  ],
  history: [
    { mentee: 'u2', mentor: 'u3', programme: 'p-2025' },
    { mentee: 'u1', mentor: 'u3' },
  ],
  mentees: [
    {
      personId: 'u2',
      wants: ['a'],
      languages: ['es'],
      availability: { days: ['monday'], partsOfDay: ['morning'] },
    },
    { personId: 'u1' },
  ],
  mentors: [
    {
      personId: 'u3',
      offers: ['a', 'b'],
      languages: ['es'],
      capacity: 3,
      availability: { partsOfDay: ['afternoon'] },
    },
  ],
  locked: [{ mentee: 'u2', mentor: 'u3' }],
  excluded: [],
};

// Small edits anywhere in a valid instance: a value replaced, removed, or a key added — as JSON
// data, what the contract's input is (JSON.parse gives no holes, no undefined, no extra array keys).
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -2, max: 3 }),
  fc.double(),
  fc.string({ maxLength: 3 }),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom('classic', 'executive', 'chain', 'maxScore', 'u1', 'u2', 'u3', '', 'monday'),
  fc.constant(true),
  fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.integer()), { maxLength: 2 }),
);
type Path = (string | number)[];
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      paths((v as Record<string, unknown>)[k], [...at, Array.isArray(v) ? Number(k) : k], out);
    }
  }
  return out;
}
const all = paths(valid).filter((p) => p.length > 0);
const edited = fc
  .array(
    fc.tuple(
      fc.constantFrom(...all),
      junk,
      fc.boolean(),
      fc.constantFrom('extra', 'kind', 'id', 'wants', 'capacity', 'objective', 'mentee'),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((edits) => {
    const v = structuredClone(valid) as Record<string, unknown>;
    for (const [path, value, addKey, key] of edits) {
      let o: unknown = v;
      for (const k of path.slice(0, -1)) o = (o as Record<string | number, unknown>)?.[k];
      if (!o || typeof o !== 'object') continue;
      const holder = o as Record<string | number, unknown>;
      const last = path.at(-1)!;
      if (addKey) {
        const target = holder[last];
        if (target && typeof target === 'object' && !Array.isArray(target)) {
          (target as Record<string, unknown>)[key] = structuredClone(value);
        }
      } else if (value === undefined) delete holder[last];
      else holder[last] = structuredClone(value);
    }
    return JSON.parse(JSON.stringify(v)) as unknown;
  });

describe('the quick acceptance of a plainly valid instance', () => {
  it('answers for a valid instance, with zod’s defaults filled in', () => {
    const quick = acceptQuickly(structuredClone(valid));
    expect(quick).toEqual(matchingInstanceSchema().parse(structuredClone(valid)));
    expect(acceptQuickly({ ...valid, programme: { kind: 'classic' } })?.programme).toEqual({
      kind: 'classic',
      hierarchyRule: 'chain',
      mentorCapacity: 1,
      objective: 'maxParticipation',
      allowRepeatPairs: false,
    });
  });

  it('never accepts what zod rejects, and returns exactly what zod returns', () => {
    let answered = 0;
    fc.assert(
      fc.property(edited, (input) => {
        const quick = acceptQuickly(structuredClone(input));
        const zod = matchingInstanceSchema().safeParse(structuredClone(input));
        if (quick === undefined) return;
        answered++;
        expect(zod.success).toBe(true);
        expect(quick).toStrictEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
    // The property means something only if the quick path answers often.
    expect(answered).toBeGreaterThan(300);
  });

  it('leaves every error to zod: the same messages either way', () => {
    fc.assert(
      fc.property(edited, (input) => {
        const result = parseMatchingInstance(structuredClone(input));
        const zod = matchingInstanceSchema().safeParse(structuredClone(input));
        if (!zod.success) expect(result.ok).toBe(false);
        if (!result.ok && !zod.success) {
          expect(result.errors.length).toBe(zod.error.issues.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
