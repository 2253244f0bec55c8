import { describe, expect, it } from 'vitest';
import type { SimPerson } from '../sim/graph/tenant';
import { HR, matchingProgramme, unrelatedPeople } from './matching-fixture';
import { localStackForFile } from './stack-for-file';

/**
 * The matching board's additions through the real API and storage (PRODUCT rules 1 and 4): a
 * mentor's capacity raised from the board, a pair made by hand, and one refused for its
 * reporting line, which the answer names.
 */
const { stack, api } = localStackForFile();

/** Someone whose manager can sign in too, neither of them with an app role. */
function reportAndManager(): { report: SimPerson; manager: SimPerson } {
  const everyone = stack.graph.tenant.list();
  const signIn = new Set(stack.people.map((p) => p.id));
  const byId = new Map(everyone.map((p) => [p.id, p]));
  const plain = (p: SimPerson | undefined): p is SimPerson =>
    p !== undefined && signIn.has(p.id) && !(p.appRoles ?? []).length && p.accountEnabled;
  const depth = (p: SimPerson): number => (p.managerId ? 1 + depth(byId.get(p.managerId)!) : 0);
  // The deepest first: their manager leads a small team, leaving most people unrelated to both.
  const report = [...everyone]
    .sort((a, b) => depth(b) - depth(a))
    .find((p) => plain(p) && plain(byId.get(p.managerId ?? '')))!;
  return { report, manager: byId.get(report.managerId!)! };
}

describe('the matching board: capacity and pairs by hand', () => {
  it('raises a capacity, pairs a left-out mentee by hand, refuses a reporting line', async () => {
    const { report: e1, manager: x } = reportAndManager();
    const [m1, e2, e3, e4] = unrelatedPeople(stack, 4, [e1.id, x.id]);
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors: [x.id, m1!.id], mentees: [e1.id, e2!.id, e3!.id, e4!.id] },
      { run: true, mentorCapacity: 1 },
    );
    const base = `/programmes/${programmeId}/matching`;
    let etag: string = matching.etag;
    const leftOut = (m: { unmatched: { personId: string }[] }) =>
      m.unmatched.map((u) => u.personId);
    const other = leftOut(matching).find((id) => id !== e1.id)!;
    expect(other).toBeDefined();

    const full = await api(HR, 'POST', `${base}/pairs`, {
      body: { mentee: other, mentor: m1!.id },
      headers: { 'if-match': etag },
    });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'noRoomLeft', capacity: 1 });

    const raised = await api(HR, 'PUT', `${base}/mentors/${m1!.id}/capacity`, {
      body: { capacity: 2 },
      headers: { 'if-match': etag },
    });
    expect(raised.status).toBe(200);
    expect(raised.body.capacities).toEqual({ [m1!.id]: 2 });
    etag = raised.body.etag;

    const paired = await api(HR, 'POST', `${base}/pairs`, {
      body: { mentee: other, mentor: m1!.id },
      headers: { 'if-match': etag },
    });
    expect(paired.status).toBe(200);
    expect(paired.body.proposals).toContainEqual(
      expect.objectContaining({ mentee: other, mentor: m1!.id, locked: true }),
    );
    expect(leftOut(paired.body)).not.toContain(other);
    etag = paired.body.etag;

    // e1 out of any proposal (HR rejects theirs if the run made one), then asked with their manager.
    const e1Proposal = paired.body.proposals.find((p: { mentee: string }) => p.mentee === e1.id);
    if (e1Proposal) {
      const rejected = await api(HR, 'POST', `${base}/proposals/${e1Proposal.id}/reject`, {
        body: { reason: 'Prefiere otra área' },
        headers: { 'if-match': etag },
      });
      expect(rejected.status).toBe(200);
      etag = rejected.body.etag;
    }
    const room = await api(HR, 'PUT', `${base}/mentors/${x.id}/capacity`, {
      body: { capacity: 3 },
      headers: { 'if-match': etag },
    });
    expect(room.status).toBe(200);
    const line = await api(HR, 'POST', `${base}/pairs`, {
      body: { mentee: e1.id, mentor: x.id },
      headers: { 'if-match': room.body.etag },
    });
    expect(line.status).toBe(409);
    expect(line.body).toMatchObject({
      code: 'reportingLine',
      mentee: e1.id,
      mentor: x.id,
      reason: { code: 'reportingLine', text: `${e1.displayName} → ${x.displayName}` },
    });

    const confirmed = await api(HR, 'POST', `${base}/confirm`, { body: { proposals: 'all' } });
    expect(confirmed.status).toBe(200);
    const byHand = confirmed.body.confirmed.find(
      (p: { mentee: { id: string } }) => p.mentee.id === other,
    );
    expect(byHand.mentor.id).toBe(m1!.id);
  });

  it('refuses a capacity out of bounds, naming the field', async () => {
    const [m1, e1] = unrelatedPeople(stack, 2);
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors: [m1!.id], mentees: [e1!.id] },
      { run: true },
    );
    for (const body of [{ capacity: 0 }, { capacity: 11 }, { capacity: 1.5 }, {}]) {
      const r = await api(
        HR,
        'PUT',
        `/programmes/${programmeId}/matching/mentors/${m1!.id}/capacity`,
        {
          body,
          headers: { 'if-match': matching.etag },
        },
      );
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('body.capacity');
    }
    const r = await api(HR, 'POST', `/programmes/${programmeId}/matching/pairs`, {
      body: { mentee: e1!.id },
      headers: { 'if-match': matching.etag },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('body.mentor');
  });
});
