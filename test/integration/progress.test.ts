import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../sim/stack';
import { apiAs } from './api-client';
import { fortnightly, writeBookedSeries } from './booking/booked-series';
import { asPerson, HR, matchingProgramme, unrelatedPeople } from './matching-fixture';

let stack: LocalStack;
let api: ReturnType<typeof apiAs>;
let as: ReturnType<typeof asPerson>;
const ADVISOR = 'Elena Rivas';

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiAs(stack);
  as = asPerson(stack, api);
});
afterAll(async () => {
  await stack?.close();
});

/** Ten sessions a fortnight apart, the first `daysAgo` days ago. */
const series = (daysAgo: number) => fortnightly(Date.now() - daysAgo * 24 * 3_600_000);

/** A running programme with `count` pairs, each booked as booking would leave it. */
async function runningProgramme(count: number) {
  const people = unrelatedPeople(stack, count * 2).map((p) => p.id);
  const mentors = people.slice(0, count);
  const mentees = people.slice(count);
  const { programmeId } = await matchingProgramme(stack, api, { mentors, mentees }, { run: true });
  const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
    body: { proposals: 'all' },
  });
  const pairs = confirmed.body.confirmed as {
    id: string;
    mentor: { id: string };
    mentee: { id: string };
  }[];
  return { programmeId, pairs };
}

