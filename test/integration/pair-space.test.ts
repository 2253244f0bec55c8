import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import type { SessionRecord } from '../../functions/src/domain/booking/booking';
import {
  EditAgendaItemSchema,
  EditGoalSchema,
  EditNoteSchema,
  FeedbackSchema,
  NewActivitySchema,
  NewAgendaItemSchema,
  NewGoalSchema,
  NewNoteSchema,
} from '../../functions/src/http/contracts';
import { routes } from '../../functions/src/http/routes';
import { writeBookedSeries } from './booking/booked-series';
import { HR, matchingProgramme, unrelatedPeople } from './matching-fixture';
import { localStackForFile } from './stack-for-file';

const { stack, api, as } = localStackForFile();

/** A confirmed pair of two unrelated people in a fresh programme of the given kind. */
async function pair(kind: 'classic' | 'executive' = 'classic') {
  const [mentor, mentee] = unrelatedPeople(stack, 2).map((p) => p.id) as [string, string];
  const { programmeId } = await matchingProgramme(
    stack,
    api,
    { mentors: [mentor], mentees: [mentee] },
    { run: true, kind },
  );
  const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
    body: { proposals: 'all' },
  });
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status}`);
  return { id: confirmed.body.confirmed[0].id as string, programmeId, mentor, mentee };
}

const space = async (who: string, pairId: string) => {
  const r = await as(who, 'GET', `/pairs/${pairId}/space`);
  expect(r.status).toBe(200);
  return r.body;
};

/** Sessions written as booking leaves them (the series itself is booking's business). */
const booked = (p: { id: string; programmeId: string }, sessions: SessionRecord[]) =>
  writeBookedSeries(stack, p, sessions, { joinUrl: 'https://teams/join/1' });

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const session = (index: number, startsInHours: number, status: SessionRecord['status']) => ({
  index,
  occurrenceId: null,
  start: hoursFromNow(startsInHours),
  end: hoursFromNow(startsInHours + 1),
  status,
  clashes: [],
});

describe('the pair’s space (PRODUCT rule 6)', () => {
  it('both members write agenda and shared notes; private notes stay with their author', async () => {
    const p = await pair();
    const item = await as(p.mentee, 'POST', `/pairs/${p.id}/agenda`, {
      body: { text: 'Cómo preparo mi primera negociación', sessionIndex: 0 },
    });
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({ type: 'agenda', authorId: p.mentee, done: false });
    const shared = await as(p.mentor, 'POST', `/pairs/${p.id}/notes`, {
      body: { text: 'Mi mayor error: prometer plazos imposibles', visibility: 'shared' },
    });
    expect(shared.status).toBe(201);
    const mentorsOwn = await as(p.mentor, 'POST', `/pairs/${p.id}/notes`, {
      body: { text: 'privado-del-mentor', visibility: 'private' },
    });
    const menteesOwn = await as(p.mentee, 'POST', `/pairs/${p.id}/notes`, {
      body: { text: 'privado-de-la-mentee', visibility: 'private' },
    });
    expect([mentorsOwn.status, menteesOwn.status]).toEqual([201, 201]);

    const seenByMentee = await space(p.mentee, p.id);
    expect(seenByMentee.pair).toMatchObject({ id: p.id, role: 'mentee', programmeKind: 'classic' });
    expect(seenByMentee.agenda.map((a: { text: string }) => a.text)).toEqual([
      'Cómo preparo mi primera negociación',
    ]);
    expect(seenByMentee.sharedNotes).toHaveLength(1);
    expect(seenByMentee.privateNotes.map((n: { text: string }) => n.text)).toEqual([
      'privado-de-la-mentee',
    ]);
    expect(JSON.stringify(seenByMentee)).not.toContain('privado-del-mentor');
    const seenByMentor = await space(p.mentor, p.id);
    expect(JSON.stringify(seenByMentor)).not.toContain('privado-de-la-mentee');
    expect(seenByMentor.privateNotes.map((n: { text: string }) => n.text)).toEqual([
      'privado-del-mentor',
    ]);
    // Before booking there are no sessions yet, and no activities outside executive programmes.
    expect(seenByMentor.sessions).toEqual([]);
    expect(seenByMentor.activities).toBeNull();

    // The other member cannot even find a private note: 404, as for an id never used.
    const foreign = `/pairs/${p.id}/notes/${mentorsOwn.body.id}`;
    const etag = { 'if-match': mentorsOwn.body.etag };
    expect(
      (await as(p.mentee, 'PATCH', foreign, { body: { text: 'x' }, headers: etag })).status,
    ).toBe(404);
    expect((await as(p.mentee, 'DELETE', foreign, { headers: etag })).status).toBe(404);
    expect((await as(p.mentor, 'GET', `/pairs/${p.id}/space`)).body.privateNotes).toHaveLength(1);
  });

  it('only the author rewrites or deletes an item; either ticks it done; edits quote the ETag', async () => {
    const p = await pair();
    const item = await as(p.mentee, 'POST', `/pairs/${p.id}/agenda`, {
      body: { text: 'Expectativas' },
    });
    const path = `/pairs/${p.id}/agenda/${item.body.id}`;
    const noEtag = await as(p.mentor, 'PATCH', path, { body: { done: true } });
    expect(noEtag.status).toBe(428);
    const rewrite = await as(p.mentor, 'PATCH', path, {
      body: { text: 'Otra cosa' },
      headers: { 'if-match': item.body.etag },
    });
    expect([rewrite.status, rewrite.body.code]).toEqual([403, 'notAuthor']);
    const ticked = await as(p.mentor, 'PATCH', path, {
      body: { done: true },
      headers: { 'if-match': item.body.etag },
    });
    expect(ticked.status).toBe(200);
    expect(ticked.body.done).toBe(true);
    // The mentee still holds the ETag from before the tick: her edit must not undo it.
    const stale = await as(p.mentee, 'PATCH', path, {
      body: { text: 'Expectativas y plan' },
      headers: { 'if-match': item.body.etag },
    });
    expect(stale.status).toBe(412);
    const notHers = await as(p.mentor, 'DELETE', path, {
      headers: { 'if-match': ticked.body.etag },
    });
    expect([notHers.status, notHers.body.code]).toEqual([403, 'notAuthor']);
    const deleted = await as(p.mentee, 'DELETE', path, {
      headers: { 'if-match': ticked.body.etag },
    });
    expect(deleted.status).toBe(204);
    expect((await space(p.mentor, p.id)).agenda).toEqual([]);
    expect(
      (await as(p.mentee, 'DELETE', path, { headers: { 'if-match': ticked.body.etag } })).status,
    ).toBe(404);
  });

  it('refuses an item for a session the pair does not have (404 noSuchSession)', async () => {
    const p = await pair();
    // Before booking, the programme's plan (10 sessions) says which exist.
    const planned = await as(p.mentee, 'POST', `/pairs/${p.id}/agenda`, {
      body: { text: 'Para la última', sessionIndex: 9 },
    });
    expect(planned.status).toBe(201);
    const beyond = await as(p.mentee, 'POST', `/pairs/${p.id}/notes`, {
      body: { text: 'x', visibility: 'shared', sessionIndex: 10 },
    });
    expect([beyond.status, beyond.body.code]).toEqual([404, 'noSuchSession']);
    await booked(p, [session(0, -24, 'planned'), session(1, 24, 'planned')]);
    const moved = await as(p.mentee, 'PATCH', `/pairs/${p.id}/agenda/${planned.body.id}`, {
      body: { sessionIndex: 5 },
      headers: { 'if-match': planned.body.etag },
    });
    expect([moved.status, moved.body.code]).toEqual([404, 'noSuchSession']);
    expect((await space(p.mentee, p.id)).agenda).toEqual([
      expect.objectContaining({ sessionIndex: 9 }),
    ]);
  });

  it('two members writing at once both keep what they wrote', async () => {
    const p = await pair();
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        as(k % 2 ? p.mentor : p.mentee, 'POST', `/pairs/${p.id}/agenda`, {
          body: { text: `Punto ${k}` },
        }),
      ),
    );
    expect(writes.every((w) => w.status === 201)).toBe(true);
    expect((await space(p.mentee, p.id)).agenda).toHaveLength(20);
  });
});

describe('goals and executive activities (PRODUCT rule 7)', () => {
  it('the mentee keeps goals with progress; the mentor comments and cannot set them', async () => {
    const p = await pair();
    const byMentor = await as(p.mentor, 'POST', `/pairs/${p.id}/goals`, {
      body: { horizon: 'short', title: 'Presentar en el comité' },
    });
    expect([byMentor.status, byMentor.body.code]).toEqual([403, 'onlyMentee']);
    const long = await as(p.mentee, 'POST', `/pairs/${p.id}/goals`, {
      body: { horizon: 'long', title: 'Dirigir un equipo' },
    });
    const short = await as(p.mentee, 'POST', `/pairs/${p.id}/goals`, {
      body: { horizon: 'short', title: 'Presentar en el comité', description: 'En marzo' },
    });
    expect([long.status, short.status]).toEqual([201, 201]);
    const progressed = await as(p.mentee, 'PATCH', `/pairs/${p.id}/goals/${short.body.id}`, {
      body: { progress: 60 },
      headers: { 'if-match': short.body.etag },
    });
    expect(progressed.body).toMatchObject({ progress: 60, status: 'inProgress' });
    const mentorProgress = await as(p.mentor, 'PATCH', `/pairs/${p.id}/goals/${short.body.id}`, {
      body: { progress: 100 },
      headers: { 'if-match': progressed.body.etag },
    });
    expect([mentorProgress.status, mentorProgress.body.code]).toEqual([403, 'onlyMentee']);
    const commented = await as(p.mentor, 'PATCH', `/pairs/${p.id}/goals/${short.body.id}`, {
      body: { mentorComment: 'Ensaya con tu equipo antes' },
      headers: { 'if-match': progressed.body.etag },
    });
    expect(commented.body).toMatchObject({
      progress: 60,
      mentorComment: 'Ensaya con tu equipo antes',
    });
    const goals = (await space(p.mentor, p.id)).goals;
    expect(goals.map((g: { horizon: string }) => g.horizon)).toEqual(['short', 'long']);
  });

  it('activities belong to executive programmes', async () => {
    const classic = await pair();
    const activity = { kind: 'shadowing', date: '2027-05-12', description: 'Comité de dirección' };
    const refused = await as(classic.mentee, 'POST', `/pairs/${classic.id}/activities`, {
      body: activity,
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'notExecutive']);
    const executive = await pair('executive');
    const made = await as(executive.mentee, 'POST', `/pairs/${executive.id}/activities`, {
      body: activity,
    });
    expect(made.status).toBe(201);
    const outcome = await as(
      executive.mentee,
      'PATCH',
      `/pairs/${executive.id}/activities/${made.body.id}`,
      {
        body: { outcome: 'Vi cómo se decide un presupuesto' },
        headers: { 'if-match': made.body.etag },
      },
    );
    expect(outcome.status).toBe(200);
    const seen = await space(executive.mentor, executive.id);
    expect(seen.pair.programmeKind).toBe('executive');
    expect(seen.activities).toEqual([
      expect.objectContaining({ kind: 'shadowing', outcome: 'Vi cómo se decide un presupuesto' }),
    ]);
  });
});

describe('feedback after each session (PRODUCT rule 8)', () => {
  it('opens once a session has started, is one per member and session, and stays each one’s own', async () => {
    const p = await pair();
    const none = await as(p.mentee, 'PUT', `/pairs/${p.id}/sessions/0/feedback`, {
      body: { rating: 4, useful: true },
    });
    expect([none.status, none.body.code]).toEqual([404, 'noSuchSession']);
    await booked(p, [
      session(0, -24, 'planned'),
      session(1, 24 * 13, 'planned'),
      session(2, -2, 'cancelled'),
    ]);

    const early = await as(p.mentee, 'PUT', `/pairs/${p.id}/sessions/1/feedback`, {
      body: { rating: 4, useful: true },
    });
    expect([early.status, early.body.code]).toEqual([409, 'sessionNotHeld']);
    const cancelled = await as(p.mentee, 'PUT', `/pairs/${p.id}/sessions/2/feedback`, {
      body: { rating: 4, useful: true },
    });
    expect([cancelled.status, cancelled.body.code]).toEqual([409, 'sessionCancelled']);

    const first = await as(p.mentee, 'PUT', `/pairs/${p.id}/sessions/0/feedback`, {
      body: { rating: 4, useful: true, comment: 'comentario-de-la-mentee' },
    });
    expect(first.status).toBe(201);
    const again = await as(p.mentee, 'PUT', `/pairs/${p.id}/sessions/0/feedback`, {
      body: { rating: 5, useful: true },
    });
    expect(again.status).toBe(428);
    const revised = await as(p.mentee, 'PUT', `/pairs/${p.id}/sessions/0/feedback`, {
      body: { rating: 5, useful: true },
      headers: { 'if-match': first.body.etag },
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ rating: 5, createdAt: first.body.createdAt });

    const mentorView = await space(p.mentor, p.id);
    expect(mentorView.joinUrl).toBe('https://teams/join/1');
    expect(mentorView.sessions[0]).toMatchObject({
      held: true,
      myFeedback: null,
      otherGaveFeedback: true,
    });
    expect(JSON.stringify(mentorView)).not.toContain('comentario-de-la-mentee');
    const menteeView = await space(p.mentee, p.id);
    expect(menteeView.sessions[0].myFeedback).toMatchObject({ rating: 5, useful: true });
    expect(menteeView.sessions.map((s: { held: boolean }) => s.held)).toEqual([true, false, false]);
  });
});

describe('privacy (PRODUCT rule 8): HR and advisors never read a pair’s notes', () => {
  it('HR and the advisor get 404 on the space, and no answer they can get holds a note', async () => {
    const p = await pair();
    const secret = `secreto-${crypto.randomUUID()}`;
    await as(p.mentee, 'POST', `/pairs/${p.id}/notes`, {
      body: { text: secret, visibility: 'shared' },
    });
    await as(p.mentor, 'POST', `/pairs/${p.id}/agenda`, { body: { text: secret } });
    await as(p.mentee, 'POST', `/pairs/${p.id}/goals`, {
      body: { horizon: 'short', title: secret, description: secret },
    });
    for (const who of [HR, 'Elena Rivas']) {
      expect((await api(who, 'GET', `/pairs/${p.id}/space`)).status).toBe(404);
      for (const path of [
        `/pairs/${p.id}`,
        `/programmes/${p.programmeId}/bookings`,
        `/programmes/${p.programmeId}/matching`,
        `/programmes/${p.programmeId}/applications`,
      ]) {
        const r = await api(who, 'GET', path);
        expect(JSON.stringify(r.body ?? '')).not.toContain(secret);
      }
    }
  });
});

describe('privacy (PRODUCT rule 6): what a member keeps to themself', () => {
  it('the other member, HR and the advisor find my private note and feedback comment in no GET of the route table', async () => {
    const p = await pair();
    await booked(p, [session(0, -24, 'planned')]);
    const secret = `solo-para-mi-${crypto.randomUUID()}`;
    const note = await as(p.mentor, 'POST', `/pairs/${p.id}/notes`, {
      body: { text: secret, visibility: 'private' },
    });
    const feedback = await as(p.mentor, 'PUT', `/pairs/${p.id}/sessions/0/feedback`, {
      body: { rating: 2, useful: false, comment: secret },
    });
    expect([note.status, feedback.status]).toEqual([201, 201]);
    // Every GET the API has, so a route added later is searched too.
    const paths = routes
      .filter((r) => r.method === 'GET')
      .map((r) =>
        r.path
          .replace(':pairId', p.id)
          .replace(':programmeId', p.programmeId)
          .replace(':index', '0'),
      );
    expect(paths).toContain(`/pairs/${p.id}/space`);
    const reads = (call: (path: string) => Promise<{ body: unknown }>) =>
      Promise.all(
        paths.map(async (path) => [path, JSON.stringify((await call(path)).body ?? '')] as const),
      );

    // The author does find both (so the search below looks for something that is stored).
    const own = new Map(await reads((path) => as(p.mentor, 'GET', path)));
    expect(own.get(`/pairs/${p.id}/space`)).toContain(secret);
    expect(own.get('/me/data')).toContain(secret);

    const others: ((path: string) => Promise<{ body: unknown }>)[] = [
      (path) => as(p.mentee, 'GET', path),
      (path) => api(HR, 'GET', path),
      (path) => api('Elena Rivas', 'GET', path),
    ];
    for (const call of others) {
      for (const [path, text] of await reads(call)) {
        expect(text, path).not.toContain(secret);
      }
    }
  });
});

describe('bad input to the space', () => {
  const wrong = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string({ maxLength: 5 }),
    fc.array(fc.anything(), { maxLength: 2 }),
    fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }),
  );

  it('is refused with the field that is wrong (400), and nothing stored changes', async () => {
    const p = await pair();
    const item = await as(p.mentee, 'POST', `/pairs/${p.id}/agenda`, { body: { text: 'Plan' } });
    const goal = await as(p.mentee, 'POST', `/pairs/${p.id}/goals`, {
      body: { horizon: 'short', title: 'Hablar en público' },
    });
    const note = await as(p.mentee, 'POST', `/pairs/${p.id}/notes`, {
      body: { text: 'Nota', visibility: 'shared' },
    });
    await booked(p, [session(0, -24, 'planned')]);
    const writes: {
      method: string;
      path: string;
      valid: Record<string, unknown>;
      schema: ZodType;
      etag?: string;
    }[] = [
      {
        method: 'POST',
        path: `/pairs/${p.id}/agenda`,
        valid: { text: 'x', sessionIndex: 1 },
        schema: NewAgendaItemSchema,
      },
      {
        method: 'PATCH',
        path: `/pairs/${p.id}/agenda/${item.body.id}`,
        valid: { done: true },
        schema: EditAgendaItemSchema,
        etag: item.body.etag,
      },
      {
        method: 'POST',
        path: `/pairs/${p.id}/notes`,
        valid: { text: 'x', visibility: 'private' },
        schema: NewNoteSchema,
      },
      {
        method: 'PATCH',
        path: `/pairs/${p.id}/notes/${note.body.id}`,
        valid: { text: 'y' },
        schema: EditNoteSchema,
        etag: note.body.etag,
      },
      {
        method: 'POST',
        path: `/pairs/${p.id}/goals`,
        valid: { horizon: 'long', title: 't', progress: 5 },
        schema: NewGoalSchema,
      },
      {
        method: 'PATCH',
        path: `/pairs/${p.id}/goals/${goal.body.id}`,
        valid: { progress: 10 },
        schema: EditGoalSchema,
        etag: goal.body.etag,
      },
      {
        method: 'POST',
        path: `/pairs/${p.id}/activities`,
        valid: { kind: 'visit', date: '2027-01-01', description: 'd' },
        schema: NewActivitySchema,
      },
      {
        method: 'PUT',
        path: `/pairs/${p.id}/sessions/0/feedback`,
        valid: { rating: 3, useful: false },
        schema: FeedbackSchema,
      },
    ];
    const bad = fc
      .record({
        write: fc.constantFrom(...writes),
        // A known field with a wrong value, or a field the contract does not have.
        field: fc.oneof(fc.nat(), fc.constantFrom('surprise', 'authorId', 'pairId', 'etag')),
        value: wrong,
      })
      .map(({ write, field, value }) => {
        const fields = Object.keys(write.valid);
        const name = typeof field === 'number' ? fields[field % fields.length]! : field;
        return { write, field: name, body: { ...write.valid, [name]: value } };
      })
      .filter(({ write, body }) => !write.schema.safeParse(body).success);
    const before = await space(p.mentee, p.id);
    await fc.assert(
      fc.asyncProperty(bad, async ({ write, field, body }) => {
        const r = await as(p.mentee, write.method, write.path, {
          body,
          headers: write.etag ? { 'if-match': write.etag } : {},
        });
        expect(r.status, `${write.method} ${write.path} ${JSON.stringify(body)}`).toBe(400);
        const paths = r.body.errors.map(
          (e: { path: string; message: string }) => `${e.path} ${e.message}`,
        );
        expect(paths.join('\n')).toContain(field);
      }),
      { numRuns: 80 },
    );
    expect(await space(p.mentee, p.id)).toEqual(before);
  });

  it('refuses an oversized body (413) and a malformed id (400)', async () => {
    const p = await pair();
    const huge = await as(p.mentee, 'POST', `/pairs/${p.id}/notes`, {
      body: { text: 'x'.repeat(70_000), visibility: 'shared' },
    });
    expect(huge.status).toBe(413);
    const badId = await as(p.mentee, 'PATCH', `/pairs/${p.id}/notes/not-a-uuid`, {
      body: { text: 'x' },
      headers: { 'if-match': '*' },
    });
    expect(badId.status).toBe(400);
    expect((await space(p.mentee, p.id)).sharedNotes).toEqual([]);
  });
});
