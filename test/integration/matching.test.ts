import { QueueClient } from '@azure/storage-queue';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConfirmProposalsSchema,
  LockProposalSchema,
  RejectProposalSchema,
  RunMatchingSchema,
  SwapProposalsSchema,
} from '../../functions/src/http/contracts';
import type { SimPerson } from '../sim/graph/tenant';
import { HR, matchingProgramme, menteeForm, unrelatedPeople } from './matching-fixture';
import { localStackForFile } from './stack-for-file';

const { stack, api, as } = localStackForFile();

const ids = (people: readonly SimPerson[]) => people.map((p) => p.id);
const matchingOf = (id: string) => api(HR, 'GET', `/programmes/${id}/matching`);
const proposalOf = (matching: { proposals: { mentee: string }[] }, mentee: string) =>
  matching.proposals.find((p) => p.mentee === mentee) as unknown as {
    id: string;
    mentor: string;
    locked: boolean;
    reasons: { code: string }[];
  };

/** Every message now on the booking queue (read and left invisible for the rest of the test). */
async function bookingMessages(): Promise<string[]> {
  const queue = new QueueClient(stack.env.TANDEM_STORAGE_CONNECTION!, 'booking');
  await queue.createIfNotExists();
  const out: string[] = [];
  for (;;) {
    const got = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 600 });
    if (got.receivedMessageItems.length === 0) return out;
    for (const m of got.receivedMessageItems) {
      out.push(JSON.parse(Buffer.from(m.messageText, 'base64').toString()).pairId);
    }
  }
}

describe('running the matching (PRODUCT rules 2 and 4)', () => {
  it('is refused while the call is open: the programme must be in matching', async () => {
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
    const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    });
    const run = await api(HR, 'POST', `/programmes/${open.body.id}/matching/runs`);
    expect([run.status, run.body.code, run.body.programmeStatus]).toEqual([
      409,
      'notMatching',
      'open',
    ]);
    expect((await matchingOf(open.body.id)).status).toBe(404);
  });

  it('proposes pairs from approved mentors and mentees, with reasons, and explains who is left out', async () => {
    const [m1, e1, e2, e3] = unrelatedPeople(stack, 4);
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors: [m1!.id], mentees: ids([e1!, e2!, e3!]) },
      { run: true },
    );
    expect(matching.proposals).toHaveLength(1);
    expect(matching.proposals[0]).toMatchObject({
      mentor: m1!.id,
      mentorName: m1!.displayName,
      status: 'proposed',
      locked: false,
    });
    expect(matching.proposals[0].reasons.map((r: { code: string }) => r.code)).toContain(
      'noReportingLine',
    );
    expect(matching.unmatched).toHaveLength(2);
    for (const u of matching.unmatched) expect(u.reason.code).toBe('capacityTaken');
    const shown = await matchingOf(programmeId);
    expect(shown.body).toEqual(matching);
    expect(shown.headers.get('etag')).toBe(matching.etag);
  });

  it('refuses to pair someone the directory snapshot no longer knows, and says why', async () => {
    const [m1, e1, gone] = unrelatedPeople(stack, 3, []);
    const { programmeId } = await matchingProgramme(stack, api, {
      mentors: [m1!.id],
      mentees: [e1!.id, gone!.id],
    });
    stack.graph.tenant.remove(gone!.id, true);
    expect((await api(HR, 'POST', '/directory/sync')).status).toBe(200);
    const run = await api(HR, 'POST', `/programmes/${programmeId}/matching/runs`);
    expect(run.status).toBe(201);
    expect(run.body.proposals.map((p: { mentee: string }) => p.mentee)).toEqual([e1!.id]);
    expect(run.body.unmatched).toEqual([
      expect.objectContaining({
        personId: gone!.id,
        role: 'mentee',
        reason: expect.objectContaining({ code: 'notInDirectory' }),
      }),
    ]);
  });

  it('re-runs keep HR’s locks and rejections; every change quotes the ETag (428, 412)', async () => {
    const people = unrelatedPeople(stack, 6);
    const mentors = ids(people.slice(0, 3));
    const mentees = ids(people.slice(3));
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors, mentees },
      { run: true },
    );
    const [keep, drop] = matching.proposals;
    const base = `/programmes/${programmeId}/matching/proposals`;
    const noEtag = await api(HR, 'PUT', `${base}/${keep.id}/lock`, { body: { locked: true } });
    expect(noEtag.status).toBe(428);
    const locked = await api(HR, 'PUT', `${base}/${keep.id}/lock`, {
      body: { locked: true },
      headers: { 'if-match': matching.etag },
    });
    expect(locked.status).toBe(200);
    expect(proposalOf(locked.body, keep.mentee).locked).toBe(true);
    const stale = await api(HR, 'POST', `${base}/${drop.id}/reject`, {
      body: { reason: 'Ya trabajan juntos' },
      headers: { 'if-match': matching.etag },
    });
    expect(stale.status).toBe(412);
    const rejected = await api(HR, 'POST', `${base}/${drop.id}/reject`, {
      body: { reason: 'Ya trabajan juntos' },
      headers: { 'if-match': locked.body.etag },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.excluded).toMatchObject([
      { mentee: drop.mentee, mentor: drop.mentor, reason: 'Ya trabajan juntos' },
    ]);
    expect(rejected.body.proposals.some((p: { id: string }) => p.id === drop.id)).toBe(false);

    const again = await api(HR, 'POST', `/programmes/${programmeId}/matching/runs`);
    expect(again.status).toBe(200);
    expect(again.body.run).toBe(2);
    expect(proposalOf(again.body, keep.mentee)).toMatchObject({
      id: keep.id,
      mentor: keep.mentor,
      locked: true,
    });
    const redone = proposalOf(again.body, drop.mentee);
    expect(redone.mentor).not.toBe(drop.mentor);
    expect(again.body.excluded).toHaveLength(1);

    const unlocked = await api(HR, 'PUT', `${base}/${keep.id}/lock`, {
      body: { locked: false },
      headers: { 'if-match': again.body.etag },
    });
    expect(proposalOf(unlocked.body, keep.mentee).locked).toBe(false);
    const unknown = await api(HR, 'PUT', `${base}/${crypto.randomUUID()}/lock`, {
      body: { locked: true },
      headers: { 'if-match': unlocked.body.etag },
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'unknownProposal']);
  });
});

