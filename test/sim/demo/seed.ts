import { setTimeout as sleep } from 'node:timers/promises';
import {
  buildOrgChart,
  findReportingLine,
} from '../../../functions/src/domain/hierarchy/hierarchy';
import type { SimPerson } from '../graph/tenant';
import { STARTER_PEOPLE } from '../org/starter-people';
import type { DemoParticipation, LocalStack } from '../stack';

/**
 * The living demo `npm start` opens: three programmes brought to where a visitor finds them, all
 * through the real API and the real jobs (the booking worker books through the Graph simulator).
 * The clock starts four weeks back so the running programme's first sessions are in the past when
 * it is moved to today.
 */
export const DEMO_PROGRAMMES = {
  running: 'Mentoring Contoso 2026',
  open: 'Liderazgo femenino',
  matching: 'Reverse mentoring digital',
} as const;

const DAY_MS = 86_400_000;
const HR = STARTER_PEOPLE[0]!.id;
const menteeForm = {
  role: 'mentee',
  why: 'Quiero ganar confianza para negociar con clientes',
  wants: ['negotiation'],
  languages: ['es'],
  consent: true,
};
const mentorForm = { ...menteeForm, role: 'mentor', wants: [], offers: ['negotiation'] };

export interface DemoSeed {
  programmes: { running: string; open: string; matching: string };
  /** The running programme's pairs, as the API confirmed them. */
  pairs: { id: string; mentor: string; mentee: string }[];
}

type Call = (
  personId: string,
  method: string,
  path: string,
  init?: { body?: unknown; etag?: string },
) => Promise<{ status: number; body: Record<string, unknown> }>;

