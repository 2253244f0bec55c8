import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../sim/stack';
import { apiAs } from './api-client';
import { asPerson, HR, matchingProgramme, unrelatedPeople } from './matching-fixture';

let stack: LocalStack;
let api: ReturnType<typeof apiAs>;
let as: ReturnType<typeof asPerson>;

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiAs(stack);
  as = asPerson(stack, api);
});
afterAll(async () => {
  await stack?.close();
});

/** What one person's home says about their application to the programme. */
async function outcomeOf(personId: string, programmeId: string) {
  const mine = await as(personId, 'GET', '/applications/me');
  expect(mine.status).toBe(200);
  const application = (mine.body.value as { programmeId: string; outcome?: string }[]).find(
    (a) => a.programmeId === programmeId,
  );
  expect(application).toBeDefined();
  return application!.outcome ?? null;
}

describe('what applicants learn of their application', () => {
  it('open call: nothing yet; matching: being matched; running: in a pair, or left out', async () => {
    const [mentor, first, second] = unrelatedPeople(stack, 3).map((p) => p.id) as [
      string,
      string,
      string,
    ];
    // One mentor for one mentee: the second mentee is left out.
    const { programmeId } = await matchingProgramme(
      stack,
      api,
      { mentors: [mentor], mentees: [first, second] },
      { run: true, mentorCapacity: 1 },
    );
    expect(await outcomeOf(second, programmeId)).toBe('beingMatched');
    const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
      body: { proposals: 'all' },
    });
    expect(confirmed.status).toBe(200);
    const paired = (confirmed.body.confirmed as { mentee: { id: string } }[])[0]!.mentee.id;
    const leftOut = paired === first ? second : first;
    expect((await api(HR, 'GET', `/programmes/${programmeId}`)).body.status).toBe('running');
    expect(await outcomeOf(paired, programmeId)).toBe('paired');
    expect(await outcomeOf(mentor, programmeId)).toBe('paired');
    expect(await outcomeOf(leftOut, programmeId)).toBe('notPaired');

    // While a call is open, the application is simply submitted.
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
    const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    });
    const applied = await as(leftOut, 'POST', `/programmes/${open.body.id}/applications`, {
      body: {
        role: 'mentee',
        why: 'Quiero aprender',
        wants: ['negotiation'],
        languages: ['es'],
        consent: true,
      },
    });
    expect(applied.status).toBe(201);
    expect(await outcomeOf(leftOut, open.body.id as string)).toBeNull();
  });
});
