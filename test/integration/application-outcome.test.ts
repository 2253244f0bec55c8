import { describe, expect, it } from 'vitest';
import { fortnightly, writeBookedSeries } from './booking/booked-series';
import { HR, matchingProgramme, menteeForm, mentorForm, unrelatedPeople } from './matching-fixture';
import { localStackForFile } from './stack-for-file';

const { stack, api, as } = localStackForFile();

const DAY = 24 * 3_600_000;

/** One person's application to the programme as their home reads it (GET /applications/me). */
async function standingOf(personId: string, programmeId: string) {
  const mine = await as(personId, 'GET', '/applications/me');
  expect(mine.status).toBe(200);
  const application = (mine.body.value as { programmeId: string }[]).find(
    (a) => a.programmeId === programmeId,
  );
  expect(application).toBeDefined();
  return application as {
    programmeId: string;
    status: string;
    outcome?: string;
    rejectionReason?: string;
    pairs?: {
      id: string;
      partner: { id: string; name: string };
      nextSession: { start: string; first: boolean } | null;
    }[];
  };
}
const outcomeOf = async (personId: string, programmeId: string) =>
  (await standingOf(personId, programmeId)).outcome ?? null;

/** A programme with an open call, with HR's settings at creation. */
async function openCall(settings: Record<string, unknown> = {}) {
  const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic', ...settings } });
  expect(draft.status).toBe(201);
  const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
    body: { status: 'open' },
    headers: { 'if-match': draft.body.etag },
  });
  expect(open.status).toBe(200);
  return open.body.id as string;
}

/** HR changes a programme's settings (PATCH with the current ETag). */
async function setSettings(programmeId: string, settings: Record<string, unknown>) {
  const current = await api(HR, 'GET', `/programmes/${programmeId}`);
  return api(HR, 'PATCH', `/programmes/${programmeId}`, {
    body: settings,
    headers: { 'if-match': current.body.etag },
  });
}

async function apply(personId: string, programmeId: string, form: object = menteeForm) {
  const r = await as(personId, 'POST', `/programmes/${programmeId}/applications`, { body: form });
  expect(r.status).toBe(201);
  return r.body as { personId: string; etag: string };
}

async function reject(programmeId: string, application: { personId: string; etag: string }) {
  const r = await api(
    HR,
    'POST',
    `/programmes/${programmeId}/applications/${application.personId}/reject`,
    { body: { reason: REASON }, headers: { 'if-match': application.etag } },
  );
  expect(r.status).toBe(200);
  // HR always reads the reason they wrote.
  expect(r.body.rejectionReason).toBe(REASON);
  return r.body as { personId: string; etag: string };
}

/** A programme matched with one mentor of capacity one and two mentees: one of them is left out. */
async function oneSeatTwoMentees() {
  const [mentor, first, second] = unrelatedPeople(stack, 3).map((p) => p.id) as [
    string,
    string,
    string,
  ];
  const { programmeId } = await matchingProgramme(
    stack,
    api,
    { mentors: [mentor], mentees: [first, second] },
    { run: true, mentorCapacity: 1 },
  );
  return { mentor, first, second, programmeId };
}

const REASON = 'Este año las plazas son para el equipo de Ventas';

