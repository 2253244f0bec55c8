import { beforeEach, describe, expect, it } from 'vitest';
import {
  memoryApplications,
  memoryDirectory,
  memoryMatchings,
  memoryPairs,
  memoryProgrammes,
  memoryQueue,
  person,
} from '../../../../test/fixtures/in-memory-ports';
import type { Application } from '../../domain/application/application';
import { createProgramme, type Programme } from '../../domain/programme/programme';
import type { ActivityNotice } from '../../ports/notifications';
import type { NewOutboxEntry } from '../../ports/outbox';
import { ThrottledError } from '../../ports/throttled';
import { StaleVersionError } from '../../ports/versioned';
import { lockProposal, swapProposals } from './change-proposals';
import { confirmProposals } from './confirm-proposals';
import { runMatching } from './run-matching';

const now = new Date('2027-02-01T10:00:00Z');

function application(personId: string, role: 'mentee' | 'mentor'): Application {
  return {
    programmeId: 'prog',
    personId,
    personName: `${personId} (form)`,
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

const matchingProgramme = (): Programme => ({
  ...createProgramme('prog', 'classic', { name: 'Mentoring 2027' }, 'hr', now),
  status: 'matching',
});

/** Two mentees, two mentors, nobody in anyone's chain: ceo ← boss ← e1; ceo ← e2, m1, m2. */
function world() {
  const programme = matchingProgramme();
  const programmes = memoryProgrammes(programme);
  const matchings = memoryMatchings();
  const pairs = memoryPairs();
  const org = memoryDirectory([
    person('ceo', null),
    person('boss', 'ceo'),
    person('e1', 'boss'),
    person('e2', 'ceo'),
    person('m1', 'ceo'),
    person('m2', 'ceo'),
  ]);
  const booking = memoryQueue();
  let n = 0;
  const notices = new Map<string, ActivityNotice>();
  const deps = {
    programmes,
    matchings,
    pairs,
    applications: memoryApplications(
      application('e1', 'mentee'),
      application('e2', 'mentee'),
      application('m1', 'mentor'),
      application('m2', 'mentor'),
    ),
    directory: org.directory,
    directorySync: org.directorySync,
    bookingQueue: booking.queue,
    outbox: {
      async add(entries: readonly NewOutboxEntry[]) {
        for (const e of entries) notices.set(e.notice.idempotencyKey, e.notice);
      },
    },
    clock: { now: () => now },
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
  return { programme, deps, org, booking, pairs, programmes, notices };
}

type World = ReturnType<typeof world>;
let w: World;
beforeEach(() => {
  w = world();
});

const run = (programme = w.programme, expectedEtag?: string) =>
  runMatching(w.deps, { programme, by: 'hr', expectedEtag });

describe('running the matcher', () => {
  it('is refused outside matching, naming the stage', async () => {
    const open = { ...w.programme, status: 'open' as const };
    expect(await run(open)).toEqual({
      ok: false,
      reason: { code: 'notMatching', programmeStatus: 'open' },
    });
    expect(w.deps.matchings.rows.size).toBe(0);
  });

  it('stores a first run, then re-runs over it keeping HR’s locks', async () => {
    const first = await run();
    if (!first.ok) throw new Error(first.reason.code);
    expect(first.value.first).toBe(true);
    const proposals = first.value.matching.value.proposals;
    expect(proposals.map((p) => p.mentee).sort()).toEqual(['e1', 'e2']);
    const locked = proposals[0]!;
    const lock = await lockProposal(w.deps, {
      programme: w.programme,
      etag: first.value.matching.etag,
      proposalId: locked.id,
      locked: true,
    });
    if (!lock.ok) throw new Error(lock.reason.code);
    const again = await run();
    if (!again.ok) throw new Error(again.reason.code);
    expect(again.value.first).toBe(false);
    expect(again.value.matching.value.run).toBe(2);
    const kept = again.value.matching.value.proposals.find((p) => p.mentee === locked.mentee);
    expect(kept).toMatchObject({ mentor: locked.mentor, locked: true });
  });

  it('throws the port’s stale error when an If-Match given no longer matches', async () => {
    await run();
    await expect(run(w.programme, 'W/"old"')).rejects.toBeInstanceOf(StaleVersionError);
  });
});

describe('changing proposals', () => {
  it('cannot lock before the first run', async () => {
    const lock = await lockProposal(w.deps, {
      programme: w.programme,
      etag: 'W/"1"',
      proposalId: 'p',
      locked: true,
    });
    expect(lock).toEqual({ ok: false, reason: { code: 'noMatching' } });
  });

  it('refuses a swap that makes a reporting line, naming the pair and the line', async () => {
    const first = await run();
    if (!first.ok) throw new Error(first.reason.code);
    // The organisation changes: m2 becomes e1's manager's manager.
    w.org.byId.set('boss', person('boss', 'm2'));
    const { proposals } = first.value.matching.value;
    const withM2 = proposals.find((p) => p.mentor === 'm2')!;
    const other = proposals.find((p) => p.mentor !== 'm2')!;
    const swap = await swapProposals(w.deps, {
      programme: w.programme,
      etag: first.value.matching.etag,
      proposalIds: [withM2.id, other.id],
    });
    if (swap.ok) throw new Error('the swap was allowed');
    expect(swap.reason).toMatchObject({
      code: 'refusedPair',
      mentee: 'e1',
      mentor: 'm2',
      reason: { code: 'reportingLine' },
    });
  });
});

describe('confirming proposals', () => {
  async function ran() {
    const first = await run();
    if (!first.ok) throw new Error(first.reason.code);
    return first.value.matching;
  }

  it('confirms every proposal into a pair, queues each for booking and starts the programme', async () => {
    await ran();
    const done = await confirmProposals(w.deps, {
      programme: w.programme,
      proposals: 'all',
      by: 'hr',
    });
    if (!done.ok) throw new Error(done.reason.code);
    expect(done.value.refused).toEqual([]);
    expect(done.value.programmeStatus).toBe('running');
    const ids = done.value.confirmed.map((p) => p.value.id).sort();
    expect(ids).toHaveLength(2);
    expect([...w.booking.queued].sort()).toEqual(ids);
    // Each member of each pair is told, once, about the other.
    const told = done.value.confirmed.flatMap((p) => [
      [`paired:${p.value.id}:${p.value.mentor.id}`, p.value.mentee.name],
      [`paired:${p.value.id}:${p.value.mentee.id}`, p.value.mentor.name],
    ]);
    expect([...w.notices.keys()].sort()).toEqual(told.map(([key]) => key).sort());
    for (const [key, partner] of told) {
      expect(w.notices.get(key!)).toMatchObject({
        activityType: 'paired',
        templateParameters: { partner },
        target: { subEntityId: `pairs/${key!.split(':')[1]}` },
      });
    }
    expect(w.org.refreshes()).toBe(1);
    expect(w.programmes.rows.get('prog')!.value.status).toBe('running');
    // Nothing is left to confirm.
    expect(
      await confirmProposals(w.deps, { programme: w.programme, proposals: 'all', by: 'hr' }),
    ).toEqual({ ok: false, reason: { code: 'nothingToConfirm' } });
  });

  it('judges the reporting line against the directory now: none confirmed, the line named', async () => {
    const matching = await ran();
    const e1 = matching.value.proposals.find((p) => p.mentee === 'e1')!;
    w.org.byId.set('boss', person('boss', e1.mentor));
    const done = await confirmProposals(w.deps, {
      programme: w.programme,
      proposals: [e1.id],
      by: 'hr',
    });
    if (done.ok) throw new Error('confirmed across a reporting line');
    expect(done.reason).toMatchObject({
      code: 'noneConfirmed',
      programmeStatus: 'matching',
      refused: [{ proposalId: e1.id, code: 'reportingLine' }],
    });
    expect(w.pairs.rows.size).toBe(0);
    expect(w.booking.queued).toEqual([]);
    expect(w.notices.size).toBe(0);
  });

  it('confirms nothing when the directory cannot be refreshed; a long Graph wait stays an error', async () => {
    await ran();
    w.org.failRefreshWith(new Error('Graph is down'));
    expect(
      await confirmProposals(w.deps, { programme: w.programme, proposals: 'all', by: 'hr' }),
    ).toEqual({ ok: false, reason: { code: 'directoryUnavailable' } });
    w.org.failRefreshWith(new ThrottledError(120));
    await expect(
      confirmProposals(w.deps, { programme: w.programme, proposals: 'all', by: 'hr' }),
    ).rejects.toBeInstanceOf(ThrottledError);
    expect(w.pairs.rows.size).toBe(0);
  });

  it('names an unknown proposal, and tells a mentee paired already apart from the others', async () => {
    const matching = await ran();
    expect(
      await confirmProposals(w.deps, {
        programme: w.programme,
        proposals: ['nope'],
        by: 'hr',
      }),
    ).toEqual({ ok: false, reason: { code: 'unknownProposal', proposalId: 'nope' } });
    const [a, b] = matching.value.proposals;
    const once = await confirmProposals(w.deps, {
      programme: w.programme,
      proposals: [a!.id],
      by: 'hr',
    });
    expect(once.ok).toBe(true);
    const twice = await confirmProposals(w.deps, {
      programme: w.programme,
      proposals: [a!.id, b!.id],
      by: 'hr',
    });
    if (!twice.ok) throw new Error(twice.reason.code);
    expect(twice.value.confirmed.map((p) => p.value.proposalId)).toEqual([b!.id]);
    expect(twice.value.refused).toEqual([
      expect.objectContaining({ proposalId: a!.id, code: 'menteeAlreadyPaired' }),
    ]);
    // Named confirmations never start the programme; only confirming all does.
    expect(twice.value.programmeStatus).toBe('matching');
  });
});
