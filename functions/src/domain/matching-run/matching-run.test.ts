import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Application } from '../application/application';
import { buildOrgChart, findReportingLine } from '../hierarchy/hierarchy';
import type { DirectoryEntry } from '../pair/pair';
import {
  applySwap,
  buildMatchingInstance,
  isSettled,
  judgeFixedPairs,
  type Matching,
  type MatchingInputs,
  planSwap,
  rejectProposal,
  runProgrammeMatching,
  setLocked,
  withPairs,
} from './matching-run';

const now = new Date('2027-02-01T10:00:00Z');
const programme = {
  id: 'prog',
  kind: 'classic',
  hierarchyRule: 'chain',
  mentorCapacity: 1,
} as const;

function application(
  personId: string,
  role: 'mentee' | 'mentor',
  status: Application['status'] = role === 'mentor' ? 'approved' : 'submitted',
  topics = ['negotiation'],
): Application {
  return {
    programmeId: 'prog',
    personId,
    personName: `${personId} (form)`,
    role,
    status,
    why: 'why',
    wants: role === 'mentee' ? topics : [],
    offers: role === 'mentor' ? topics : [],
    languages: ['es'],
    availability: { days: [], partsOfDay: [], notes: '' },
    answers: [],
    consent: true,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

type Person = DirectoryEntry & { department: string | null };
const person = (id: string, managerId: string | null, department = 'Ventas'): Person => ({
  id,
  displayName: id.toUpperCase(),
  managerId,
  accountEnabled: true,
  department,
});
const directoryOf = (...people: Person[]) => new Map(people.map((p) => [p.id, p]));

// ceo ← boss ← e1 ; ceo ← m1, ceo ← m2, ceo ← e2 (e1 reports to boss, who reports to ceo).
const directory = directoryOf(
  person('ceo', null, 'Dirección'),
  person('boss', 'ceo', 'Ventas'),
  person('e1', 'boss', 'Ventas'),
  person('e2', 'ceo', 'Tecnología'),
  person('m1', 'ceo', 'Operaciones'),
  person('m2', 'ceo', 'Legal'),
);
const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const context = { newId: ids(), now, by: 'hr' };

function inputs(extra: Partial<MatchingInputs> = {}): MatchingInputs {
  return {
    programme,
    applications: [
      application('e1', 'mentee'),
      application('e2', 'mentee'),
      application('m1', 'mentor'),
      application('m2', 'mentor'),
    ],
    directory,
    confirmed: [],
    ...extra,
  };
}

describe('a run’s matching instance', () => {
  it('takes submitted mentees and approved mentors only, with their management chains', () => {
    const { instance } = buildMatchingInstance(
      inputs({
        applications: [
          application('e1', 'mentee'),
          application('e2', 'mentee', 'withdrawn'),
          application('m1', 'mentor'),
          application('m2', 'mentor', 'submitted'),
        ],
      }),
    );
    expect(instance.mentees.map((m) => m.personId)).toEqual(['e1']);
    expect(instance.mentors.map((m) => m.personId)).toEqual(['m1']);
    expect(instance.people.map((p) => p.id).sort()).toEqual(['boss', 'ceo', 'e1', 'm1']);
  });

  it('leaves out people the directory does not know, saying why, and never pairs them', () => {
    const run = runProgrammeMatching(
      inputs({ applications: [application('ghost', 'mentee'), application('m1', 'mentor')] }),
      context,
    );
    expect(run.matching.proposals).toEqual([]);
    expect(run.matching.unmatched).toEqual([
      expect.objectContaining({
        personId: 'ghost',
        role: 'mentee',
        reason: expect.objectContaining({ code: 'notInDirectory' }),
      }),
    ]);
  });

  it('counts confirmed pairs: their mentees are done and their mentors have less room', () => {
    const { instance } = buildMatchingInstance(
      inputs({ confirmed: [{ mentee: 'e2', mentor: 'm2' }] }),
    );
    expect(instance.mentees.map((m) => m.personId)).toEqual(['e1']);
    expect(instance.mentors.map((m) => m.personId)).toEqual(['m1']);
  });
});

describe('runs and HR’s decisions', () => {
  const first = runProgrammeMatching(inputs(), { ...context, newId: ids() }).matching;

  it('proposes pairs with reasons and names from the directory', () => {
    expect(first.proposals).toHaveLength(2);
    for (const p of first.proposals) {
      expect(p.reasons.length).toBeGreaterThan(0);
      expect(p.menteeName).toBe(p.mentee.toUpperCase());
    }
    expect(first.run).toBe(1);
  });

  it('keeps a locked proposal (and its id) on a re-run, and replaces the unlocked ones', () => {
    const target = first.proposals[0]!;
    const locked = setLocked(first, target.id, true, now);
    if (!locked.ok) throw new Error('lock refused');
    const again = runProgrammeMatching(inputs({ previous: locked.matching }), {
      ...context,
      newId: () => 'fresh',
    }).matching;
    expect(again.run).toBe(2);
    expect(again.proposals.find((p) => p.id === target.id)).toMatchObject({
      mentee: target.mentee,
      mentor: target.mentor,
      locked: true,
    });
    expect(again.proposals.filter((p) => p.id === 'fresh')).toHaveLength(1);
  });

  it('lets a lock lapse, saying why, when its mentor has no room left', () => {
    const target = first.proposals[0]!;
    const locked = setLocked(first, target.id, true, now);
    if (!locked.ok) throw new Error('lock refused');
    const other = first.proposals[1]!;
    // Another of the mentor's proposals became a pair: capacity 1 is taken.
    const again = runProgrammeMatching(
      inputs({
        previous: locked.matching,
        confirmed: [{ mentee: other.mentee, mentor: target.mentor }],
      }),
      context,
    ).matching;
    expect(again.refusedLocks).toEqual([
      expect.objectContaining({
        mentee: target.mentee,
        mentor: target.mentor,
        reason: expect.objectContaining({ code: 'mentorFull' }),
      }),
    ]);
    expect(again.proposals.some((p) => p.mentor === target.mentor)).toBe(false);
  });

  it('never proposes a rejected pair again', () => {
    const target = first.proposals[0]!;
    const rejected = rejectProposal(first, target.id, 'Ya se conocen', now);
    if (!rejected.ok) throw new Error('reject refused');
    expect(rejected.matching.unmatched.at(-1)).toMatchObject({
      personId: target.mentee,
      reason: { code: 'rejectedByHr' },
    });
    const again = runProgrammeMatching(inputs({ previous: rejected.matching }), context).matching;
    expect(
      again.proposals.some((p) => p.mentee === target.mentee && p.mentor === target.mentor),
    ).toBe(false);
    expect(again.excluded).toMatchObject([{ mentee: target.mentee, mentor: target.mentor }]);
  });

  it('swaps mentors when both new pairs are allowed, locking them', () => {
    const [a, b] = first.proposals;
    const planned = planSwap(first, a!.id, b!.id);
    if (!planned.ok) throw new Error('swap refused');
    const judged = judgeFixedPairs(inputs(), planned.pairs);
    const swapped = applySwap(first, a!.id, b!.id, judged, (id) => id.toUpperCase(), now);
    if (!swapped.ok) throw new Error('swap refused');
    expect(swapped.matching.proposals.find((p) => p.id === a!.id)).toMatchObject({
      mentor: b!.mentor,
      locked: true,
    });
    expect(swapped.matching.proposals.find((p) => p.id === b!.id)?.mentor).toBe(a!.mentor);
  });

  it('refuses a swap that would give a mentee their manager’s manager, with the line', () => {
    // m1 becomes e1's manager's manager: boss now reports to m1.
    const moved = directoryOf(...[...directory.values()], { ...person('boss', 'm1') });
    const matching: Matching = {
      ...first,
      proposals: [
        { ...first.proposals[0]!, id: 'a', mentee: 'e1', mentor: 'm2' },
        { ...first.proposals[1]!, id: 'b', mentee: 'e2', mentor: 'm1' },
      ],
    };
    const planned = planSwap(matching, 'a', 'b');
    if (!planned.ok) throw new Error('plan refused');
    const judged = judgeFixedPairs(inputs({ directory: moved }), planned.pairs);
    const swapped = applySwap(matching, 'a', 'b', judged, String, now);
    expect(swapped).toEqual({
      ok: false,
      reason: {
        code: 'refusedPair',
        mentee: 'e1',
        mentor: 'm1',
        reason: expect.objectContaining({ code: 'reportingLine', text: 'E1 → BOSS → M1' }),
      },
    });
  });

  it('refuses to swap a proposal with itself, one with the same mentor, or a confirmed one', () => {
    const [a, b] = first.proposals;
    expect(planSwap(first, a!.id, a!.id)).toMatchObject({
      ok: false,
      reason: { code: 'sameProposal' },
    });
    const sameMentor = { ...first, proposals: [a!, { ...b!, mentor: a!.mentor }] };
    expect(planSwap(sameMentor, a!.id, b!.id)).toMatchObject({ reason: { code: 'sameMentor' } });
    const confirmed = withPairs(first, [
      {
        id: 'pair1',
        proposalId: a!.id,
        mentee: { id: a!.mentee, name: a!.menteeName },
        mentor: { id: a!.mentor, name: a!.mentorName },
        score: a!.score,
        reasons: a!.reasons,
      },
    ]);
    expect(planSwap(confirmed, a!.id, b!.id)).toMatchObject({
      reason: { code: 'alreadyConfirmed' },
    });
    expect(setLocked(confirmed, a!.id, false, now)).toMatchObject({
      reason: { code: 'alreadyConfirmed' },
    });
    expect(isSettled(confirmed)).toBe(false);
  });
});

describe('invariants over random organisations and HR decisions', () => {
  it('no proposal joins a reporting line, no mentor exceeds capacity, rejections stay out', () => {
    const scenario = fc.record({
      managers: fc.array(fc.nat(11), { minLength: 12, maxLength: 12 }),
      roles: fc.array(fc.constantFrom('mentee', 'mentor', 'none'), {
        minLength: 12,
        maxLength: 12,
      }),
      capacity: fc.integer({ min: 1, max: 3 }),
      decisions: fc.array(fc.record({ pick: fc.nat(20), reject: fc.boolean() }), {
        maxLength: 4,
      }),
    });
    fc.assert(
      fc.property(scenario, ({ managers, roles, capacity, decisions }) => {
        const people = managers.map((m, i) => person(`p${i}`, m < i ? `p${m}` : null, `d${i % 3}`));
        const dir = directoryOf(...people);
        const applications = roles.flatMap((r, i) =>
          r === 'none' ? [] : [application(`p${i}`, r as 'mentee' | 'mentor')],
        );
        const base: MatchingInputs = {
          programme: { ...programme, mentorCapacity: capacity },
          applications,
          directory: dir,
          confirmed: [],
        };
        let matching = runProgrammeMatching(base, context).matching;
        for (const d of decisions) {
          const p = matching.proposals[d.pick % Math.max(1, matching.proposals.length)];
          if (!p) break;
          const next = d.reject
            ? rejectProposal(matching, p.id, '', now)
            : setLocked(matching, p.id, true, now);
          if (next.ok) matching = next.matching;
          matching = runProgrammeMatching({ ...base, previous: matching }, context).matching;
        }
        const org = buildOrgChart(people);
        const load = new Map<string, number>();
        for (const p of matching.proposals) {
          expect(findReportingLine(org, p.mentee, p.mentor, 'chain')).toBeNull();
          load.set(p.mentor, (load.get(p.mentor) ?? 0) + 1);
          expect(
            matching.excluded.some((e) => e.mentee === p.mentee && e.mentor === p.mentor),
          ).toBe(false);
        }
        for (const n of load.values()) expect(n).toBeLessThanOrEqual(capacity);
      }),
      { numRuns: 150 },
    );
  });
});
