import { beforeEach, describe, expect, test } from 'vitest';
import type { DeliveredActivity } from '../../sim/graph/teamwork/activity-feed';
import { HR, matchingProgramme, menteeForm, unrelatedPeople } from '../matching-fixture';
import { localStackForFile } from '../stack-for-file';

/**
 * The moments end to end: the API's routes and the booking job store outbox entries, the sender
 * job delivers them to the Graph simulator's feeds. Each person gets each of their notices once,
 * in their language, with the deep link to the right screen; a moment HR switched off never
 * reaches anyone.
 */
const { stack, api, as } = localStackForFile();

beforeEach(async () => {
  await control('DELETE', '/teamwork/activities');
});

async function control(method: string, path: string) {
  const response = await fetch(`${stack.graph.url}/_sim${path}`, { method });
  expect(response.status, `${method} /_sim${path}`).toBeLessThan(300);
  return response.status === 204 ? undefined : await response.json();
}

async function feedOf(userId: string): Promise<DeliveredActivity[]> {
  return (
    (await control('GET', `/teamwork/activities/${userId}`)) as { value: DeliveredActivity[] }
  ).value;
}

/** The tab route a delivered notice opens: the `subEntityId` in its Teams deep link. */
function routeOf(activity: DeliveredActivity): string {
  const context = new URL(activity.topic.webUrl!).searchParams.get('context')!;
  return (JSON.parse(context) as { subEntityId: string }).subEntityId;
}

/** Sends until the outbox has nothing due (the sender takes a batch a round). */
async function sendAll() {
  for (let i = 0; i < 10; i++) {
    const round = await stack.jobs.sendNotices();
    expect(round).toBeDefined();
    if (round!.sent + round!.deferred + round!.refused === 0) return;
  }
}

/** A one-pair programme matched, confirmed and booked; its id and the pair's. */
async function bookedPair(
  mentor: string,
  mentee: string,
  switches?: Record<string, boolean>,
  before?: (programmeId: string) => Promise<void>,
) {
  const { programmeId } = await matchingProgramme(
    stack,
    api,
    { mentors: [mentor], mentees: [mentee] },
    { run: true, plannedSessions: 4, durationMonths: 2 },
  );
  await before?.(programmeId);
  if (switches) {
    const current = await api(HR, 'GET', `/programmes/${programmeId}`);
    const patched = await api(HR, 'PATCH', `/programmes/${programmeId}/notifications`, {
      body: switches,
      headers: { 'if-match': current.body.etag },
    });
    expect(patched.status).toBe(200);
  }
  const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
    body: { proposals: 'all' },
  });
  expect(confirmed.status).toBe(200);
  const pairId = confirmed.body.confirmed[0].id as string;
  await stack.jobs.bookPair(pairId);
  await sendAll();
  return { programmeId, pairId };
}

const person = (id: string) => stack.graph.tenant.findUser(id)!;
const speaksEnglish = (id: string) => !!person(id).preferredLanguage?.startsWith('en');

describe('each moment, once, to the right people', () => {
  test('applying, approval, pairing and booking: each person’s notices in their language', async () => {
    const [mentor, mentee] = unrelatedPeople(stack, 2).map((p) => p.id) as [string, string];
    const { programmeId, pairId } = await bookedPair(mentor, mentee);

    const types = async (id: string) => (await feedOf(id)).map((a) => a.activityType).sort();
    expect(await types(mentor)).toEqual([
      'applicationApproved',
      'applicationReceived',
      'paired',
      'seriesBooked',
    ]);
    expect(await types(mentee)).toEqual(['applicationReceived', 'paired', 'seriesBooked']);

    for (const [me, partner] of [
      [mentor, mentee],
      [mentee, mentor],
    ] as const) {
      const feed = await feedOf(me);
      const of = (type: string) => feed.find((a) => a.activityType === type)!;
      expect(routeOf(of('applicationReceived'))).toBe(`programmes/${programmeId}`);
      expect(routeOf(of('paired'))).toBe(`pairs/${pairId}`);
      expect(routeOf(of('seriesBooked'))).toBe(`pairs/${pairId}`);
      expect(of('paired').templateParameters.partner).toBe(person(partner).displayName);
      expect(of('seriesBooked').templateParameters).toMatchObject({
        partner: person(partner).displayName,
        sessions: '4',
      });
      // The preview is Tandem's words, in the person's language (directory preferredLanguage).
      expect(of('seriesBooked').previewText).toMatch(
        speaksEnglish(me) ? /^Your 4 sessions with / : /^Tus 4 sesiones con /,
      );
    }
  });

  test('HR rejecting an application tells the applicant it was not selected, once', async () => {
    const [applicant] = unrelatedPeople(stack, 1).map((p) => p.id) as [string];
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
    const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    });
    const applied = await as(applicant, 'POST', `/programmes/${open.body.id}/applications`, {
      body: menteeForm,
    });
    expect(applied.status).toBe(201);
    const rejected = await api(
      HR,
      'POST',
      `/programmes/${open.body.id}/applications/${applicant}/reject`,
      { body: { reason: 'Plazas completas' }, headers: { 'if-match': applied.body.etag } },
    );
    expect(rejected.status).toBe(200);
    await sendAll();
    const feed = await feedOf(applicant);
    expect(feed.map((a) => a.activityType).sort()).toEqual([
      'applicationNotSelected',
      'applicationReceived',
    ]);
    // HR's reason is not in the notice (the programme does not show reasons by default).
    expect(JSON.stringify(feed)).not.toContain('Plazas completas');
  });
});

describe('HR’s switches', () => {
  test('a moment switched off is never sent; the others still are', async () => {
    const [mentor, mentee] = unrelatedPeople(stack, 2).map((p) => p.id) as [string, string];
    await bookedPair(mentor, mentee, { paired: false });
    for (const id of [mentor, mentee]) {
      const types = (await feedOf(id)).map((a) => a.activityType);
      expect(types).not.toContain('paired');
      expect(types).toContain('seriesBooked');
    }
  });

  test('the programme shows every switch, on unless switched off', async () => {
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
    expect(draft.body.notifications.paired).toBe(true);
    expect(Object.values(draft.body.notifications).every((on) => on === true)).toBe(true);
    const off = await api(HR, 'PATCH', `/programmes/${draft.body.id}/notifications`, {
      body: { seriesBooked: false },
      headers: { 'if-match': draft.body.etag },
    });
    expect(off.status).toBe(200);
    expect(off.body.notifications).toMatchObject({ seriesBooked: false, paired: true });
    const read = await api(HR, 'GET', `/programmes/${draft.body.id}`);
    expect(read.body.notifications.seriesBooked).toBe(false);
  });

  test('bad switches are refused, naming the field; a stale or missing ETag too', async () => {
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
    const path = `/programmes/${draft.body.id}/notifications`;
    const headers = { 'if-match': draft.body.etag };
    for (const body of [{}, { paired: 'no' }, { nosuchMoment: true }, { paired: null }, []]) {
      const r = await api(HR, 'PATCH', path, { body, headers });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await api(HR, 'PATCH', path, { body: { paired: false } })).status).toBe(428);
    const moved = await api(HR, 'PATCH', path, { body: { paired: false }, headers });
    expect(moved.status).toBe(200);
    const stale = await api(HR, 'PATCH', path, { body: { paired: true }, headers });
    expect(stale.status).toBe(412);
    expect((await api(HR, 'GET', `/programmes/${draft.body.id}`)).body.notifications.paired).toBe(
      false,
    );
  });
});
