import {
  BatchRequestContent,
  BatchResponseContent,
  GraphError,
  PageIterator,
} from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type SimTenantFixture, startSimTenant, treeOrganisation } from './sim-tenant';

const PEOPLE = 2_500;
let t: SimTenantFixture;

beforeAll(async () => {
  t = await startSimTenant(treeOrganisation(PEOPLE));
});
afterAll(async () => t?.close());

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${t.graph.url}/_sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: response.status === 204 ? undefined : await response.json(),
  };
}

async function graphError(call: Promise<unknown>): Promise<GraphError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('The call succeeded');
}

describe('users through the official Graph client', () => {
  test('PageIterator reads every user in ⌈n/999⌉ pages with $top=999 and $select', async () => {
    t.graph.resetStats();
    const first = await t.client
      .api('/users')
      .select(['id', 'displayName', 'department'])
      .top(999)
      .get();
    const seen: { id: string; displayName: string; department: string }[] = [];
    const iterator = new PageIterator(t.client, first, (user) => {
      seen.push(user);
      return true;
    });
    await iterator.iterate();
    expect(seen).toHaveLength(PEOPLE);
    expect(new Set(seen.map((u) => u.id)).size).toBe(PEOPLE);
    expect(Object.keys(seen[0]!).sort()).toEqual(['department', 'displayName', 'id']);
    expect(t.graph.stats().requests).toBe(Math.ceil(PEOPLE / 999));
  });

  test('the default page is 100 users with the default properties', async () => {
    const page = await t.client.api('/users').get();
    expect(page.value).toHaveLength(100);
    expect(page['@odata.nextLink']).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/users\?/);
    expect(Object.keys(page.value[0])).toEqual(
      expect.arrayContaining(['businessPhones', 'displayName', 'mail', 'preferredLanguage', 'id']),
    );
    expect(page.value[0]).not.toHaveProperty('department');
  });

  test('$top above 999 and unknown properties are refused as Graph does', async () => {
    const tooMany = await graphError(t.client.api('/users').top(1000).get());
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.code).toBe('Request_BadRequest');
    const unknown = await graphError(t.client.api('/users').select('shoeSize').get());
    expect(unknown.message).toContain("Could not find a property named 'shoeSize'");
  });

  test('$filter on common properties; $count needs ConsistencyLevel eventual', async () => {
    const ventas = await t.client
      .api('/users')
      .filter("department eq 'Ventas' and startswith(displayName,'Persona 0001')")
      .select('id,department')
      .top(999)
      .get();
    expect(ventas.value.length).toBeGreaterThan(0);
    expect(ventas.value.every((u: { department: string }) => u.department === 'Ventas')).toBe(true);

    const refused = await graphError(t.client.api('/users').count(true).get());
    expect(refused.statusCode).toBe(400);
    const counted = await t.client
      .api('/users')
      .header('ConsistencyLevel', 'eventual')
      .count(true)
      .filter("department ne 'Ventas'")
      .top(1)
      .get();
    const expected = treeOrganisation(PEOPLE).filter((p) => p.department !== 'Ventas').length;
    expect(counted['@odata.count']).toBe(expected);
    const total = await t.client.api('/users/$count').header('ConsistencyLevel', 'eventual').get();
    expect(Number(total)).toBe(PEOPLE);
  });

  test('manager, directReports and the whole chain with $expand=manager($levels=max)', async () => {
    const people = treeOrganisation(PEOPLE);
    const deep = people.at(-1)!;
    const manager = await t.client.api(`/users/${deep.id}/manager`).get();
    expect(manager['@odata.type']).toBe('#microsoft.graph.user');
    expect(manager.id).toBe(deep.managerId);

    const ceo = people[0]!;
    const none = await graphError(t.client.api(`/users/${ceo.id}/manager`).get());
    expect(none.statusCode).toBe(404);
    expect(none.code).toBe('Request_ResourceNotFound');

    const reports = await t.client.api(`/users/${ceo.id}/directReports`).get();
    expect(reports.value.map((r: { id: string }) => r.id)).toEqual(
      people.filter((p) => p.managerId === ceo.id).map((p) => p.id),
    );

    const withChain = await t.client
      .api(`/users/${deep.userPrincipalName}`)
      .header('ConsistencyLevel', 'eventual')
      .expand('manager($levels=max;$select=id,displayName)')
      .select('id,displayName')
      .get();
    const chain: string[] = [];
    for (let m = withChain.manager; m; m = m.manager) chain.push(m.id);
    const expected: string[] = [];
    for (let at = deep.managerId; at; at = people.find((p) => p.id === at)!.managerId)
      expected.push(at);
    expect(chain).toEqual(expected);
    expect(chain.at(-1)).toBe(ceo.id);
  });

  test('mailbox settings give the zone and working hours, Windows or IANA names as stored', async () => {
    const people = treeOrganisation(PEOPLE);
    const mexico = people[5]!;
    const settings = await t.client.api(`/users/${mexico.id}/mailboxSettings`).get();
    expect(settings.timeZone).toBe('Central Standard Time (Mexico)');
    expect(settings.workingHours).toEqual(mexico.mailboxSettings.workingHours);
    const madrid = await t.client.api(`/users/${people[1]!.id}/mailboxSettings`).get();
    expect(madrid.timeZone).toBe('Europe/Madrid');
  });
});

