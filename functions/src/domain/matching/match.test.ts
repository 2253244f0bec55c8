import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOrgChart, findReportingLine } from '../hierarchy/hierarchy';
import { type MatchingInstance, parseMatchingInstance } from './instance';
import { runMatching } from './match';
import { commonWorkingHours, MAX_SCORE_MILLIS, scorePair, zoneOffsets } from './score';
import { solveSparse } from './solve';

function instance(input: unknown): MatchingInstance {
  const parsed = parseMatchingInstance(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.instance;
}

// From the seeds' reverse mentoring: Lucía, a junior analyst, mentors senior executives.
// Director Javier (her own director) reports to the CEO; Carmen is Javier's peer.
const contoso = [
  { id: 'ceo', displayName: 'Isabel Moreno', managerId: null, department: 'Dirección' },
  { id: 'javier', displayName: 'Javier Ortega', managerId: 'ceo', department: 'Tecnología' },
  { id: 'carmen', displayName: 'Carmen Vidal', managerId: 'ceo', department: 'Ventas' },
  { id: 'raul', displayName: 'Raúl Prieto', managerId: 'javier', department: 'Tecnología' },
  { id: 'lucia', displayName: 'Lucía Gómez', managerId: 'raul', department: 'Tecnología' },
];

describe('a reverse programme (seeds: junior profiles mentor executives)', () => {
  const reverse = (mentees: string[], locked: { mentee: string; mentor: string }[] = []) =>
    instance({
      programme: { kind: 'reverse' },
      people: contoso,
      mentees: mentees.map((personId) => ({
        personId,
        wants: ['digital-marketing'],
        languages: ['es'],
      })),
      mentors: [
        { personId: 'lucia', offers: ['digital-marketing', 'design-thinking'], languages: ['es'] },
      ],
      locked,
    });

  it('lets a junior analyst mentor her director’s peer', () => {
    const result = runMatching(reverse(['carmen']));
    expect(result.pairs).toMatchObject([{ mentee: 'carmen', mentor: 'lucia', locked: false }]);
    const codes = result.pairs[0]!.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['topics', 'crossDepartment', 'juniorMentor']));
  });

  it('refuses her own director, even when HR locks the pair, naming the reporting line', () => {
    const result = runMatching(reverse(['javier'], [{ mentee: 'javier', mentor: 'lucia' }]));
    expect(result.pairs).toEqual([]);
    expect(result.refused).toEqual([
      {
        mentee: 'javier',
        mentor: 'lucia',
        reason: {
          code: 'reportingLine',
          text: 'Lucía Gómez → Raúl Prieto → Javier Ortega',
          params: { line: 'Lucía Gómez → Raúl Prieto → Javier Ortega' },
        },
      },
    ]);
    expect(result.unmatched).toEqual([
      expect.objectContaining({
        mentee: 'javier',
        reason: expect.objectContaining({ code: 'onlyReportingLine' }),
      }),
    ]);
  });

  it('allows the skip-level chain when the programme only forbids the direct manager', () => {
    const input = reverse(['javier']);
    input.programme.hierarchyRule = 'directManager';
    expect(runMatching(input).pairs).toMatchObject([{ mentee: 'javier', mentor: 'lucia' }]);
  });
});

