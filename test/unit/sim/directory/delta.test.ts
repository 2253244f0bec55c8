import { describe, expect, it } from 'vitest';
import {
  DELTA_FILTER_MAX_IDS,
  directoryRoutes,
  NEVER_SEEN_ID,
} from '../../../sim/graph/directory/directory-routes';
import { createRouter, type GraphCaller, GraphError } from '../../../sim/graph/router';
import { type DeltaQuirk, type SimPerson, SimTenant } from '../../../sim/graph/tenant';

const ROOT = 'https://localhost:8443/v1.0';
const APP: GraphCaller = { appId: 'tandem', roles: ['User.Read.All'], scopes: [] };
const SELECT = 'displayName,department,manager';

function person(i: number, managerId: string | null): SimPerson {
  return {
    id: `p${i}`,
    displayName: `Persona ${i}`,
    givenName: 'Persona',
    surname: String(i),
    jobTitle: 'Analista',
    officeLocation: 'Madrid',
    preferredLanguage: 'es-ES',
    mail: `p${i}@contoso.test`,
    userPrincipalName: `p${i}@contoso.test`,
    accountEnabled: true,
    department: 'Ventas',
    managerId,
    mailboxSettings: {
      timeZone: 'Romance Standard Time',
      workingHours: {
        daysOfWeek: ['monday'],
        startTime: '09:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: 'Romance Standard Time' },
      },
    },
  };
}

