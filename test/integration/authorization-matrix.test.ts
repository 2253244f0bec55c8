import { generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/src/http/routes';
import { matchingProgramme, unrelatedPeople } from './matching-fixture';
import { localStackForFile } from './stack-for-file';

/**
 * Every route of the table × every kind of caller → the status it must get. The table drives the
 * test: a route without a sample request and expectations here fails it, so none is forgotten.
 */
type Caller =
  | 'anonymous'
  | 'badSignature'
  | 'wrongTenant'
  | 'wrongAudience'
  | 'expired'
  | 'employee'
  | 'memberOfAnotherPair'
  | 'admin'
  | 'advisor';
const CALLERS: Caller[] = [
  'anonymous',
  'badSignature',
  'wrongTenant',
  'wrongAudience',
  'expired',
  'employee',
  'memberOfAnotherPair',
  'admin',
  'advisor',
];

const HR = 'Lucía Fernández';
let openProgramme: { id: string; etag: string };
/** Matching samples: two mentors and two mentees with no reporting line between them. */
let matchingPeople: { mentors: string[]; mentees: string[] };
let sharedMatchingProgramme: string;
/** A pair none of the callers belongs to; `memberOfAnotherPair` is a member of another pair. */
let pairOfOthers: string;
let otherPairMember: string;

/** A programme in matching with the matching people's applications, run or not. */
const freshMatching = (run: boolean) => matchingProgramme(stack, api, matchingPeople, { run });

/** A request on the first proposal of a freshly run matching. */
async function onProposal(action: string, body: unknown): Promise<Sample> {
  const { programmeId, matching } = await freshMatching(true);
  return {
    path: `/programmes/${programmeId}/matching/proposals/${matching.proposals[0].id}/${action}`,
    body,
    headers: { 'if-match': matching.etag },
  };
}

interface Sample {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An open programme created for one request. */
async function freshOpenProgramme(): Promise<string> {
  const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
  const opened = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
    body: { status: 'open' },
    headers: { 'if-match': draft.body.etag },
  });
  return opened.body.id;
}

const menteeForm = {
  role: 'mentee',
  why: 'Quiero aprender a negociar',
  wants: ['negotiation'],
  languages: ['es'],
  consent: true,
};
const mentorForm = { ...menteeForm, role: 'mentor', wants: [], offers: ['negotiation'] };

/** An application by `who` to a fresh open programme; returns the programme, person and ETag. */
async function freshApplication(who: string, form: Record<string, unknown> = menteeForm) {
  const programmeId = await freshOpenProgramme();
  const r = await api(who, 'POST', `/programmes/${programmeId}/applications`, { body: form });
  return { programmeId, personId: r.body.personId as string, etag: r.body.etag as string };
}

/**
 * A valid request for each route, made fresh for each call. `who` is the person the caller's
 * token names (a valid token's own person; Marta for the refused tokens).
 */