describe('eligibility and explanations', () => {
  const people = [
    { id: 'a', displayName: 'A', department: 'Ventas' },
    { id: 'b', displayName: 'B', department: 'Legal' },
    { id: 'c', displayName: 'C', department: 'Legal' },
  ];
  it('requires a shared language when both list languages', () => {
    const result = runMatching(
      instance({
        programme: { kind: 'classic' },
        people,
        mentees: [{ personId: 'a', languages: ['es'] }],
        mentors: [{ personId: 'b', languages: ['en'] }],
      }),
    );
    expect(result.unmatched[0]!.reason.code).toBe('noSharedLanguage');
  });

  it('requires one wanted topic offered, unless HR locks the pair', () => {
    const base = {
      programme: { kind: 'classic' },
      people,
      mentees: [{ personId: 'a', wants: ['negotiation'] }],
      mentors: [{ personId: 'b', offers: ['finance'] }],
    };
    expect(runMatching(instance(base)).unmatched[0]!.reason.code).toBe('noTopicOffered');
    const locked = runMatching(instance({ ...base, locked: [{ mentee: 'a', mentor: 'b' }] }));
    expect(locked.pairs).toMatchObject([{ mentee: 'a', mentor: 'b', locked: true }]);
    expect(locked.pairs[0]!.reasons[0]!.code).toBe('locked');
  });

  it('says when every eligible mentor went to a better overall assignment', () => {
    const result = runMatching(
      instance({
        programme: { kind: 'classic' },
        people,
        mentees: [
          { personId: 'a', wants: ['x'] },
          { personId: 'c', wants: ['x', 'y'] },
        ],
        mentors: [{ personId: 'b', offers: ['x', 'y'] }],
      }),
    );
    expect(result.pairs.map((p) => p.mentee)).toEqual(['a']);
    expect(result.unmatched).toMatchObject([{ mentee: 'c', reason: { code: 'capacityTaken' } }]);
  });

  it('never pairs a mentor with themself, and excludes what HR rejected', () => {
    const result = runMatching(
      instance({
        programme: { kind: 'classic' },
        people,
        mentees: [{ personId: 'a' }, { personId: 'b' }],
        mentors: [{ personId: 'b' }, { personId: 'c' }],
        excluded: [{ mentee: 'a', mentor: 'c' }],
      }),
    );
    expect(result.pairs.map((p) => [p.mentee, p.mentor])).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
  });
});

