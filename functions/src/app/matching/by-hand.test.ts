import { describe, expect, it } from 'vitest';
import {
  memoryApplications,
  memoryDirectory,
  memoryMatchings,
  memoryPairs,
  memoryProgrammes,
  memoryQueue,
  memoryTopics,
  person,
} from '../../../../test/fixtures/in-memory-ports';
import type { Application } from '../../domain/application/application';
import { createProgramme, type Programme } from '../../domain/programme/programme';
import type { NewOutboxEntry } from '../../ports/outbox';
import { changeMentorCapacity, pairByHand } from './change-proposals';
import { confirmProposals } from './confirm-proposals';
import { runMatching } from './run-matching';

const now = new Date('2027-02-01T10:00:00Z');

function application(personId: string, role: 'mentee' | 'mentor'): Application {
  return {
    programmeId: 'prog',
    personId,
    personName: personId.toUpperCase(),
    role,
    status: role === 'mentor' ? 'approved' : 'submitted',
    why: 'why',
    wants: role === 'mentee' ? ['negotiation'] : [],
    offers: role === 'mentor' ? ['negotiation'] : [],
    languages: ['es'],
    availability: { days: [], partsOfDay: [], notes: '' },
    answers: [],
    consent: true,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/**
 * One mentor of capacity 1, three mentees: e1 and e2 unrelated to the mentor, e3 reporting to
 * the mentor (ceo ← m1 ← e3). The run pairs one of e1/e2; the other two are left out.
 */
function world() {
  const programme: Programme = {
    ...createProgramme('prog', 'classic', { name: 'Mentoring 2027', mentorCapacity: 1 }, 'hr', now),
    status: 'matching',
  };
  const org = memoryDirectory([
    person('ceo', null, { displayName: 'Carmen Ortiz' }),
    person('m1', 'ceo', { displayName: 'Luis Gil' }),
    person('e1', 'ceo'),
    person('e2', 'ceo'),
    person('e3', 'm1', { displayName: 'Ana Ruiz' }),
  ]);
  let n = 0;
  const deps = {
    programmes: memoryProgrammes(programme),
    matchings: memoryMatchings(),
    pairs: memoryPairs(),
    applications: memoryApplications(
      application('e1', 'mentee'),
      application('e2', 'mentee'),
      application('e3', 'mentee'),
      application('m1', 'mentor'),
    ),
    directory: org.directory,
    directorySync: org.directorySync,
    bookingQueue: memoryQueue().queue,
    // Confirmation's notices are not this file's subject: they are kept and not read.
    outbox: { add: async (_entries: readonly NewOutboxEntry[]) => {} },
    topics: memoryTopics(),
    clock: { now: () => now },
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
  return { programme, deps };
}

async function ran() {
  const w = world();
  const r = await runMatching(w.deps, { programme: w.programme, by: 'hr' });
  if (!r.ok) throw new Error(r.reason.code);
  const m = r.value.matching;
  const leftOut = m.value.unmatched.map((u) => u.personId).filter((id) => id !== 'e3');
  return { ...w, matching: m, leftOut: leftOut[0]! };
}

describe('pairing by hand (PRODUCT rules 1 and 4)', () => {
  it('needs room: the mentor is full until HR raises the capacity', async () => {
    const { programme, deps, matching, leftOut } = await ran();
    const full = await pairByHand(deps, {
      programme,
      etag: matching.etag,
      mentee: leftOut,
      mentor: 'm1',
    });
    expect(full).toEqual({
      ok: false,
      reason: { code: 'noRoomLeft', mentor: 'm1', capacity: 1 },
    });
    const raised = await changeMentorCapacity(deps, {
      programme,
      etag: matching.etag,
      mentor: 'm1',
      capacity: 2,
    });
    if (!raised.ok) throw new Error(raised.reason.code);
    expect(raised.value.value.capacities).toEqual({ m1: 2 });
    const paired = await pairByHand(deps, {
      programme,
      etag: raised.value.etag,
      mentee: leftOut,
      mentor: 'm1',
    });
    if (!paired.ok) throw new Error(paired.reason.code);
    const added = paired.value.value.proposals.find((p) => p.mentee === leftOut);
    expect(added).toMatchObject({ mentor: 'm1', mentorName: 'Luis Gil', locked: true });
    expect(paired.value.value.unmatched.map((u) => u.personId)).not.toContain(leftOut);
    // Confirmation reads the raised capacity: both pairs of m1 are confirmed.
    const confirmed = await confirmProposals(deps, { programme, proposals: 'all', by: 'hr' });
    if (!confirmed.ok) throw new Error(confirmed.reason.code);
    expect(confirmed.value.confirmed).toHaveLength(2);
  });

  it('refuses a mentee who reports to the mentor, naming the reporting line', async () => {
    const { programme, deps, matching } = await ran();
    const raised = await changeMentorCapacity(deps, {
      programme,
      etag: matching.etag,
      mentor: 'm1',
      capacity: 3,
    });
    if (!raised.ok) throw new Error(raised.reason.code);
    const r = await pairByHand(deps, {
      programme,
      etag: raised.value.etag,
      mentee: 'e3',
      mentor: 'm1',
    });
    expect(r.ok).toBe(false);
    if (r.ok || r.reason.code !== 'refusedPair') throw new Error('expected refusedPair');
    expect(r.reason.reason.code).toBe('reportingLine');
    expect(r.reason.reason.text).toContain('Ana Ruiz');
    expect(r.reason.reason.text).toContain('Luis Gil');
  });

  it('refuses a mentee with a proposal, a mentor not approved, a capacity below the load', async () => {
    const { programme, deps, matching } = await ran();
    const proposed = matching.value.proposals[0]!.mentee;
    const base = { programme, etag: matching.etag };
    expect(await pairByHand(deps, { ...base, mentee: proposed, mentor: 'm1' })).toEqual({
      ok: false,
      reason: { code: 'alreadyProposed', mentee: proposed },
    });
    expect(await pairByHand(deps, { ...base, mentee: 'e3', mentor: 'e1' })).toEqual({
      ok: false,
      reason: { code: 'notApplicant', personId: 'e1', role: 'mentor' },
    });
    expect(await changeMentorCapacity(deps, { ...base, mentor: 'e1', capacity: 2 })).toEqual({
      ok: false,
      reason: { code: 'notApplicant', personId: 'e1', role: 'mentor' },
    });
    const raised = await changeMentorCapacity(deps, { ...base, mentor: 'm1', capacity: 2 });
    if (!raised.ok) throw new Error(raised.reason.code);
    const left = raised.value.value.unmatched.find((u) => u.personId !== 'e3')!.personId;
    const two = await pairByHand(deps, {
      programme,
      etag: raised.value.etag,
      mentee: left,
      mentor: 'm1',
    });
    if (!two.ok) throw new Error(two.reason.code);
    expect(
      await changeMentorCapacity(deps, {
        programme,
        etag: two.value.etag,
        mentor: 'm1',
        capacity: 1,
      }),
    ).toEqual({ ok: false, reason: { code: 'belowLoad', mentor: 'm1', load: 2 } });
  });

  it('a re-run keeps the raised capacity', async () => {
    const { programme, deps, matching } = await ran();
    await changeMentorCapacity(deps, { programme, etag: matching.etag, mentor: 'm1', capacity: 2 });
    const again = await runMatching(deps, { programme, by: 'hr' });
    if (!again.ok) throw new Error(again.reason.code);
    expect(again.value.matching.value.capacities).toEqual({ m1: 2 });
    // e1 and e2 both with m1 now (e3 reports to m1 and stays out).
    expect(again.value.matching.value.proposals.map((p) => p.mentee).sort()).toEqual(['e1', 'e2']);
  });
});
