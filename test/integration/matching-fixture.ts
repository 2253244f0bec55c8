import { buildOrgChart, findReportingLine } from '../../functions/src/domain/hierarchy/hierarchy';
import type { ProgrammeKind } from '../../functions/src/domain/programme/kinds';
import type { SimPerson } from '../sim/graph/tenant';
import type { LocalStack } from '../sim/stack';
import type { apiAs } from './api-client';

/**
 * Building blocks for the matching and pairs tests: people with no reporting line between them,
 * and programmes brought to `matching` with applications, through the real API.
 */
export const HR = 'Lucía Fernández';
type Api = ReturnType<typeof apiAs>;

export const menteeForm = {
  role: 'mentee',
  why: 'Quiero aprender a negociar',
  wants: ['negotiation'],
  languages: ['es'],
  consent: true,
};
export const mentorForm = { ...menteeForm, role: 'mentor', wants: [], offers: ['negotiation'] };

/** Calls the API as a person given by id (display names need not be unique). */
export function asPerson(stack: LocalStack, api: Api) {
  const tokens = new Map<string, Promise<string>>();
  return (
    personId: string,
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    if (!tokens.has(personId)) tokens.set(personId, stack.issuer.userToken(personId));
    return tokens.get(personId)!.then((token) => api(null, method, path, { ...init, token }));
  };
}

/** People already handed out on each stack: every test gets people no earlier test paired. */
const handedOut = new WeakMap<LocalStack, Set<string>>();

/**
 * `count` enabled people without app roles, no two of them in each other's management chain, none
 * of `avoid` (ids) or anyone in their chains, and nobody an earlier call returned.
 */
export function unrelatedPeople(
  stack: LocalStack,
  count: number,
  avoid: readonly string[] = [],
): SimPerson[] {
  const everyone = stack.graph.tenant.list();
  const org = buildOrgChart(everyone);
  const chosen: SimPerson[] = [];
  const taken = new Set(avoid);
  const used = handedOut.get(stack) ?? new Set<string>();
  handedOut.set(stack, used);
  const signIn = new Set(stack.people.map((p) => p.id));
  const blocked = (id: string) =>
    [...taken].some((other) => other === id || findReportingLine(org, id, other, 'chain'));
  // Deepest people first: they manage nobody, so they rule out the fewest others.
  const candidates = [...everyone]
    .filter((p) => p.accountEnabled && !(p.appRoles ?? []).length && signIn.has(p.id))
    .sort((a, b) => org.depthOf(b.id) - org.depthOf(a.id) || a.id.localeCompare(b.id));
  for (const person of candidates) {
    if (chosen.length === count) break;
    if (used.has(person.id) || blocked(person.id)) continue;
    chosen.push(person);
    taken.add(person.id);
  }
  for (const person of chosen) used.add(person.id);
  if (chosen.length < count) throw new Error(`Only ${chosen.length} unrelated people found`);
  return chosen;
}

/**
 * `count` unrelated people (see `unrelatedPeople`) whom the local sign-in can pick by display name:
 * nobody else in the organisation has theirs.
 */
export function uniquelyNamedPeople(stack: LocalStack, count: number): SimPerson[] {
  const unique = (name: string) => stack.people.filter((p) => p.displayName === name).length === 1;
  const people = unrelatedPeople(stack, count * 3)
    .filter((p) => unique(p.displayName))
    .slice(0, count);
  if (people.length < count) throw new Error('Not enough people with unique names');
  return people;
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * A programme in `matching` with the given mentors (approved) and mentees (submitted); with
 * `run`, the first matching run too. Returns the programme id and the matching (when run).
 */
export async function matchingProgramme(
  stack: LocalStack,
  api: Api,
  people: { mentors: readonly string[]; mentees: readonly string[] },
  options: {
    run?: boolean;
    mentorCapacity?: number;
    hierarchyRule?: 'chain' | 'directManager';
    kind?: ProgrammeKind;
    /** HR's language: the template's name and objectives come in it. */
    language?: 'es' | 'en';
    /** A shorter series than the template's (10 sessions over 6 months). */
    plannedSessions?: number;
    durationMonths?: number;
  } = {},
) {
  const as = asPerson(stack, api);
  const settings = {
    kind: options.kind ?? 'classic',
    ...(options.mentorCapacity ? { mentorCapacity: options.mentorCapacity } : {}),
    ...(options.hierarchyRule ? { hierarchyRule: options.hierarchyRule } : {}),
    ...(options.language ? { language: options.language } : {}),
    ...(options.plannedSessions ? { plannedSessions: options.plannedSessions } : {}),
    ...(options.durationMonths ? { durationMonths: options.durationMonths } : {}),
  };
  const draft = await api(HR, 'POST', '/programmes', { body: settings });
  const opened = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
    body: { status: 'open' },
    headers: { 'if-match': draft.body.etag },
  });
  const id = opened.body.id as string;
  await inBatches(people.mentees, 16, async (personId) => {
    const r = await as(personId, 'POST', `/programmes/${id}/applications`, { body: menteeForm });
    if (r.status !== 201) throw new Error(`apply: ${r.status} ${JSON.stringify(r.body)}`);
  });
  await inBatches(people.mentors, 16, async (personId) => {
    const r = await as(personId, 'POST', `/programmes/${id}/applications`, { body: mentorForm });
    if (r.status !== 201) throw new Error(`apply: ${r.status} ${JSON.stringify(r.body)}`);
    const approved = await api(HR, 'POST', `/programmes/${id}/applications/${personId}/approve`, {
      headers: { 'if-match': r.body.etag },
    });
    if (approved.status !== 200) throw new Error(`approve: ${approved.status}`);
  });
  const matching = await api(HR, 'PUT', `/programmes/${id}/status`, {
    body: { status: 'matching' },
    headers: { 'if-match': opened.body.etag },
  });
  if (matching.status !== 200) throw new Error(`to matching: ${matching.status}`);
  if (!options.run) return { programmeId: id, matching: undefined };
  const run = await api(HR, 'POST', `/programmes/${id}/matching/runs`);
  if (run.status !== 201) throw new Error(`run: ${run.status} ${JSON.stringify(run.body)}`);
  return { programmeId: id, matching: run.body };
}