describe('topics, availability and earlier programmes (issue #20)', () => {
  const people = [
    { id: 'a', displayName: 'A', department: 'Ventas' },
    { id: 'b', displayName: 'B', department: 'Legal' },
    { id: 'c', displayName: 'C', department: 'Legal' },
  ];
  const vocabulary = [
    { id: 'negotiation', label: { es: 'Negociación', en: 'Negotiation' }, synonyms: ['regateo'] },
  ];

  it('meets "Negociación" and "negociación" without a vocabulary, naming the mentee’s words', () => {
    const result = runMatching(
      instance({
        programme: { kind: 'executive' },
        people,
        mentees: [{ personId: 'a', wants: ['Negociación'] }],
        mentors: [{ personId: 'b', offers: ['negociacion'] }],
      }),
    );
    expect(result.pairs[0]!.reasons[0]).toMatchObject({
      code: 'topics',
      params: { topics: 'Negociación', met: 1 },
    });
  });

  it('meets a Spanish word and an English topic id through the vocabulary, naming the topic id', () => {
    const base = {
      programme: { kind: 'executive' },
      people,
      mentees: [{ personId: 'a', wants: ['REGATEO'] }],
      mentors: [{ personId: 'b', offers: ['negotiation'] }],
    };
    expect(runMatching(instance(base)).unmatched[0]!.reason.code).toBe('noTopicOffered');
    const result = runMatching(instance({ ...base, topics: vocabulary }));
    expect(result.pairs[0]!.reasons[0]!.params).toMatchObject({ topics: 'negotiation' });
  });

  it('prefers the mentor whose preferred days and parts of the day are the mentee’s', () => {
    const result = runMatching(
      instance({
        programme: { kind: 'classic' },
        people,
        mentees: [{ personId: 'a', availability: { days: ['monday'], partsOfDay: ['morning'] } }],
        mentors: [
          { personId: 'b', availability: { days: ['friday'] } },
          { personId: 'c', availability: { partsOfDay: ['morning'] } },
        ],
      }),
    );
    expect(result.pairs.map((p) => p.mentor)).toEqual(['c']);
    expect(result.pairs[0]!.reasons.find((r) => r.code === 'availability')?.params).toEqual({
      met: 1,
      wanted: 1,
      times: 'monday-morning',
    });
  });

  it('does not propose a mentor of an earlier programme again unless the programme allows it', () => {
    const base = {
      people,
      mentees: [{ personId: 'a' }],
      mentors: [{ personId: 'b' }],
      history: [{ mentee: 'a', mentor: 'b', programme: 'mentoring-2025' }],
    };
    const blocked = runMatching(instance({ ...base, programme: { kind: 'classic' } }));
    expect(blocked.unmatched).toMatchObject([{ mentee: 'a', reason: { code: 'pairedBefore' } }]);
    const allowed = runMatching(
      instance({ ...base, programme: { kind: 'classic', allowRepeatPairs: true } }),
    );
    expect(allowed.pairs[0]!.reasons.map((r) => r.code)).toContain('repeatPair');
    const locked = runMatching(
      instance({ ...base, programme: { kind: 'classic' }, locked: [{ mentee: 'a', mentor: 'b' }] }),
    );
    expect(locked.pairs[0]).toMatchObject({ locked: true });
    expect(locked.pairs[0]!.reasons.map((r) => r.code)).toContain('repeatPair');
  });

  it('proposes no pair of an earlier programme unless allowed (random pools)', () => {
    fc.assert(
      fc.property(pools, (input) => {
        const result = runMatching(input);
        const before = new Set((input.history ?? []).map((h) => `${h.mentee}>${h.mentor}`));
        for (const p of result.pairs) {
          const repeat = before.has(`${p.mentee}>${p.mentor}`);
          if (repeat && !p.locked) expect(input.programme.allowRepeatPairs).toBe(true);
          expect(p.reasons.some((r) => r.code === 'repeatPair')).toBe(repeat);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('bad instances', () => {
  it('names the field and the reason', () => {
    const parsed = parseMatchingInstance({
      programme: { kind: 'classic' },
      people: [{ id: 'u1' }],
      mentees: [{ personId: 'u1' }, { personId: 'u1' }, { personId: 'u2' }, { personId: 'u77' }],
      mentors: [{ personId: 'u1', capacity: 0 }],
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([
      { path: 'mentors[0].capacity', message: expect.stringMatching(/>=1|at least 1|too small/i) },
    ]);
    const refs = parseMatchingInstance({
      programme: { kind: 'classic' },
      people: [{ id: 'u1' }, { id: 'u2' }],
      mentees: [{ personId: 'u1' }, { personId: 'u1' }, { personId: 'u77' }],
      mentors: [{ personId: 'u2' }],
      locked: [{ mentee: 'u1', mentor: 'u1' }],
    });
    expect(!refs.ok && refs.errors).toEqual([
      { path: 'mentees[1].personId', message: 'duplicate mentee "u1"' },
      { path: 'mentees[2].personId', message: 'unknown person "u77"' },
      { path: 'locked[0].mentor', message: '"u1" is not a mentor' },
    ]);
  });
});

// --- Properties on random pools ---------------------------------------------------------------

/**
 * Topic strings as applications hold them: a vocabulary topic's id, its label or synonym in
 * either language however typed, or words of one's own (also in several spellings).
 */
const TOPICS = [
  'negotiation',
  'Negociación',
  'NEGOCIACION',
  'bargaining',
  'leadership',
  'liderazgo',
  'Cerámica industrial',
  'ceramica  INDUSTRIAL',
  't3',
];
const VOCABULARY = [
  {
    id: 'negotiation',
    label: { es: 'Negociación', en: 'Negotiation' },
    synonyms: ['bargaining'],
  },
  { id: 'leadership', label: { es: 'Liderazgo', en: 'Leadership' } },
];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const PARTS = ['morning', 'afternoon'] as const;
const availabilities = (n: number) =>
  fc.array(
    fc.option(fc.record({ days: fc.subarray([...DAYS]), partsOfDay: fc.subarray([...PARTS]) }), {
      nil: undefined,
    }),
    { minLength: n, maxLength: n },
  );
const ZONES = ['Europe/Madrid', 'Atlantic/Canary', 'America/Mexico_City', 'Asia/Tokyo', 'Nowhere'];
const LANGS = ['es', 'en'];
/** Random pools: up to `size` mentees and mentors among up to `size + 2` people. */
const poolsOf = (size: number) =>
  fc
    .record({
      people: fc.integer({ min: 2, max: size + 2 }),
      nMentees: fc.integer({ min: 1, max: size }),
      nMentors: fc.integer({ min: 1, max: size }),
    })
    .chain(({ people, nMentees, nMentors }) =>
      fc.record({
        kind: fc.constantFrom('classic', 'reverse', 'executive'),
        rule: fc.constantFrom('chain', 'directManager'),
        objective: fc.constantFrom('maxParticipation', 'maxScore'),
        managers: fc.array(fc.option(fc.integer({ min: 0, max: people }), { nil: null }), {
          minLength: people,
          maxLength: people,
        }),
        departments: fc.array(fc.constantFrom('Ventas', 'Legal', 'Tecnología'), {
          minLength: people,
          maxLength: people,
        }),
        zones: fc.array(fc.constantFrom(undefined, ...ZONES), {
          minLength: people,
          maxLength: people,
        }),
        mentees: fc.uniqueArray(fc.integer({ min: 0, max: people - 1 }), {
          minLength: 1,
          maxLength: nMentees,
        }),
        mentors: fc.uniqueArray(fc.integer({ min: 0, max: people - 1 }), {
          minLength: 1,
          maxLength: nMentors,
        }),
        wants: fc.array(fc.subarray(TOPICS), { minLength: size, maxLength: size }),
        offers: fc.array(fc.subarray(TOPICS), { minLength: size, maxLength: size }),
        langs: fc.array(fc.subarray(LANGS), { minLength: 2 * size, maxLength: 2 * size }),
        caps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: size, maxLength: size }),
        lockSeed: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
        excludeSeed: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
        historySeed: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
        allowRepeatPairs: fc.boolean(),
        withVocabulary: fc.boolean(),
        availability: availabilities(2 * size),
      }),
    )
    .map((g) => {
      const id = (k: number) => `p${k}`;
      const people = g.managers.map((mgr, k) => ({
        id: id(k),
        displayName: `Person ${k}`,
        managerId: mgr === null ? null : id(mgr), // may point to nobody (p{people}) or form cycles
        department: g.departments[k],
        ...(g.zones[k] ? { timeZone: g.zones[k] } : {}),
      }));
      const mentees = g.mentees.map((k, x) => ({
        personId: id(k),
        wants: g.wants[x],
        languages: g.langs[x],
        ...(g.availability[x] ? { availability: g.availability[x] } : {}),
      }));
      const mentors = g.mentors.map((k, x) => ({
        personId: id(k),
        offers: g.offers[x],
        languages: g.langs[size + x],
        capacity: g.caps[x],
        ...(g.availability[size + x] ? { availability: g.availability[size + x] } : {}),
      }));
      const locked: { mentee: string; mentor: string }[] = [];
      const load = new Map<string, number>();
      for (const [a, b] of g.lockSeed) {
        const mentee = mentees[a % mentees.length]!.personId;
        const mentor = mentors[b % mentors.length]!;
        if (locked.some((l) => l.mentee === mentee)) continue;
        if ((load.get(mentor.personId) ?? 0) >= mentor.capacity!) continue;
        load.set(mentor.personId, (load.get(mentor.personId) ?? 0) + 1);
        locked.push({ mentee, mentor: mentor.personId });
      }
      const excluded = g.excludeSeed
        .map(([a, b]) => ({
          mentee: mentees[a % mentees.length]!.personId,
          mentor: mentors[b % mentors.length]!.personId,
        }))
        .filter((e) => !locked.some((l) => l.mentee === e.mentee && l.mentor === e.mentor))
        .filter(
          (e, k, all) => all.findIndex((x) => x.mentee === e.mentee && x.mentor === e.mentor) === k,
        );
      const history = g.historySeed.map(([a, b]) => ({
        mentee: mentees[a % mentees.length]!.personId,
        mentor: mentors[b % mentors.length]!.personId,
        programme: 'earlier',
      }));
      return instance({
        programme: {
          kind: g.kind,
          hierarchyRule: g.rule,
          objective: g.objective,
          allowRepeatPairs: g.allowRepeatPairs,
        },
        ...(g.withVocabulary ? { topics: VOCABULARY } : {}),
        history,
        people,
        mentees,
        mentors,
        locked,
        excluded,
      });
    });
const pools = poolsOf(7);

/** Best (matched, total millis) over every assignment of the candidates, locks fixed. */
function bruteForce(
  input: MatchingInstance,
  kept: { mentee: string; mentor: string; score: number }[],
  cands: { mentee: string; mentor: string; score: number }[],
) {
  const capacity = new Map(
    input.mentors.map((m) => [m.personId, m.capacity ?? input.programme.mentorCapacity]),
  );
  for (const k of kept) capacity.set(k.mentor, capacity.get(k.mentor)! - 1);
  const lockedMentees = new Set(kept.map((k) => k.mentee));
  const free = input.mentees.map((m) => m.personId).filter((id) => !lockedMentees.has(id));
  const byMentee = new Map<string, { mentor: string; millis: number }[]>();
  for (const c of cands) {
    if (lockedMentees.has(c.mentee)) continue;
    byMentee.set(c.mentee, [
      ...(byMentee.get(c.mentee) ?? []),
      { mentor: c.mentor, millis: Math.round(c.score * 1000) },
    ]);
  }
  let best = { matched: -1, millis: -1 };
  const better = (a: typeof best, b: typeof best) =>
    input.programme.objective === 'maxParticipation'
      ? a.matched > b.matched || (a.matched === b.matched && a.millis > b.millis)
      : // maxScore: the largest total score; among equal scores, Tandem matches more people.
        a.millis > b.millis || (a.millis === b.millis && a.matched > b.matched);
  const go = (k: number, matched: number, millis: number) => {
    if (k === free.length) {
      const cur = { matched, millis };
      if (best.matched < 0 || better(cur, best)) best = cur;
      return;
    }
    go(k + 1, matched, millis);
    for (const c of byMentee.get(free[k]!) ?? []) {
      if (capacity.get(c.mentor)! > 0) {
        capacity.set(c.mentor, capacity.get(c.mentor)! - 1);
        go(k + 1, matched + 1, millis + c.millis);
        capacity.set(c.mentor, capacity.get(c.mentor)! + 1);
      }
    }
  };
  go(0, 0, 0);
  return {
    matched: best.matched + kept.length,
    millis: best.millis + kept.reduce((s, k) => s + Math.round(k.score * 1000), 0),
  };
}

/**
 * The candidates docs/matching.md defines, pair by pair and written out again here: never the
 * same person, no reporting line under the programme's rule, not excluded, a shared language when
 * both list languages (primary subtags), a wanted topic offered when the mentee lists topics; each
 * scored with score.ts's formula from the pair's own facts. Nothing of the matcher's fast paths
 * (kinds, groups, bit sets, memos) is used, so they are checked against it.
 */
function contractCandidates(input: MatchingInstance): Map<string, number> {
  const org = buildOrgChart(input.people);
  const person = new Map(input.people.map((p) => [p.id, p]));
  const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const langs = (list?: string[]) => [...new Set((list ?? []).map(primary))].filter(Boolean);
  const excluded = new Set((input.excluded ?? []).map((e) => `${e.mentee}>${e.mentor}`));
  if (!input.programme.allowRepeatPairs) {
    for (const h of input.history ?? []) excluded.add(`${h.mentee}>${h.mentor}`);
  }
  // A topic string is a vocabulary topic when it is an id, or a label or synonym without case or
  // accents; otherwise its words are compared the same way.
  const plain = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const topicOf = (text: string) => {
    for (const t of input.topics ?? []) {
      const terms = [t.label.es, t.label.en, ...(t.synonyms ?? [])].map(plain);
      if (t.id === text || terms.includes(plain(text))) return `topic ${t.id}`;
    }
    return `words ${plain(text)}`;
  };
  const slots = (a?: { days?: string[]; partsOfDay?: string[] }) => {
    const days = a?.days?.length ? a.days : a?.partsOfDay?.length ? DAYS : [];
    const parts = a?.partsOfDay?.length ? a.partsOfDay : PARTS;
    return days.flatMap((d) => parts.map((p) => `${d} ${p}`));
  };
  const out = new Map<string, number>();
  for (const e of input.mentees) {
    for (const r of input.mentors) {
      const key = `${e.personId}>${r.personId}`;
      if (e.personId === r.personId || excluded.has(key)) continue;
      if (findReportingLine(org, e.personId, r.personId, input.programme.hierarchyRule)) continue;
      const mine = langs(e.languages);
      const theirs = langs(r.languages);
      const shared = mine.filter((l) => theirs.includes(l));
      if (mine.length > 0 && theirs.length > 0 && shared.length === 0) continue;
      const wants = [...new Set((e.wants ?? []).map(topicOf))];
      const offered = (r.offers ?? []).map(topicOf);
      const met = wants.filter((w) => offered.includes(w));
      if (wants.length > 0 && met.length === 0) continue;
      const a = person.get(e.personId)!;
      const b = person.get(r.personId)!;
      const za = a.timeZone ? zoneOffsets(a.timeZone) : undefined;
      const zb = b.timeZone ? zoneOffsets(b.timeZone) : undefined;
      const preferred = slots(e.availability);
      const theirTimes = slots(r.availability);
      const together = preferred.filter((t) => theirTimes.includes(t)).length;
      const { millis } = scorePair({
        preferredTimes: preferred.length,
        theirPreferredTimes: theirTimes.length,
        preferredTimesInCommon: together,
        kind: input.programme.kind,
        topicsMet: met,
        topicsWanted: wants.length,
        sharedLanguages: shared,
        menteeDepartment: a.department,
        mentorDepartment: b.department,
        menteeDepth: org.depthOf(a.id),
        mentorDepth: org.depthOf(b.id),
        commonHours: za && zb ? commonWorkingHours(za, zb) : undefined,
      });
      out.set(key, millis / 1000);
    }
  }
  return out;
}

describe('properties of every matching', () => {
  it('lists exactly the candidates the contract defines, each with its score', () => {
    fc.assert(
      fc.property(pools, (input) => {
        const result = runMatching(input, { candidates: true });
        const expected = contractCandidates(input);
        const kept = new Set<string>(
          result.pairs.filter((p) => p.locked).map((p) => `${p.mentee}>${p.mentor}`),
        );
        const listed = new Map<string, number>(
          result.candidates!.map((c) => [`${c.mentee}>${c.mentor}`, c.score]),
        );
        for (const [key, score] of expected) expect(listed.get(key), key).toBe(score);
        // Beyond those, only HR's kept locks (which override the language and topic rules).
        for (const key of listed.keys())
          if (!expected.has(key)) expect(kept.has(key), key).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never pairs anyone with someone in their reporting line, and respects capacities', () => {
    fc.assert(
      fc.property(pools, (input) => {
        const result = runMatching(input, { candidates: true });
        const org = buildOrgChart(input.people);
        for (const c of [...result.pairs, ...(result.candidates ?? [])]) {
          expect(c.mentee).not.toBe(c.mentor);
          expect(
            findReportingLine(org, c.mentee, c.mentor, input.programme.hierarchyRule),
          ).toBeNull();
        }
        const load = new Map<string, number>();
        for (const p of result.pairs) load.set(p.mentor, (load.get(p.mentor) ?? 0) + 1);
        for (const m of input.mentors) {
          expect(load.get(m.personId) ?? 0).toBeLessThanOrEqual(
            m.capacity ?? input.programme.mentorCapacity,
          );
        }
        expect(new Set(result.pairs.map((p) => p.mentee)).size).toBe(result.pairs.length);
        for (const p of result.pairs) expect(p.reasons.length).toBeGreaterThan(0);
        expect(result.pairs.length + result.unmatched.length).toBe(input.mentees.length);
        // The fast scoring of candidates and the reasoned scoring of pairs agree.
        const candidateScore = new Map(
          result.candidates!.map((c) => [`${c.mentee}>${c.mentor}`, c.score]),
        );
        for (const p of result.pairs)
          expect(candidateScore.get(`${p.mentee}>${p.mentor}`)).toBe(p.score);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every locked pair unless it is refused', () => {
    fc.assert(
      fc.property(pools, (input) => {
        const result = runMatching(input);
        for (const lock of input.locked ?? []) {
          const kept = result.pairs.some(
            (p) => p.mentee === lock.mentee && p.mentor === lock.mentor && p.locked,
          );
          const refused = result.refused.some(
            (r) => r.mentee === lock.mentee && r.mentor === lock.mentor,
          );
          expect(kept !== refused).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reaches the same objective as brute force over the candidates (pools up to 7 × 7)', () => {
    fc.assert(
      fc.property(pools, (input) => {
        const result = runMatching(input, { candidates: true });
        const kept = result.pairs.filter((p) => p.locked);
        const best = bruteForce(input, kept, result.candidates ?? []);
        expect(result.objective.matched).toBe(best.matched);
        expect(Math.round(result.objective.totalScore * 1000)).toBe(best.millis);
      }),
      { numRuns: 400 },
    );
  });

  it('reaches the objective of the plain sparse solver over the contract’s candidates (pools up to 40 × 40)', () => {
    fc.assert(
      fc.property(poolsOf(40), (input) => {
        const result = runMatching(input);
        const kept = result.pairs.filter((p) => p.locked);
        const lockedMentees = new Set(kept.map((p) => p.mentee));
        const rows = input.mentees.filter((m) => !lockedMentees.has(m.personId));
        const mentorAt = new Map(input.mentors.map((m, j) => [m.personId, j]));
        const capacity = Int32Array.from(
          input.mentors,
          (m) => m.capacity ?? input.programme.mentorCapacity,
        );
        for (const p of kept) capacity[mentorAt.get(p.mentor)!]!--;
        const candidates = contractCandidates(input);
        const rowStart = [0];
        const colIndex: number[] = [];
        const score: number[] = [];
        for (const m of rows) {
          input.mentors.forEach((r, j) => {
            const s = candidates.get(`${m.personId}>${r.personId}`);
            if (s === undefined) return;
            colIndex.push(j);
            score.push(Math.round(s * 1000));
          });
          rowStart.push(colIndex.length);
        }
        const R = rows.length;
        const weights =
          input.programme.objective === 'maxParticipation'
            ? { scale: 1, bias: MAX_SCORE_MILLIS * R + 1 }
            : { scale: R + 1, bias: 1 };
        const assignment = solveSparse({
          rows: R,
          cols: input.mentors.length,
          capacity,
          rowStart: Int32Array.from(rowStart),
          colIndex: Int32Array.from(colIndex),
          score: Int32Array.from(score),
          ...weights,
        });
        let matched = kept.length;
        let millis = kept.reduce((t, p) => t + Math.round(p.score * 1000), 0);
        assignment.forEach((j, r) => {
          if (j < 0) return;
          matched++;
          millis += Math.round(
            candidates.get(`${rows[r]!.personId}>${input.mentors[j]!.personId}`)! * 1000,
          );
        });
        expect(result.objective.matched).toBe(matched);
        expect(Math.round(result.objective.totalScore * 1000)).toBe(millis);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(pools, (input) => {
        expect(JSON.stringify(runMatching(input, { candidates: true }))).toBe(
          JSON.stringify(runMatching(structuredClone(input), { candidates: true })),
        );
      }),
      { numRuns: 100 },
    );
  });
});