describe('swaps', () => {
  it('exchange the mentors of two proposals, and are refused when one would break rule 1', async () => {
    // e1 reports to x, who reports to g: g may never mentor e1.
    const everyone = stack.graph.tenant.list();
    const signIn = new Set(stack.people.map((p) => p.id));
    const byId = new Map(everyone.map((p) => [p.id, p]));
    const depth = (p: SimPerson): number => (p.managerId ? 1 + depth(byId.get(p.managerId)!) : 0);
    // The deepest people first: their grandmanager leads a small team, leaving others unrelated.
    const deepestFirst = [...everyone].sort((a, b) => depth(b) - depth(a));
    const e1 = deepestFirst.find((p) => {
      const x = p.managerId ? byId.get(p.managerId) : undefined;
      const g = x?.managerId ? byId.get(x.managerId) : undefined;
      return (
        signIn.has(p.id) &&
        g !== undefined &&
        signIn.has(g.id) &&
        !(g.appRoles ?? []).length &&
        !(p.appRoles ?? []).length
      );
    })!;
    const g = byId.get(byId.get(e1.managerId!)!.managerId!)!;
    const [m1, e2] = unrelatedPeople(stack, 2, [e1.id, g.id]);
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors: [m1!.id, g.id], mentees: [e1.id, e2!.id] },
      { run: true },
    );
    const a = proposalOf(matching, e1.id);
    const b = proposalOf(matching, e2!.id);
    expect([a.mentor, b.mentor]).toEqual([m1!.id, g.id]);
    const refused = await api(HR, 'POST', `/programmes/${programmeId}/matching/swap`, {
      body: { proposalIds: [a.id, b.id] },
      headers: { 'if-match': matching.etag },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'reportingLine',
      mentee: e1.id,
      mentor: g.id,
      reason: {
        code: 'reportingLine',
        text: `${e1.displayName} → ${byId.get(e1.managerId!)!.displayName} → ${g.displayName}`,
      },
    });
    expect((await matchingOf(programmeId)).body).toEqual(matching);
  });

  it('keep capacities and lock the swapped proposals', async () => {
    const [m1, m2, e1, e2] = unrelatedPeople(stack, 4);
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors: [m1!.id, m2!.id], mentees: [e1!.id, e2!.id] },
      { run: true },
    );
    const a = proposalOf(matching, e1!.id);
    const b = proposalOf(matching, e2!.id);
    const swapped = await api(HR, 'POST', `/programmes/${programmeId}/matching/swap`, {
      body: { proposalIds: [a.id, b.id] },
      headers: { 'if-match': matching.etag },
    });
    expect(swapped.status).toBe(200);
    expect(proposalOf(swapped.body, e1!.id)).toMatchObject({ mentor: b.mentor, locked: true });
    expect(proposalOf(swapped.body, e2!.id)).toMatchObject({ mentor: a.mentor, locked: true });
  });
});