const samples: Record<string, (who: string) => Promise<Sample>> = {
  ping: async () => ({ path: '/ping' }),
  health: async () => ({ path: '/health' }),
  me: async () => ({ path: '/me' }),
  'list-programmes': async () => ({ path: '/programmes' }),
  'create-programme': async () => ({ path: '/programmes', body: { kind: 'executive' } }),
  'get-programme': async () => ({ path: `/programmes/${openProgramme.id}` }),
  'edit-programme': async () => {
    const current = await api(HR, 'GET', `/programmes/${openProgramme.id}`);
    return {
      path: `/programmes/${openProgramme.id}`,
      body: { questions: ['¿Qué esperas?'] },
      headers: { 'if-match': current.body.etag },
    };
  },
  'edit-notification-settings': async () => {
    const current = await api(HR, 'GET', `/programmes/${openProgramme.id}`);
    return {
      path: `/programmes/${openProgramme.id}/notifications`,
      body: { paired: true },
      headers: { 'if-match': current.body.etag },
    };
  },
  'change-programme-status': async () => {
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
    return {
      path: `/programmes/${draft.body.id}/status`,
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    };
  },
  'delete-programme': async () => {
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
    return { path: `/programmes/${draft.body.id}`, headers: { 'if-match': draft.body.etag } };
  },
  'promote-pilot': async () => {
    const marta = stack.people.find((p) => p.displayName === 'Marta Gil')!.id;
    const draft = await api(HR, 'POST', '/programmes', {
      body: { kind: 'classic', pilotGroup: [marta] },
    });
    const pilot = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'pilot' },
      headers: { 'if-match': draft.body.etag },
    });
    return {
      path: `/programmes/${draft.body.id}/promote`,
      headers: { 'if-match': pilot.body.etag },
    };
  },
  'clone-programme': async () => ({
    path: `/programmes/${openProgramme.id}/clone`,
    body: { name: 'Siguiente promoción' },
  }),
  'archive-programme': async () => {
    const id = await freshOpenProgramme();
    const open = await api(HR, 'GET', `/programmes/${id}`);
    const closed = await api(HR, 'PUT', `/programmes/${id}/status`, {
      body: { status: 'closed' },
      headers: { 'if-match': open.body.etag },
    });
    return { path: `/programmes/${id}/archive`, headers: { 'if-match': closed.body.etag } };
  },
  'programme-audit': async () => ({ path: `/programmes/${openProgramme.id}/audit` }),
  'programme-audit-report': async () => ({ path: `/programmes/${openProgramme.id}/audit.csv` }),
  'search-people': async () => ({ path: '/directory/people?q=marta' }),
  'list-my-applications': async () => ({ path: '/applications/me' }),
  'submit-application': async () => ({
    path: `/programmes/${await freshOpenProgramme()}/applications`,
    body: menteeForm,
  }),
  'get-my-application': async (who) => ({
    path: `/programmes/${(await freshApplication(who)).programmeId}/applications/me`,
  }),
  'edit-my-application': async (who) => {
    const a = await freshApplication(who);
    return {
      path: `/programmes/${a.programmeId}/applications/me`,
      body: { ...menteeForm, wants: ['feedback'] },
      headers: { 'if-match': a.etag },
    };
  },
  'withdraw-my-application': async (who) => {
    const a = await freshApplication(who);
    return {
      path: `/programmes/${a.programmeId}/applications/me/withdraw`,
      headers: { 'if-match': a.etag },
    };
  },
  'list-applications': async () => ({
    path: `/programmes/${(await freshApplication('Marta Gil')).programmeId}/applications`,
  }),
  'approve-mentor': async () => {
    const a = await freshApplication('James Whitaker', mentorForm);
    return {
      path: `/programmes/${a.programmeId}/applications/${a.personId}/approve`,
      headers: { 'if-match': a.etag },
    };
  },
  'reject-application': async () => {
    const a = await freshApplication('James Whitaker');
    return {
      path: `/programmes/${a.programmeId}/applications/${a.personId}/reject`,
      body: { reason: 'Plazas completas' },
      headers: { 'if-match': a.etag },
    };
  },
  'decide-applications': async () => {
    const a = await freshApplication('James Whitaker', mentorForm);
    return {
      path: `/programmes/${a.programmeId}/applications/decisions`,
      body: { decision: 'approve', personIds: [a.personId], note: 'Buen perfil' },
    };
  },
  'add-to-waiting-list': async () => {
    const { programmeId, matching } = await freshMatching(true);
    return {
      path: `/programmes/${programmeId}/applications/${matching.proposals[0].mentee}/waiting-list`,
    };
  },
  'directory-status': async () => ({ path: '/directory' }),
  'sync-directory': async () => ({ path: '/directory/sync' }),
  'list-bookings': async () => ({ path: `/programmes/${openProgramme.id}/bookings` }),
  'get-programme-topics': async () => ({ path: `/programmes/${openProgramme.id}/topics` }),
  'save-programme-topics': async () => {
    const current = await api(HR, 'GET', `/programmes/${openProgramme.id}/topics`);
    return {
      path: `/programmes/${openProgramme.id}/topics`,
      body: { topics: current.body.topics },
      headers: { 'if-match': current.body.etag },
    };
  },
  'export-matching-input': async () => ({
    path: `/programmes/${sharedMatchingProgramme}/matching/input`,
  }),
  'run-matching': async () => ({
    path: `/programmes/${(await freshMatching(false)).programmeId}/matching/runs`,
  }),
  'get-matching': async () => ({ path: `/programmes/${sharedMatchingProgramme}/matching` }),
  'lock-proposal': () => onProposal('lock', { locked: true }),
  'reject-proposal': () => onProposal('reject', { reason: 'Ya trabajan juntos' }),
  'swap-proposals': async () => {
    const { programmeId, matching } = await freshMatching(true);
    return {
      path: `/programmes/${programmeId}/matching/swap`,
      body: { proposalIds: matching.proposals.map((p: { id: string }) => p.id) },
      headers: { 'if-match': matching.etag },
    };
  },
  'pair-by-hand': async () => {
    const { programmeId, matching } = await freshMatching(true);
    const [p] = matching.proposals;
    return {
      path: `/programmes/${programmeId}/matching/pairs`,
      body: { mentee: p.mentee, mentor: p.mentor },
      headers: { 'if-match': matching.etag },
    };
  },
  'change-mentor-capacity': async () => {
    const { programmeId, matching } = await freshMatching(true);
    return {
      path: `/programmes/${programmeId}/matching/mentors/${matching.proposals[0].mentor}/capacity`,
      body: { capacity: 3 },
      headers: { 'if-match': matching.etag },
    };
  },
  'confirm-proposals': async () => ({
    path: `/programmes/${(await freshMatching(true)).programmeId}/matching/confirm`,
    body: { proposals: 'all' },
  }),
  'list-my-pairs': async () => ({ path: '/pairs/me' }),
  'get-pair': async () => ({ path: `/pairs/${pairOfOthers}` }),
  'session-alternatives': async () => ({ path: `/pairs/${pairOfOthers}/sessions/1/alternatives` }),
  'move-session': async () => ({
    path: `/pairs/${pairOfOthers}/sessions/1/move`,
    body: { start: '2030-01-08T10:00:00Z' },
  }),
  'end-pair': async () => ({
    path: `/pairs/${pairOfOthers}/end`,
    body: { reason: 'Cambio de puesto' },
  }),
  'get-pair-space': async () => ({ path: `/pairs/${pairOfOthers}/space` }),
  'add-agenda-item': async () => ({
    path: `/pairs/${pairOfOthers}/agenda`,
    body: { text: 'Expectativas' },
  }),
  'edit-agenda-item': async () => onEntry('agenda', { done: true }),
  'delete-agenda-item': async () => onEntry('agenda'),
  'add-note': async () => ({
    path: `/pairs/${pairOfOthers}/notes`,
    body: { text: 'Lo que aprendí', visibility: 'shared' },
  }),
  'edit-note': async () => onEntry('notes', { text: 'Corregido' }),
  'delete-note': async () => onEntry('notes'),
  'add-goal': async () => ({
    path: `/pairs/${pairOfOthers}/goals`,
    body: { horizon: 'short', title: 'Presentar en público' },
  }),
  'edit-goal': async () => onEntry('goals', { progress: 50 }),
  'delete-goal': async () => onEntry('goals'),
  'add-activity': async () => ({
    path: `/pairs/${pairOfOthers}/activities`,
    body: { kind: 'shadowing', date: '2030-01-15', description: 'Comité de dirección' },
  }),
  'edit-activity': async () => onEntry('activities', { outcome: 'Muy útil' }),
  'delete-activity': async () => onEntry('activities'),
  'programme-progress': async () => ({ path: `/programmes/${sharedMatchingProgramme}/progress` }),
  'programme-report': async () => ({ path: `/programmes/${sharedMatchingProgramme}/report.csv` }),
  'programme-evaluation-report': async () => ({
    path: `/programmes/${sharedMatchingProgramme}/evaluation.csv`,
  }),
  'programme-evaluation': async () => ({
    path: `/programmes/${sharedMatchingProgramme}/evaluation`,
  }),
  'evaluate-programme': async () => ({
    path: `/pairs/${pairOfOthers}/evaluation`,
    body: { satisfaction: 4, goalsReached: 4, recommend: 9 },
  }),
  'export-my-data': async () => ({ path: '/me/data' }),
  // Every caller has applications under review by now (the samples above made them): refused.
  'erase-my-data': async () => ({ path: '/me/data' }),
  // Graph's change notifications: anonymous by design (Graph sends no token), checked by the
  // clientState instead; one naming no subscription of ours is dropped with 202 whoever sends it.
  'calendar-notifications': async () => ({
    path: '/calendar/notifications',
    body: {
      value: [
        {
          subscriptionId: crypto.randomUUID(),
          changeType: 'updated',
          clientState: 'not-ours',
          resource: `Users/${crypto.randomUUID()}/Events/AAMkAD`,
        },
      ],
    },
  }),
  'give-feedback': async () => ({
    path: `/pairs/${pairOfOthers}/sessions/0/feedback`,
    body: { rating: 5, useful: true },
  }),
};