type Entry = Record<string, unknown> & { id: string };
type Page = { value: Entry[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };

function directory(size: number, quirks: DeltaQuirk[] = []) {
  const people = Array.from({ length: size }, (_, i) => person(i, i === 0 ? null : 'p0'));
  const tenant = new SimTenant('contoso.test', people);
  tenant.deltaQuirks = new Set(quirks);
  const router = createRouter(directoryRoutes({ tenant, serviceRoot: () => ROOT }));
  async function get(url: string, headers: Record<string, string> = {}): Promise<Page> {
    const parsed = new URL(url, ROOT);
    const path = parsed.pathname.replace(/^\/v1\.0/, '');
    const matched = router.match('GET', path);
    if (typeof matched === 'string') throw new Error(`${matched}: ${path}`);
    const response = await matched.route.handler(
      {
        method: 'GET',
        path,
        query: parsed.searchParams,
        headers,
        body: undefined,
        caller: APP,
        requestId: 'r-1',
      },
      matched.params,
    );
    return response.body as Page;
  }
  /** One round from `url`: every entry and each page's size, and the link for the next round. */
  async function round(url: string) {
    const entries: Entry[] = [];
    const sizes: number[] = [];
    let page = await get(url, { prefer: 'odata.maxpagesize=200' });
    for (;;) {
      entries.push(...page.value);
      sizes.push(page.value.length);
      if (page['@odata.deltaLink']) return { entries, sizes, link: page['@odata.deltaLink'] };
      page = await get(page['@odata.nextLink']!, { prefer: 'odata.maxpagesize=200' });
    }
  }
  return { tenant, get, round };
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a Graph error');
}

describe('user delta query options, as documented (delta-query-overview.md, user-delta.md)', () => {
  const { get } = directory(5);
  it.each([
    ['$top=5'],
    ['$expand=manager'],
    ['$expand=manager($levels=max)'],
    ['$orderby=displayName'],
    ['$count=true'],
    ['$search="displayName:Ana"'],
    ["$filter=department eq 'Ventas'"],
    ["$filter=startswith(displayName,'P')"],
    ["$filter=id ne 'p1'"],
  ])('refuses %s with 400 Request_UnsupportedQuery', async (option) => {
    expect(await refusal(get(`/users/delta?${option}`))).toEqual({
      status: 400,
      code: 'Request_UnsupportedQuery',
    });
  });

  it('takes id filters, or-ed, up to 50 ids', async () => {
    const page = await get(`/users/delta?$select=displayName&$filter=id eq 'p1' or id eq 'p3'`);
    expect(page.value.map((e) => e.id)).toEqual(['p1', 'p3']);
    const many = Array.from({ length: DELTA_FILTER_MAX_IDS + 1 }, (_, i) => `id eq 'p${i}'`);
    expect(await refusal(get(`/users/delta?$filter=${many.join(' or ')}`))).toMatchObject({
      status: 400,
    });
    const fifty = many.slice(0, DELTA_FILTER_MAX_IDS).join(' or ');
    expect((await get(`/users/delta?$filter=${fifty}`)).value).toHaveLength(5);
  });

  it('refuses $select with a $skiptoken, takes it with a $deltatoken', async () => {
    const big = directory(250);
    const first = await big.get(`/users/delta?$select=${SELECT}`, {
      prefer: 'odata.maxpagesize=100',
    });
    const next = first['@odata.nextLink']!;
    expect(await refusal(big.get(`${next}&$select=displayName`))).toMatchObject({ status: 400 });
    const { link } = await big.round(`/users/delta?$select=${SELECT}`);
    big.tenant.update('p7', { department: 'Legal', displayName: 'Siete' });
    const changes = await big.get(`${link}&$select=department`);
    expect(changes.value).toEqual([{ id: 'p7', department: 'Legal' }]);
  });

  it('serves what Tandem asks for: $select with manager, the links as they come', async () => {
    const { round } = directory(450);
    const { entries } = await round(
      '/users/delta?$select=displayName,mail,userPrincipalName,department,jobTitle,officeLocation,preferredLanguage,accountEnabled,manager',
    );
    expect(entries).toHaveLength(450);
  });
});

describe('delta quirks (modes)', () => {
  it('replay: the last entries come again, a manager removal as it was sent', async () => {
    const { tenant, round } = directory(20, ['replay']);
    const first = await round(`/users/delta?$select=${SELECT}`);
    // The full round's one page is followed by nothing; its last entries come in the next round.
    tenant.update('p5', { managerId: null });
    const second = await round(first.link);
    expect(second.entries.map((e) => e.id)).toEqual(['p5', 'p17', 'p18', 'p19']);
    expect(second.entries[0]!['manager@delta']).toEqual([
      expect.objectContaining({ id: 'p0', '@removed': { reason: 'deleted' } }),
    ]);
    tenant.update('p5', { managerId: 'p1' });
    const third = await round(second.link);
    // The new manager, then the old removal again: out of order.
    expect(third.entries.map((e) => [e.id, e['manager@delta']])).toEqual([
      ['p5', [expect.objectContaining({ id: 'p1' })]],
      ['p5', [expect.objectContaining({ id: 'p0', '@removed': { reason: 'deleted' } })]],
    ]);
  });

  it('lag: a change shows up one round later', async () => {
    const { tenant, round } = directory(10, ['lag']);
    const first = await round(`/users/delta?$select=${SELECT}`);
    tenant.update('p3', { department: 'Legal' });
    const second = await round(first.link);
    expect(second.entries).toEqual([]);
    const third = await round(second.link);
    expect(third.entries).toEqual([expect.objectContaining({ id: 'p3', department: 'Legal' })]);
    expect((await round(third.link)).entries).toEqual([]);
  });

  it('removedFirstRound: the full round names the removed and an id never held', async () => {
    const { tenant, round } = directory(10, ['removedFirstRound']);
    tenant.remove('p4', true);
    const { entries } = await round(`/users/delta?$select=${SELECT}`);
    const removed = entries.filter((e) => e['@removed']).map((e) => e.id);
    expect(removed).toEqual(['p4', NEVER_SEEN_ID]);
    expect(entries.filter((e) => !e['@removed'])).toHaveLength(9);
  });

  it('varyingPageSize: pages of 1–999 entries whatever is asked, the same page on a repeat', async () => {
    const { get, round } = directory(3000, ['varyingPageSize']);
    const { entries, sizes } = await round(`/users/delta?$select=${SELECT}`);
    expect(new Set(entries.map((e) => e.id)).size).toBe(3000);
    expect(sizes.every((n) => n >= 1 && n <= 999)).toBe(true);
    expect(new Set(sizes).size).toBeGreaterThan(1);
    expect(sizes.some((n) => n > 200)).toBe(true);
    const next = (await get(`/users/delta?$select=${SELECT}`))['@odata.nextLink']!;
    const [once, twice] = [await get(next), await get(next)];
    expect(twice.value.map((e) => e.id)).toEqual(once.value.map((e) => e.id));
  });
});