/** The API as the people of the demo tenant, signed in through the local issuer. */
function caller(stack: LocalStack): Call {
  const tokens = new Map<string, Promise<string>>();
  return async (personId, method, path, init = {}) => {
    if (!tokens.has(personId)) tokens.set(personId, stack.issuer.userToken(personId));
    const response = await fetch(`${stack.url}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokens.get(personId)}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.etag ? { 'if-match': init.etag } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  };
}

/** Refuses to go on past an unexpected answer: a seed that half worked would mislead. */
async function expectStatus(
  what: string,
  expected: number,
  call: Promise<{ status: number; body: Record<string, unknown> }>,
) {
  const r = await call;
  if (r.status !== expected) {
    throw new Error(`demo seed: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  }
  return r.body;
}

/**
 * Employees for the demo, two for each pair: Spain's time zone (their days meet), no app roles,
 * no reporting line between any two of them. The starter employees come first so that the names
 * the sign-in screen shows at the top have something to show.
 */
function demoPeople(stack: LocalStack, count: number): SimPerson[] {
  const everyone = stack.graph.tenant.list() as SimPerson[];
  const org = buildOrgChart(everyone);
  const signIn = new Set(stack.people.map((p) => p.id));
  const starters = new Set(STARTER_PEOPLE.map((p) => p.id));
  const candidates = everyone
    .filter(
      (p) =>
        p.accountEnabled &&
        signIn.has(p.id) &&
        !(p.appRoles ?? []).length &&
        p.managerId &&
        p.mailboxSettings.timeZone === 'Romance Standard Time' &&
        p.mailboxSettings.workingHours.startTime <= '09:00' &&
        p.mailboxSettings.workingHours.endTime >= '17:00',
    )
    .sort(
      (a, b) =>
        Number(starters.has(b.id)) - Number(starters.has(a.id)) ||
        org.depthOf(b.id) - org.depthOf(a.id) ||
        a.id.localeCompare(b.id),
    );
  const chosen: SimPerson[] = [];
  for (const person of candidates) {
    if (chosen.length === count) break;
    if (chosen.some((other) => findReportingLine(org, person.id, other.id, 'chain'))) continue;
    chosen.push(person);
  }
  if (chosen.length < count) throw new Error(`demo seed: only ${chosen.length} people fit`);
  return chosen;
}

async function createOpen(call: Call, name: string, kind: 'classic' | 'reverse') {
  const draft = await expectStatus(
    `create ${name}`,
    201,
    call(HR, 'POST', '/programmes', {
      // Contoso Ibérica's HR writes its programmes in Spanish: the template's texts in Spanish.
      body: {
        kind,
        name,
        language: 'es',
        plannedSessions: 6,
        durationMonths: 3,
        sessionMinutes: 60,
      },
    }),
  );
  const opened = await expectStatus(
    `open ${name}`,
    200,
    call(HR, 'PUT', `/programmes/${draft.id}/status`, {
      body: { status: 'open' },
      etag: String(draft.etag),
    }),
  );
  return { id: String(opened.id), etag: String(opened.etag) };
}

/** Mentors apply and are approved, mentees apply; the call closes and matching runs. */
async function applyAndMatch(
  call: Call,
  programme: { id: string; etag: string },
  mentors: SimPerson[],
  mentees: SimPerson[],
) {
  for (const mentee of mentees) {
    await expectStatus(
      'apply as mentee',
      201,
      call(mentee.id, 'POST', `/programmes/${programme.id}/applications`, { body: menteeForm }),
    );
  }
  for (const mentor of mentors) {
    const applied = await expectStatus(
      'apply as mentor',
      201,
      call(mentor.id, 'POST', `/programmes/${programme.id}/applications`, { body: mentorForm }),
    );
    await expectStatus(
      'approve a mentor',
      200,
      call(HR, 'POST', `/programmes/${programme.id}/applications/${mentor.id}/approve`, {
        etag: String(applied.etag),
      }),
    );
  }
  await expectStatus(
    'close the call',
    200,
    call(HR, 'PUT', `/programmes/${programme.id}/status`, {
      body: { status: 'matching' },
      etag: programme.etag,
    }),
  );
  await expectStatus(
    'run matching',
    201,
    call(HR, 'POST', `/programmes/${programme.id}/matching/runs`),
  );
}

/** Waits until the booking worker has booked every pair (it polls the queue every 250 ms). */
async function untilBooked(call: Call, programmeId: string, pairs: number) {
  for (let tries = 0; tries < 600; tries++) {
    const list = await expectStatus(
      'list bookings',
      200,
      call(HR, 'GET', `/programmes/${programmeId}/bookings`),
    );
    const value = list.value as { status: string; pairId: string; lastError: unknown }[];
    const unfinished = value.filter((b) => b.status === 'queued');
    const failed = value.filter((b) => b.status === 'refused' || b.status === 'failed');
    if (failed.length > 0) throw new Error(`demo seed: booking failed ${JSON.stringify(failed)}`);
    if (value.length === pairs && unfinished.length === 0) return;
    await sleep(100);
  }
  throw new Error('demo seed: the booking worker did not book the pairs within a minute');
}

/**
 * Seeds the demo on a stack started with the booking worker: a running programme whose pairs met
 * (feedback, goals, agenda), an open programme to apply to, and one in matching with proposals.
 * Leaves the clock at today.
 */
export async function seedDemo(stack: LocalStack): Promise<DemoSeed> {
  const call = caller(stack);
  const today = stack.clock.now();
  stack.clock.set(new Date(today.getTime() - 28 * DAY_MS));
  const people = demoPeople(stack, 12);
  const [m1, m2, m3, e1, e2, e3, r1, r2, s1, s2, o1, o2] = people;
  const participation = new Map<string, DemoParticipation[]>();
  const note = (p: SimPerson, programme: string, role: DemoParticipation['role']) =>
    participation.set(p.id, [...(participation.get(p.id) ?? []), { programme, role }]);

  // 1. Running: three pairs, confirmed four weeks ago and booked by the worker.
  const running = await createOpen(call, DEMO_PROGRAMMES.running, 'classic');
  const mentees = [e1!, e2!, e3!];
  const mentors = [m1!, m2!, m3!];
  await applyAndMatch(call, running, mentors, mentees);
  const confirmed = await expectStatus(
    'confirm all',
    200,
    call(HR, 'POST', `/programmes/${running.id}/matching/confirm`, {
      body: { proposals: 'all' },
    }),
  );
  const pairs = (
    confirmed.confirmed as { id: string; mentor: { id: string }; mentee: { id: string } }[]
  ).map((p) => ({ id: p.id, mentor: p.mentor.id, mentee: p.mentee.id }));
  await untilBooked(call, running.id, pairs.length);
  for (const p of mentors) note(p, DEMO_PROGRAMMES.running, 'mentor');
  for (const p of mentees) note(p, DEMO_PROGRAMMES.running, 'mentee');

  // 2. Matching: the call closed, the first run's proposals wait for HR.
  const matching = await createOpen(call, DEMO_PROGRAMMES.matching, 'reverse');
  await applyAndMatch(call, matching, [r1!, r2!], [s1!, s2!]);
  for (const p of [r1!, r2!]) note(p, DEMO_PROGRAMMES.matching, 'mentor');
  for (const p of [s1!, s2!]) note(p, DEMO_PROGRAMMES.matching, 'mentee');

  // 3. Open: two applications in, room for the visitor's.
  const open = await createOpen(call, DEMO_PROGRAMMES.open, 'classic');
  for (const p of [o1!, o2!]) {
    await expectStatus(
      'apply to the open programme',
      201,
      call(p.id, 'POST', `/programmes/${open.id}/applications`, { body: menteeForm }),
    );
    note(p, DEMO_PROGRAMMES.open, 'applicant');
  }

  // Today: the first sessions are behind; the timers follow up what a month of them would have.
  stack.clock.set(today);
  await stack.tick();

  // What the pairs did after meeting: feedback on the first session, goals, the next agenda.
  for (const [k, pair] of pairs.entries()) {
    const space = await expectStatus(
      'read the pair space',
      200,
      call(pair.mentee, 'GET', `/pairs/${pair.id}/space`),
    );
    const held = (space.sessions as { index: number; held: boolean }[]).filter((s) => s.held);
    for (const session of held) {
      await expectStatus(
        'mentee feedback',
        201,
        call(pair.mentee, 'PUT', `/pairs/${pair.id}/sessions/${session.index}/feedback`, {
          body: { rating: 4 + (k % 2), useful: true, comment: 'Salí con un plan claro' },
        }),
      );
      await expectStatus(
        'mentor feedback',
        201,
        call(pair.mentor, 'PUT', `/pairs/${pair.id}/sessions/${session.index}/feedback`, {
          body: { rating: 5, useful: true },
        }),
      );
    }
    await expectStatus(
      'a goal',
      201,
      call(pair.mentee, 'POST', `/pairs/${pair.id}/goals`, {
        body: { horizon: 'short', title: 'Preparar mi primera negociación con un cliente' },
      }),
    );
    await expectStatus(
      'a goal',
      201,
      call(pair.mentee, 'POST', `/pairs/${pair.id}/goals`, {
        body: { horizon: 'long', title: 'Liderar la cuenta de un cliente clave' },
      }),
    );
    await expectStatus(
      'an agenda item',
      201,
      call(pair.mentee, 'POST', `/pairs/${pair.id}/agenda`, {
        body: { text: 'Repasar la propuesta antes de enviarla', sessionIndex: held.length },
      }),
    );
  }
  stack.describePeople(participation);
  return {
    programmes: { running: running.id, open: open.id, matching: matching.id },
    pairs,
  };
}