/** An edit or delete of an entry in the space of a pair none of the callers belongs to. */
function onEntry(segment: string, body?: unknown): Sample {
  return {
    path: `/pairs/${pairOfOthers}/${segment}/${crypto.randomUUID()}`,
    body,
    headers: { 'if-match': 'W/"datetime\'2030-01-01T00%3A00%3A00Z\'"' },
  };
}

const badToken = [401, 401, 401, 401, 401] as const;
function expect401sThen(
  employee: number,
  admin: number,
  advisor: number,
  memberOfAnotherPair = employee,
): Record<Caller, number> {
  const [a, b, c, d, e] = badToken;
  return {
    anonymous: a,
    badSignature: b,
    wrongTenant: c,
    wrongAudience: d,
    expired: e,
    employee,
    memberOfAnotherPair,
    admin,
    advisor,
  };
}
const everyone = (status: number) =>
  Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;

/**
 * The only routes anyone may call without a token, each on purpose: liveness, readiness with
 * names only in its body (storage ok/down, Graph ok/unreachable/refused/notConfigured), and
 * Graph's change notifications (each item checked against the subscription's clientState).
 */
const ANONYMOUS_ROUTES = ['calendar-notifications', 'health', 'ping'];

const expected: Record<string, Record<Caller, number>> = {
  ping: everyone(204),
  health: everyone(200),
  me: expect401sThen(200, 200, 200),
  'list-programmes': expect401sThen(200, 200, 200),
  'create-programme': expect401sThen(403, 201, 403),
  'get-programme': expect401sThen(200, 200, 200),
  'edit-programme': expect401sThen(403, 200, 403),
  'edit-notification-settings': expect401sThen(403, 200, 403),
  'change-programme-status': expect401sThen(403, 200, 403),
  'delete-programme': expect401sThen(403, 204, 403),
  'promote-pilot': expect401sThen(403, 201, 403),
  'clone-programme': expect401sThen(403, 201, 403),
  'archive-programme': expect401sThen(403, 200, 403),
  // The audit trail is its HR owners' alone: advisors (aggregates only) get none of it.
  'programme-audit': expect401sThen(403, 200, 403),
  'programme-audit-report': expect401sThen(403, 200, 403),
  'search-people': expect401sThen(403, 200, 403),
  'list-my-applications': expect401sThen(200, 200, 200),
  'submit-application': expect401sThen(201, 201, 201),
  'get-my-application': expect401sThen(200, 200, 200),
  'edit-my-application': expect401sThen(200, 200, 200),
  'withdraw-my-application': expect401sThen(200, 200, 200),
  'list-applications': expect401sThen(403, 200, 403),
  'approve-mentor': expect401sThen(403, 200, 403),
  'reject-application': expect401sThen(403, 200, 403),
  'decide-applications': expect401sThen(403, 200, 403),
  // HR only; this programme keeps no waiting list (409 noWaitingList).
  'add-to-waiting-list': expect401sThen(403, 409, 403),
  'directory-status': expect401sThen(403, 200, 403),
  'sync-directory': expect401sThen(403, 200, 403),
  'list-bookings': expect401sThen(403, 200, 403),
  // The vocabulary: read by whoever sees the programme (the form), edited by HR.
  'get-programme-topics': expect401sThen(200, 200, 200),
  'save-programme-topics': expect401sThen(403, 200, 403),
  // A run's input: HR owners only (the admin here created the programme, so owns it).
  'export-matching-input': expect401sThen(403, 200, 403),
  'run-matching': expect401sThen(403, 201, 403),
  'get-matching': expect401sThen(403, 200, 403),
  'lock-proposal': expect401sThen(403, 200, 403),
  'reject-proposal': expect401sThen(403, 200, 403),
  'swap-proposals': expect401sThen(403, 200, 403),
  // HR only; everyone in this matching has a proposal already (409 alreadyProposed).
  'pair-by-hand': expect401sThen(403, 409, 403),
  'change-mentor-capacity': expect401sThen(403, 200, 403),
  'confirm-proposals': expect401sThen(403, 200, 403),
  'list-my-pairs': expect401sThen(200, 200, 200),
  // A pair is its members' and HR's: anyone else, advisors included, learns nothing (404).
  'get-pair': expect401sThen(404, 200, 404),
  // Only the pair's own members move its sessions: HR and advisors included, nobody else learns it exists.
  'session-alternatives': expect401sThen(404, 404, 404),
  'move-session': expect401sThen(404, 404, 404),
  // HR only; this pair is not booked yet, so there is nothing to end (409 notBooked).
  'end-pair': expect401sThen(403, 409, 403),
  // Aggregates for HR and advisors (PRODUCT rule 8); the per-pair CSV is HR's.
  'programme-progress': expect401sThen(403, 200, 200),
  'programme-report': expect401sThen(403, 200, 403),
  'programme-evaluation-report': expect401sThen(403, 200, 403),
  'programme-evaluation': expect401sThen(403, 200, 200),
  'export-my-data': expect401sThen(200, 200, 200),
  'erase-my-data': expect401sThen(409, 409, 409),
  'calendar-notifications': Object.fromEntries(CALLERS.map((c) => [c, 202])) as Record<
    Caller,
    number
  >,
  // The pair's space is its members' alone (PRODUCT rules 6 and 8): HR and advisors get
  // aggregates, never notes, so to them — and to everyone else — the pair does not exist.
  ...Object.fromEntries(
    [
      'get-pair-space',
      'add-agenda-item',
      'edit-agenda-item',
      'delete-agenda-item',
      'add-note',
      'edit-note',
      'delete-note',
      'add-goal',
      'edit-goal',
      'delete-goal',
      'add-activity',
      'edit-activity',
      'delete-activity',
      'give-feedback',
      'evaluate-programme',
    ].map((name) => [name, expect401sThen(404, 404, 404)]),
  ),
};