describe('what applicants learn of their application', () => {
  it('matching: being matched; running: in a pair (with whom, the first session), or left out', async () => {
    const { mentor, first, second, programmeId } = await oneSeatTwoMentees();
    expect(await outcomeOf(second, programmeId)).toBe('beingMatched');
    expect(await outcomeOf(mentor, programmeId)).toBe('beingMatched');
    const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
      body: { proposals: 'all' },
    });
    expect(confirmed.status).toBe(200);
    const pair = (
      confirmed.body.confirmed as {
        id: string;
        mentee: { id: string; name: string };
        mentor: { id: string; name: string };
      }[]
    )[0]!;
    const leftOut = pair.mentee.id === first ? second : first;
    expect((await api(HR, 'GET', `/programmes/${programmeId}`)).body.status).toBe('running');

    // In a pair: who with; no first session before the series is booked.
    const mentee = await standingOf(pair.mentee.id, programmeId);
    expect(mentee.outcome).toBe('paired');
    expect(mentee.pairs).toEqual([{ id: pair.id, partner: pair.mentor, nextSession: null }]);
    const ofMentor = await standingOf(mentor, programmeId);
    expect(ofMentor.outcome).toBe('paired');
    expect(ofMentor.pairs).toEqual([{ id: pair.id, partner: pair.mentee, nextSession: null }]);
    // Left out, and this programme keeps no waiting list (the default): not matched this time.
    const out = await standingOf(leftOut, programmeId);
    expect(out.outcome).toBe('notPaired');
    expect(out.pairs).toBeUndefined();

    // Booked, nothing held yet: the first session.
    const ahead = fortnightly(Date.now() + 3 * DAY);
    await writeBookedSeries(stack, { id: pair.id, programmeId }, ahead);
    expect((await standingOf(pair.mentee.id, programmeId)).pairs?.[0]?.nextSession).toEqual({
      start: ahead[0]!.start,
      first: true,
    });
  });

  it('under review while the call is open; approved once HR approves a mentor', async () => {
    const [mentor, mentee, waiting] = unrelatedPeople(stack, 3).map((p) => p.id) as [
      string,
      string,
      string,
    ];
    const programmeId = await openCall();
    await apply(mentee, programmeId);
    const submitted = await apply(mentor, programmeId, mentorForm);
    const other = await apply(waiting, programmeId, mentorForm);
    expect(await outcomeOf(mentee, programmeId)).toBe('underReview');
    expect(await outcomeOf(mentor, programmeId)).toBe('underReview');
    const approved = await api(
      HR,
      'POST',
      `/programmes/${programmeId}/applications/${mentor}/approve`,
      {
        headers: { 'if-match': submitted.etag },
      },
    );
    expect(approved.status).toBe(200);
    expect(await outcomeOf(mentor, programmeId)).toBe('approved');

    // In matching, the mentee and the approved mentor are being matched; a mentor HR has not
    // approved is still under review.
    const moved = await setStatus(programmeId, 'matching');
    expect(moved.status).toBe(200);
    expect(await outcomeOf(mentee, programmeId)).toBe('beingMatched');
    expect(await outcomeOf(mentor, programmeId)).toBe('beingMatched');
    expect(await outcomeOf(other.personId, programmeId)).toBe('underReview');
  });

  it('not selected: HR’s reason reaches the applicant only when the programme shows it', async () => {
    const [hidden, shown] = unrelatedPeople(stack, 2).map((p) => p.id) as [string, string];
    const programmeId = await openCall();
    expect((await api(HR, 'GET', `/programmes/${programmeId}`)).body).toMatchObject({
      showRejectionReason: false,
      keepsWaitingList: false,
    });
    const rejected = await reject(programmeId, await apply(hidden, programmeId));

    // Hidden (the default): nowhere in what the applicant's own calls answer.
    const home = await as(hidden, 'GET', '/applications/me');
    const one = await as(hidden, 'GET', `/programmes/${programmeId}/applications/me`);
    const exported = await as(hidden, 'GET', '/me/data');
    for (const answer of [home, one, exported]) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(REASON);
    }
    const standing = await standingOf(hidden, programmeId);
    expect(standing).toMatchObject({ status: 'rejected', outcome: 'notSelected' });
    expect(standing).not.toHaveProperty('rejectionReason');
    // Withdrawing a rejected application answers with it: still without the reason.
    const withdrawn = await as(
      hidden,
      'POST',
      `/programmes/${programmeId}/applications/me/withdraw`,
      {
        headers: { 'if-match': rejected.etag },
      },
    );
    expect(withdrawn.status).toBe(200);
    expect(JSON.stringify(withdrawn.body)).not.toContain(REASON);
    // HR still reads it.
    const list = await api(HR, 'GET', `/programmes/${programmeId}/applications`);
    expect(JSON.stringify(list.body)).toContain(REASON);

    // HR lets applicants read the reason: now they do.
    const on = await setSettings(programmeId, { showRejectionReason: true });
    expect([on.status, on.body.showRejectionReason]).toEqual([200, true]);
    await reject(programmeId, await apply(shown, programmeId));
    expect(await standingOf(shown, programmeId)).toMatchObject({
      outcome: 'notSelected',
      rejectionReason: REASON,
    });
    expect(
      (await as(shown, 'GET', `/programmes/${programmeId}/applications/me`)).body.rejectionReason,
    ).toBe(REASON);
    // What the reject dialog told HR stays true: a reason written while hidden stays hidden.
    const earlier = await as(hidden, 'GET', `/programmes/${programmeId}/applications/me`);
    expect(JSON.stringify(earlier.body)).not.toContain(REASON);

    // HR stops showing reasons: the applicant who read it no longer does.
    expect((await setSettings(programmeId, { showRejectionReason: false })).status).toBe(200);
    expect(await standingOf(shown, programmeId)).not.toHaveProperty('rejectionReason');
  });

  it('waiting list: a left-out mentee is on it while the programme keeps one', async () => {
    const { first, second, programmeId } = await oneSeatTwoMentees();
    expect((await setSettings(programmeId, { keepsWaitingList: true })).status).toBe(200);
    const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
      body: { proposals: 'all' },
    });
    expect(confirmed.status).toBe(200);
    const pair = (confirmed.body.confirmed as { id: string; mentee: { id: string } }[])[0]!;
    const paired = pair.mentee.id;
    const leftOut = paired === first ? second : first;
    expect(await outcomeOf(leftOut, programmeId)).toBe('waitingList');
    expect(await outcomeOf(paired, programmeId)).toBe('paired');
    // One session already held: the next one ahead, not the first of the series.
    const held = fortnightly(Date.now() - 10 * DAY);
    await writeBookedSeries(stack, { id: pair.id, programmeId }, held);
    expect((await standingOf(paired, programmeId)).pairs?.[0]?.nextSession).toEqual({
      start: held[1]!.start,
      first: false,
    });
    // HR may change it while the programme runs; then the mentee is simply not matched this time.
    const off = await setSettings(programmeId, { keepsWaitingList: false });
    expect(off.status).toBe(200);
    expect(await outcomeOf(leftOut, programmeId)).toBe('notPaired');
    // The plan itself stays frozen.
    expect((await setSettings(programmeId, { plannedSessions: 8 })).status).toBe(409);
  });

  it('refuses what is not on or off for the new settings, naming the field', async () => {
    const programmeId = await openCall();
    for (const body of [
      { showRejectionReason: 'yes' },
      { keepsWaitingList: 1 },
      { showRejectionReason: null },
    ]) {
      const r = await setSettings(programmeId, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(r.body.errors).toEqual([
        { path: `body.${Object.keys(body)[0]}`, message: 'true or false' },
      ]);
    }
    const created = await api(HR, 'POST', '/programmes', {
      body: { kind: 'classic', keepsWaitingList: 'no' },
    });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      { path: 'body.keepsWaitingList', message: 'true or false' },
    ]);
  });
});

async function setStatus(programmeId: string, status: string) {
  const current = await api(HR, 'GET', `/programmes/${programmeId}`);
  return api(HR, 'PUT', `/programmes/${programmeId}/status`, {
    body: { status },
    headers: { 'if-match': current.body.etag },
  });
}
