import { beforeAll, describe, expect, it } from 'vitest';
import { TANDEM_AUTHOR } from '../../functions/src/domain/pair-space/authors';
import { FIRST_SESSION_AGENDA } from '../../functions/src/domain/pair-space/first-session-agenda';
import { DEMO_PROGRAMMES, type DemoSeed, seedDemo } from '../sim/demo/seed';
import { startLocalStack } from '../sim/stack';
import { apiAs } from './api-client';
import { HR, menteeForm } from './matching-fixture';
import { localStackForFile } from './stack-for-file';

/** The living demo of `npm start`: the same stack options and the same seed. */
let seed: DemoSeed;

const { stack, api } = localStackForFile({ bookingWorker: true, timers: true });
beforeAll(async () => {
  seed = await seedDemo(stack);
}, 120_000);

const asId = async (id: string, method: string, path: string, body?: unknown) =>
  api(null, method, path, { token: await stack.issuer.userToken(id), body });

const clock = async (method: 'GET' | 'POST', body?: unknown, type = 'application/json') => {
  const r = await fetch(`${stack.url}/_local/clock`, {
    method,
    headers: body === undefined ? {} : { 'content-type': type },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as { now?: string } };
};

describe('npm start’s living demo', () => {
  it('has a running programme whose pairs are booked, met in the past and gave feedback', async () => {
    const programmes = (await api(HR, 'GET', '/programmes')).body.value as {
      id: string;
      name: string;
      status: string;
    }[];
    expect(Object.fromEntries(programmes.map((p) => [p.name, p.status]))).toMatchObject({
      [DEMO_PROGRAMMES.running]: 'running',
      [DEMO_PROGRAMMES.open]: 'open',
      [DEMO_PROGRAMMES.matching]: 'matching',
    });
    const bookings = await api(HR, 'GET', `/programmes/${seed.programmes.running}/bookings`);
    expect(bookings.body.value.map((b: { status: string }) => b.status)).toEqual(
      seed.pairs.map(() => 'booked'),
    );
    const now = Date.parse((await api(null, 'GET', '/health')).body.time);
    for (const pair of seed.pairs) {
      const space = (await asId(pair.mentee, 'GET', `/pairs/${pair.id}/space`)).body;
      const held = space.sessions.filter((s: { held: boolean }) => s.held);
      expect(held.length).toBeGreaterThan(0);
      expect(held.every((s: { start: string }) => Date.parse(s.start) < now)).toBe(true);
      expect(space.sessions.some((s: { held: boolean }) => !s.held)).toBe(true);
      expect(space.goals).toHaveLength(2);
      // The first session's agenda Tandem wrote when the series was booked, and the pair's own item.
      const agenda = space.agenda as { authorId: string; text: string }[];
      expect(agenda.filter((e) => e.authorId === TANDEM_AUTHOR).map((e) => e.text)).toEqual([
        ...FIRST_SESSION_AGENDA.es,
      ]);
      expect(agenda.filter((e) => e.authorId !== TANDEM_AUTHOR)).toHaveLength(1);
      const feedback = await asId(pair.mentee, 'GET', `/pairs/${pair.id}/space`);
      expect(JSON.stringify(feedback.body)).toContain('Salí con un plan claro');
    }
  });

  it('has an open programme that takes an application now', async () => {
    const visitor = stack.people.find((p) => p.displayName === 'Marta Gil')!;
    const applied = await asId(
      visitor.id,
      'POST',
      `/programmes/${seed.programmes.open}/applications`,
      menteeForm,
    );
    expect(applied.status).toBe(201);
  });

  it('has a programme in matching with proposals for HR to review', async () => {
    const matching = await api(HR, 'GET', `/programmes/${seed.programmes.matching}/matching`);
    expect(matching.status).toBe(200);
    const proposals = matching.body.proposals as { status: string }[];
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.every((p) => p.status === 'proposed')).toBe(true);
  });

  it('tells the sign-in screen who is HR, the advisor, a mentor and a mentee', async () => {
    const listed = (await (
      await fetch(`${stack.issuer.url}/${stack.issuer.tenantId}/local/people?top=50`)
    ).json()) as { value: { id: string; roles: string[]; participation?: unknown[] }[] };
    const byId = new Map(listed.value.map((p) => [p.id, p]));
    expect(listed.value[0]!.roles).toEqual(['Tandem.Admin']);
    const pair = seed.pairs[0]!;
    expect(byId.get(pair.mentor)?.participation).toEqual([
      { programme: DEMO_PROGRAMMES.running, role: 'mentor' },
    ]);
    expect(byId.get(pair.mentee)?.participation).toEqual([
      { programme: DEMO_PROGRAMMES.running, role: 'mentee' },
    ]);
  });

  it('moves one clock for the API and its sessions with the local control', async () => {
    const before = Date.parse((await clock('GET')).body.now!);
    const pair = seed.pairs[0]!;
    const space = (await asId(pair.mentee, 'GET', `/pairs/${pair.id}/space`)).body;
    const next = space.sessions.find((s: { held: boolean }) => !s.held) as {
      index: number;
      start: string;
    };
    const days = Math.ceil((Date.parse(next.start) - before) / 86_400_000) + 1;
    expect((await clock('POST', { days: 0 })).status).toBe(400);
    expect((await clock('POST', { days: 7 }, 'text/plain')).status).toBe(415);
    const moved = await clock('POST', { days });
    expect(moved.status).toBe(200);
    const apiTime = Date.parse((await api(null, 'GET', '/health')).body.time);
    expect(apiTime).toBeGreaterThanOrEqual(before + days * 86_400_000);
    expect(Date.parse(moved.body.now!)).toBeLessThanOrEqual(apiTime);
    expect(stack.graph.tenant.now().getTime()).toBeGreaterThanOrEqual(apiTime);
    const after = (await asId(pair.mentee, 'GET', `/pairs/${pair.id}/space`)).body;
    expect(after.sessions.find((s: { index: number }) => s.index === next.index).held).toBe(true);
    // The session that just became held takes feedback now.
    const feedback = await asId(
      pair.mentee,
      'PUT',
      `/pairs/${pair.id}/sessions/${next.index}/feedback`,
      {
        rating: 4,
        useful: true,
      },
    );
    expect(feedback.status).toBe(201);
  });
});

describe('npm start -- --empty', () => {
  it('seeds nothing: no programmes, and the clock at today', async () => {
    const empty = await startLocalStack({ bookingWorker: true, timers: true });
    try {
      const programmes = await apiAs(empty)(HR, 'GET', '/programmes');
      expect(programmes.body.value).toEqual([]);
      const time = Date.parse((await apiAs(empty)(null, 'GET', '/health')).body.time);
      expect(Math.abs(time - Date.now())).toBeLessThan(60_000);
    } finally {
      await empty.close();
    }
  });
});