const PERSON_OF: Record<Caller, string> = {
  anonymous: 'Marta Gil',
  badSignature: 'Marta Gil',
  wrongTenant: 'Marta Gil',
  wrongAudience: 'Marta Gil',
  expired: 'Marta Gil',
  employee: 'Marta Gil',
  memberOfAnotherPair: '', // chosen in beforeAll
  admin: HR,
  advisor: 'Elena Rivas',
};

async function tokenFor(caller: Caller): Promise<string | undefined> {
  const person = (name: string) => stack.people.find((p) => p.displayName === name)!.id;
  const marta = person('Marta Gil');
  switch (caller) {
    case 'anonymous':
      return undefined;
    case 'badSignature': {
      const { privateKey } = await generateKeyPair('RS256');
      const good = await stack.issuer.userToken(marta);
      const claims = JSON.parse(Buffer.from(good.split('.')[1]!, 'base64url').toString());
      return stack.issuer.sign(claims, { key: privateKey });
    }
    case 'wrongTenant':
      return stack.issuer.userToken(marta, { tid: '11111111-2222-4333-8444-555555555555' });
    case 'wrongAudience':
      return stack.issuer.userToken(marta, { aud: 'api://another-app' });
    case 'expired': {
      const past = Math.floor(Date.now() / 1000) - 7200;
      return stack.issuer.userToken(marta, { iat: past, nbf: past, exp: past + 600 });
    }
    case 'employee':
      return stack.issuer.userToken(marta);
    case 'memberOfAnotherPair':
      return stack.issuer.userToken(otherPairMember);
    case 'admin':
      return stack.issuer.userToken(person(HR));
    case 'advisor':
      return stack.issuer.userToken(person('Elena Rivas'));
  }
}