describe('confirmation', () => {
  it('re-checks rule 1 against the directory: a mentor who became the mentee’s manager’s manager is refused with the line', async () => {
    const everyone = stack.graph.tenant.list();
    const byId = new Map(everyone.map((p) => [p.id, p]));
    const [e] = unrelatedPeople(stack, 1).filter((p) => p.managerId);
    const x = byId.get(e!.managerId!)!;
    const [m] = unrelatedPeople(stack, 1, [e!.id, x.id]);
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors: [m!.id], mentees: [e!.id] },
      { run: true },
    );
    expect(matching.proposals).toHaveLength(1);
    // The organisation changes after the run: x now reports to the proposed mentor.
    stack.graph.tenant.update(x.id, { managerId: m!.id });
    expect((await api(HR, 'POST', '/directory/sync')).status).toBe(200);
    const confirm = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
      body: { proposals: [matching.proposals[0].id] },
    });
    const line = `${e!.displayName} → ${x.displayName} → ${m!.displayName}`;
    expect(confirm.status).toBe(409);
    expect(confirm.body).toMatchObject({
      code: 'reportingLine',
      detail: line,
      confirmed: [],
      refused: [{ proposalId: matching.proposals[0].id, code: 'reportingLine' }],
    });
    expect(confirm.body.refused[0].reason.text).toBe(line);
    expect((await as(e!.id, 'GET', '/pairs/me')).body.value).toEqual([]);
  });

  it('makes pairs, hands them to booking, and starts the programme once every proposal is confirmed', async () => {
    await bookingMessages();
    const [m1, m2, e1, e2] = unrelatedPeople(stack, 4);
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors: [m1!.id, m2!.id], mentees: [e1!.id, e2!.id] },
      { run: true },
    );
    const first = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
      body: { proposals: [proposalOf(matching, e1!.id).id] },
      headers: { 'if-match': matching.etag },
    });
    expect(first.status).toBe(200);
    expect(first.body.programmeStatus).toBe('matching');
    const rest = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
      body: { proposals: 'all' },
    });
    expect(rest.status).toBe(200);
    expect(rest.body.programmeStatus).toBe('running');
    const pairs = [...first.body.confirmed, ...rest.body.confirmed];
    expect(pairs.map((p: { mentee: { id: string } }) => p.mentee.id).sort()).toEqual(
      [e1!.id, e2!.id].sort(),
    );
    for (const p of pairs) expect(p.status).toBe('confirmed');
    expect((await bookingMessages()).sort()).toEqual(pairs.map((p: { id: string }) => p.id).sort());

    const shown = await matchingOf(programmeId);
    expect(shown.body.proposals.every((p: { status: string }) => p.status === 'confirmed')).toBe(
      true,
    );
    const mine = await as(e1!.id, 'GET', '/pairs/me');
    expect(mine.body.value).toEqual([
      expect.objectContaining({
        programmeId,
        role: 'mentee',
        other: { id: proposalOf(matching, e1!.id).mentor, name: expect.any(String) },
        status: 'confirmed',
      }),
    ]);
    // The programme runs now: matching is closed.
    const rerun = await api(HR, 'POST', `/programmes/${programmeId}/matching/runs`);
    expect([rerun.status, rerun.body.code]).toEqual([409, 'notMatching']);
  });

  it('confirms a proposal once however many confirmations race: the others get 409 menteeAlreadyPaired', async () => {
    const [m1, e1] = unrelatedPeople(stack, 2);
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors: [m1!.id], mentees: [e1!.id] },
      { run: true },
    );
    const id = matching.proposals[0].id;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
          body: { proposals: [id] },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect([r.status, r.body.code]).toEqual([409, 'menteeAlreadyPaired']);
    }
    expect((await as(e1!.id, 'GET', '/pairs/me')).body.value).toHaveLength(1);
  });
});