describe('tokens and permissions', () => {
  test('no token and a token for another audience get 401 InvalidAuthenticationToken', async () => {
    const anonymous = await fetch(`${t.graph.serviceRoot}/users`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('InvalidAuthenticationToken');
    const wrongAudience = await t.issuer.sign({
      aud: 'api://someone-else',
      roles: ['User.Read.All'],
    });
    const refused = await fetch(`${t.graph.serviceRoot}/users`, {
      headers: { authorization: `Bearer ${wrongAudience}` },
    });
    expect(refused.status).toBe(401);
    const body = await refused.json();
    expect(body.error.innerError['request-id']).toEqual(expect.any(String));
  });

  test('an app without the permission gets 403 with Graph error codes', async () => {
    const calendarsOnly = t.clientWith(['Calendars.ReadWrite']);
    const directory = await graphError(calendarsOnly.api('/users').get());
    expect(directory.statusCode).toBe(403);
    expect(directory.code).toBe('Authorization_RequestDenied');
    const mailbox = await graphError(
      calendarsOnly.api(`/users/${treeOrganisation(1)[0]!.id}/mailboxSettings`).get(),
    );
    expect(mailbox.statusCode).toBe(403);
    expect(mailbox.code).toBe('ErrorAccessDenied');
  });
});

describe('throttling, faults and $batch', () => {
  test('the RetryHandler honours 429 + Retry-After and the call succeeds', async () => {
    await control('PUT', '/faults', [
      { kind: '429', pathPrefix: '/users/$count', times: 2, retryAfterSeconds: 0.05 },
    ]);
    t.graph.resetStats();
    const total = await t.client.api('/users/$count').header('ConsistencyLevel', 'eventual').get();
    expect(Number(total)).toBe(PEOPLE);
    const stats = t.graph.stats();
    expect(stats.requests).toBe(3);
    expect(stats.throttled).toBe(2);
    await control('DELETE', '/faults');
  });

  test('a 503 is retried; a cut connection is retried for safe requests, then surfaces', async () => {
    await control('PUT', '/faults', [
      { kind: '503', pathPrefix: '/users/$count', times: 1, retryAfterSeconds: 0.05 },
    ]);
    const total = await t.client.api('/users/$count').header('ConsistencyLevel', 'eventual').get();
    expect(Number(total)).toBe(PEOPLE);
    t.graph.resetStats();
    await control('PUT', '/faults', [{ kind: 'drop', pathPrefix: '/users/$count', times: 2 }]);
    const again = await t.client.api('/users/$count').header('ConsistencyLevel', 'eventual').get();
    expect(Number(again)).toBe(PEOPLE);
    expect(t.graph.stats().requests).toBe(3);
    await control('PUT', '/faults', [{ kind: 'drop', pathPrefix: '/users/$count' }]);
    await expect(
      t.client.api('/users/$count').header('ConsistencyLevel', 'eventual').get(),
    ).rejects.toThrow();
    await control('DELETE', '/faults');
  });

  test('$batch runs 20 requests with dependsOn; on one mailbox most get their own 429', async () => {
    const people = treeOrganisation(30);
    const requests = people.slice(0, 20).map((p, i) => ({
      id: String(i + 1),
      request: new Request(`${t.graph.serviceRoot}/users/${p.id}/mailboxSettings`, {
        method: 'GET',
      }),
      ...(i > 0 ? { dependsOn: ['1'] } : {}),
    }));
    const content = new BatchRequestContent(requests);
    const response = new BatchResponseContent(
      await t.client.api('/$batch').post(await content.getContent()),
    );
    const statuses = [...response.getResponses().values()].map((r) => r.status);
    expect(statuses).toHaveLength(20);
    expect(statuses.every((s) => s === 200)).toBe(true);

    const sameMailbox = Array.from({ length: 20 }, (_, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: `/users/${people[3]!.id}/mailboxSettings`,
    }));
    const crowded = await t.client.api('/$batch').post({ requests: sameMailbox });
    const throttled = crowded.responses.filter((r: { status: number }) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(
      crowded.responses.filter((r: { status: number }) => r.status === 200).length,
    ).toBeGreaterThanOrEqual(4);
    expect(throttled[0].headers['Retry-After']).toEqual(expect.any(String));
    expect(throttled[0].body.error.code).toBe('ApplicationThrottled');
  });

  test('$batch refuses more than 20 requests and duplicate ids; a failed dependency gives 424', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/users',
    }));
    expect((await graphError(t.client.api('/$batch').post({ requests: many }))).statusCode).toBe(
      400,
    );
    const twice = [
      { id: '1', method: 'GET', url: '/users' },
      { id: '1', method: 'GET', url: '/users' },
    ];
    expect((await graphError(t.client.api('/$batch').post({ requests: twice }))).statusCode).toBe(
      400,
    );
    const chained = await t.client.api('/$batch').post({
      requests: [
        { id: '1', method: 'GET', url: '/users/nobody@contoso.test' },
        { id: '2', method: 'GET', url: '/users?$top=1', dependsOn: ['1'] },
      ],
    });
    const byId = Object.fromEntries(
      chained.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
    );
    expect(byId).toEqual({ '1': 404, '2': 424 });
  });
});