const { stack, api } = localStackForFile();
beforeAll(async () => {
  const created = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
  const opened = await api(HR, 'PUT', `/programmes/${created.body.id}/status`, {
    body: { status: 'open' },
    headers: { 'if-match': created.body.etag },
  });
  openProgramme = { id: opened.body.id, etag: opened.body.etag };

  const starters = ['Marta Gil', 'James Whitaker'].map(
    (name) => stack.people.find((p) => p.displayName === name)!.id,
  );
  // Display names identify callers in samples: the other pair's member needs a unique one.
  const named = (id: string) =>
    stack.people.filter((p) => p.displayName === stack.people.find((q) => q.id === id)!.displayName)
      .length === 1;
  const people = unrelatedPeople(stack, 12, starters).filter((p) => named(p.id));
  const [mA, mB, eA, eB, p1, p2, q1, q2] = people.map((p) => p.id);
  matchingPeople = { mentors: [mA!, mB!], mentees: [eA!, eB!] };
  sharedMatchingProgramme = (await freshMatching(true)).programmeId;
  const pairOf = async (mentor: string, mentee: string) => {
    const { programmeId } = await matchingProgramme(
      stack,
      api,
      { mentors: [mentor], mentees: [mentee] },
      { run: true },
    );
    const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
      body: { proposals: 'all' },
    });
    return confirmed.body.confirmed[0].id as string;
  };
  pairOfOthers = await pairOf(p1!, p2!);
  await pairOf(q1!, q2!);
  otherPairMember = q1!;
  PERSON_OF.memberOfAnotherPair = people[6]!.displayName;
});

describe('the authorisation matrix', () => {
  it('has a sample request and expectations for every route of the table', () => {
    const names = routes.map((r) => r.name).sort();
    expect(Object.keys(samples).sort()).toEqual(names);
    expect(Object.keys(expected).sort()).toEqual(names);
  });

  it('lets anonymous callers reach only the routes meant for them', () => {
    const anonymous = routes.filter((r) => r.access === 'anonymous').map((r) => r.name);
    expect(anonymous.sort()).toEqual(ANONYMOUS_ROUTES);
  });

  for (const route of routes) {
    it(`${route.method} ${route.path} (${route.name})`, async () => {
      const sample = samples[route.name];
      const expectations = expected[route.name];
      if (!sample || !expectations) throw new Error(`No matrix entry for ${route.name}`);
      const got: Partial<Record<Caller, number>> = {};
      for (const caller of CALLERS) {
        const request = await sample(PERSON_OF[caller]);
        const token = await tokenFor(caller);
        const r = await api(null, route.method, request.path, {
          body: request.body,
          headers: request.headers,
          token,
        });
        got[caller] = r.status;
        if (r.status >= 400) expect(r.headers.get('content-type')).toBe('application/problem+json');
      }
      expect(got).toEqual(expectations);
    });
  }
});