describe('pairs as people see them', () => {
  it('a member reads their pair; other employees, other pairs’ members and advisors get 404; HR reads it', async () => {
    const [m1, e1, m2, e2] = unrelatedPeople(stack, 4);
    const make = async (mentor: string, mentee: string) => {
      const { programmeId } = await matchingProgramme(
        stack,
        api,
        { mentors: [mentor], mentees: [mentee] },
        { run: true },
      );
      const r = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
        body: { proposals: 'all' },
      });
      return r.body.confirmed[0];
    };
    const pair = await make(m1!.id, e1!.id);
    await make(m2!.id, e2!.id);
    const path = `/pairs/${pair.id}`;
    expect((await as(m1!.id, 'GET', path)).body).toMatchObject({
      id: pair.id,
      mentor: { id: m1!.id },
      mentee: { id: e1!.id },
    });
    expect((await as(e1!.id, 'GET', path)).status).toBe(200);
    expect((await as(e2!.id, 'GET', path)).status).toBe(404);
    expect((await api('Marta Gil', 'GET', path)).status).toBe(404);
    expect((await api('Elena Rivas', 'GET', path)).status).toBe(404);
    expect((await api(HR, 'GET', path)).status).toBe(200);
    expect((await api(HR, 'GET', `/pairs/${crypto.randomUUID()}`)).status).toBe(404);
    const seen = await as(m1!.id, 'GET', '/pairs/me');
    expect(seen.body.value).toEqual([
      expect.objectContaining({
        id: pair.id,
        role: 'mentor',
        other: { id: e1!.id, name: e1!.displayName },
      }),
    ]);
  });
});

describe('bad bodies', () => {
  const wrong = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string(),
    fc.array(fc.anything(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }),
  );
  const uuid = fc.uuid();
  const mutate = (valid: Record<string, unknown>) =>
    fc.oneof(
      wrong,
      fc
        .record({ field: fc.constantFrom(...Object.keys(valid)), value: wrong })
        .map(({ field, value }) => ({ ...valid, [field]: value })),
      fc
        .string({ minLength: 1 })
        .filter((k) => !(k in valid) && k !== '__proto__')
        .map((k) => ({ ...valid, [k]: 1 })),
    );

  it('are refused with the field that is wrong, and nothing is stored', async () => {
    const people = unrelatedPeople(stack, 4);
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors: ids(people.slice(0, 2)), mentees: ids(people.slice(2)) },
      { run: true },
    );
    const [a, b] = matching.proposals;
    const base = `/programmes/${programmeId}/matching`;
    const routes = [
      {
        path: `${base}/runs`,
        method: 'POST',
        schema: RunMatchingSchema,
        valid: { objective: 'maxScore' },
      },
      {
        path: `${base}/proposals/${a.id}/lock`,
        method: 'PUT',
        schema: LockProposalSchema,
        valid: { locked: true },
      },
      {
        path: `${base}/proposals/${a.id}/reject`,
        method: 'POST',
        schema: RejectProposalSchema,
        valid: { reason: 'x' },
      },
      {
        path: `${base}/swap`,
        method: 'POST',
        schema: SwapProposalsSchema,
        valid: { proposalIds: [a.id, b.id] },
      },
      {
        path: `${base}/confirm`,
        method: 'POST',
        schema: ConfirmProposalsSchema,
        valid: { proposals: [a.id] },
      },
    ] as const;
    for (const route of routes) {
      const bad = fc
        .oneof(
          mutate(route.valid),
          fc.array(uuid, { maxLength: 3 }).map((x) => ({ proposalIds: x })),
        )
        .filter((body) => body !== undefined && !route.schema.safeParse(body).success);
      await fc.assert(
        fc.asyncProperty(bad, async (body) => {
          const r = await api(HR, route.method, route.path, {
            body: JSON.stringify(body),
            headers: { 'if-match': matching.etag },
          });
          expect(r.status, `${route.path} ${JSON.stringify(body)}`).toBe(400);
          expect(r.body.errors[0].path).toMatch(/^body/);
        }),
        { numRuns: 25 },
      );
    }
    expect((await matchingOf(programmeId)).body).toEqual(matching);
    for (const p of people) expect((await as(p.id, 'GET', '/pairs/me')).body.value).toEqual([]);
  });

  it('an application form is not a matching command', async () => {
    const [m1, e1] = unrelatedPeople(stack, 2);
    const { programmeId } = await matchingProgramme(
      stack,
      api,
      { mentors: [m1!.id], mentees: [e1!.id] },
      { run: true },
    );
    const r = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
      body: menteeForm,
    });
    expect(r.status).toBe(400);
  });
});