describe('programme progress (PRODUCT rule 8)', () => {
  it('HR sees held vs planned, answers, goals, feedback and the pairs at risk; the advisor the programme level', async () => {
    const { programmeId, pairs } = await runningProgramme(2);
    const [good, silent] = pairs as [(typeof pairs)[0], (typeof pairs)[0]];
    await writeBookedSeries(stack, { id: good.id, programmeId }, series(20), {
      responses: { mentor: 'accepted', mentee: 'accepted', checkedAt: null },
    });
    await writeBookedSeries(stack, { id: silent.id, programmeId }, series(20), {
      responses: { mentor: 'accepted', mentee: 'declined', checkedAt: null },
    });
    const goal = await as(good.mentee.id, 'POST', `/pairs/${good.id}/goals`, {
      body: { horizon: 'short', title: 'Hablar en público', progress: 40 },
    });
    expect(goal.status).toBe(201);
    for (const index of [0, 1]) {
      const r = await as(good.mentor.id, 'PUT', `/pairs/${good.id}/sessions/${index}/feedback`, {
        body: { rating: 5, useful: true },
      });
      expect(r.status).toBe(201);
    }

    const hr = await api(HR, 'GET', `/programmes/${programmeId}/progress`);
    expect(hr.status).toBe(200);
    expect(hr.body).toMatchObject({
      programmeId,
      status: 'running',
      pairs: { total: 2, byStatus: { booked: 2 } },
      // 20 days ago and 6 days ago have started: 2 of 10 each.
      sessions: { planned: 20, held: 4 },
      invitations: { accepted: 3, declined: 1 },
      goals: { total: 1, progressed: 1, averageProgress: 40, pairsWithGoals: 1 },
      feedback: { given: 2, expected: 8, averageRating: 5, usefulShare: 1 },
      atRisk: { pairs: 1, byReason: { declined: 1, noFeedback: 1, noGoals: 1 } },
    });
    const silentRow = hr.body.pairs.list.find((p: { pairId: string }) => p.pairId === silent.id);
    expect(silentRow.risks).toEqual(['declined', 'noFeedback', 'noGoals']);

    const advisor = await api(ADVISOR, 'GET', `/programmes/${programmeId}/progress`);
    expect(advisor.status).toBe(200);
    expect(advisor.body.pairs).toEqual({ total: 2, byStatus: { booked: 2 } });
    expect(advisor.body.atRisk).toEqual(hr.body.atRisk);
    expect(JSON.stringify(advisor.body)).not.toContain(good.mentee.id);

    expect((await as(good.mentee.id, 'GET', `/programmes/${programmeId}/progress`)).status).toBe(
      403,
    );
  });

  it('never shows HR or the advisor a word of what pairs wrote, in the figures or the CSV', async () => {
    const { programmeId, pairs } = await runningProgramme(1);
    const p = pairs[0]!;
    await writeBookedSeries(stack, { id: p.id, programmeId }, series(20));
    const secret = `secreto-${crypto.randomUUID()}`;
    const writes = [
      as(p.mentee.id, 'POST', `/pairs/${p.id}/notes`, {
        body: { text: secret, visibility: 'shared' },
      }),
      as(p.mentor.id, 'POST', `/pairs/${p.id}/notes`, {
        body: { text: secret, visibility: 'private' },
      }),
      as(p.mentor.id, 'POST', `/pairs/${p.id}/agenda`, { body: { text: secret } }),
      as(p.mentee.id, 'POST', `/pairs/${p.id}/goals`, {
        body: { horizon: 'long', title: secret, description: secret },
      }),
      as(p.mentee.id, 'PUT', `/pairs/${p.id}/sessions/0/feedback`, {
        body: { rating: 2, useful: false, comment: secret },
      }),
    ];
    expect((await Promise.all(writes)).map((w) => w.status)).toEqual([201, 201, 201, 201, 201]);
    for (const who of [HR, ADVISOR]) {
      const r = await api(who, 'GET', `/programmes/${programmeId}/progress`);
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).not.toContain(secret);
    }
    const csv = await fetch(`${stack.url}/api/programmes/${programmeId}/report.csv`, {
      headers: {
        authorization: `Bearer ${await stack.issuer.userToken(stack.people.find((x) => x.displayName === HR)!.id)}`,
      },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="tandem-/);
    const text = await csv.text();
    expect(text).not.toContain(secret);
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(
      /^programme,mentor,mentee,pair status,booking status,sessions planned/,
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('booked');
    expect((await api(ADVISOR, 'GET', `/programmes/${programmeId}/report.csv`)).status).toBe(403);
  });
});

describe('the end-of-programme evaluation (PRODUCT rule 8)', () => {
  it('opens after the pair’s last session; HR reads scores and unsigned suggestions, the advisor scores, from the minimum of respondents', async () => {
    const { programmeId, pairs } = await runningProgramme(3);
    const [done, ongoing, alsoDone] = pairs as [
      (typeof pairs)[0],
      (typeof pairs)[0],
      (typeof pairs)[0],
    ];
    // Two pairs' ten sessions are all behind them; the other's are still ahead.
    await writeBookedSeries(stack, { id: done.id, programmeId }, series(200));
    await writeBookedSeries(stack, { id: alsoDone.id, programmeId }, series(200));
    await writeBookedSeries(stack, { id: ongoing.id, programmeId }, series(20));
    const answer = { satisfaction: 5, goalsReached: 4, recommend: 10 };
    const early = await as(ongoing.mentee.id, 'PUT', `/pairs/${ongoing.id}/evaluation`, {
      body: answer,
    });
    expect([early.status, early.body.code]).toEqual([409, 'evaluationNotOpen']);
    expect(
      (await as(ongoing.mentee.id, 'GET', `/pairs/${ongoing.id}/space`)).body.evaluation,
    ).toEqual({
      open: false,
      mine: null,
    });

    const mentee = await as(done.mentee.id, 'PUT', `/pairs/${done.id}/evaluation`, {
      body: { ...answer, suggestion: 'Más sesiones presenciales' },
    });
    expect(mentee.status).toBe(201);
    const mentor = await as(done.mentor.id, 'PUT', `/pairs/${done.id}/evaluation`, {
      body: { satisfaction: 3, goalsReached: 3, recommend: 6 },
    });
    expect(mentor.status).toBe(201);
    const unconditional = await as(done.mentor.id, 'PUT', `/pairs/${done.id}/evaluation`, {
      body: { satisfaction: 4, goalsReached: 3, recommend: 8 },
    });
    expect(unconditional.status).toBe(428);
    const revised = await as(done.mentor.id, 'PUT', `/pairs/${done.id}/evaluation`, {
      body: { satisfaction: 4, goalsReached: 3, recommend: 8 },
      headers: { 'if-match': mentor.body.etag },
    });
    expect(revised.status).toBe(200);
    const space = await as(done.mentor.id, 'GET', `/pairs/${done.id}/space`);
    expect(space.body.evaluation).toMatchObject({
      open: true,
      mine: { recommend: 8, role: 'mentor' },
    });
    expect(JSON.stringify(space.body)).not.toContain('Más sesiones presenciales');
    const third = await as(alsoDone.mentee.id, 'PUT', `/pairs/${alsoDone.id}/evaluation`, {
      body: answer,
    });
    expect(third.status).toBe(201);

    // Three answers, five needed by default: HR learns only how many answered.
    const early2 = await api(HR, 'GET', `/programmes/${programmeId}/evaluation`);
    expect(early2.body).toMatchObject({
      responses: 3,
      minimumRespondents: 5,
      withheld: true,
      netPromoterScore: null,
      byRole: { mentor: { satisfaction: null }, mentee: { satisfaction: null } },
      suggestions: [],
    });
    expect(JSON.stringify(early2.body)).not.toContain('Más sesiones presenciales');

    // HR may lower the minimum while the programme runs, never below three.
    const programme = await api(HR, 'GET', `/programmes/${programmeId}`);
    expect(programme.body.minRespondents).toBe(5);
    const tooLow = await api(HR, 'PATCH', `/programmes/${programmeId}`, {
      body: { minRespondents: 2 },
      headers: { 'if-match': programme.body.etag },
    });
    expect(tooLow.status).toBe(400);
    const frozen = await api(HR, 'PATCH', `/programmes/${programmeId}`, {
      body: { minRespondents: 3, plannedSessions: 4 },
      headers: { 'if-match': programme.body.etag },
    });
    expect([frozen.status, frozen.body.code]).toEqual([409, 'notEditable']);
    const lowered = await api(HR, 'PATCH', `/programmes/${programmeId}`, {
      body: { minRespondents: 3 },
      headers: { 'if-match': programme.body.etag },
    });
    expect([lowered.status, lowered.body.minRespondents]).toEqual([200, 3]);
    expect((await api(HR, 'GET', `/programmes/${programmeId}`)).body.plannedSessions).toBe(
      programme.body.plannedSessions,
    );

    const hr = await api(HR, 'GET', `/programmes/${programmeId}/evaluation`);
    expect(hr.body).toMatchObject({
      programmeId,
      responses: 3,
      minimumRespondents: 3,
      withheld: false,
      expected: 6,
      byRole: {
        mentor: { responses: 1, satisfaction: 4 },
        mentee: { responses: 2, satisfaction: 5, goalsReached: 4 },
      },
      // Two promoters (10, 10) and a passive (8) of three.
      netPromoterScore: 67,
      suggestions: ['Más sesiones presenciales'],
    });
    expect(JSON.stringify(hr.body)).not.toContain(done.mentee.id);
    const advisor = await api(ADVISOR, 'GET', `/programmes/${programmeId}/evaluation`);
    expect(advisor.body.responses).toBe(3);
    expect(advisor.body.suggestions).toBeUndefined();
    expect((await as(done.mentee.id, 'GET', `/programmes/${programmeId}/evaluation`)).status).toBe(
      403,
    );
  });

  it('refuses a bad evaluation with the field, and stores nothing', async () => {
    const { programmeId, pairs } = await runningProgramme(1);
    const p = pairs[0]!;
    await writeBookedSeries(stack, { id: p.id, programmeId }, series(200));
    for (const [body, field] of [
      [{ satisfaction: 6, goalsReached: 3, recommend: 5 }, 'satisfaction'],
      [{ satisfaction: 3, goalsReached: 3, recommend: 11 }, 'recommend'],
      [{ satisfaction: 3, recommend: 5 }, 'goalsReached'],
      [{ satisfaction: 3, goalsReached: 3, recommend: 5, who: 'x' }, 'who'],
      [
        { satisfaction: 3, goalsReached: 3, recommend: 5, suggestion: 'x'.repeat(2001) },
        'suggestion',
      ],
    ] as const) {
      const r = await as(p.mentee.id, 'PUT', `/pairs/${p.id}/evaluation`, { body });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body.errors)).toContain(field);
    }
    expect((await as(p.mentee.id, 'GET', `/pairs/${p.id}/space`)).body.evaluation.mine).toBeNull();
  });
});
