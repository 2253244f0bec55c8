import { TableClient, TableServiceClient } from '@azure/data-tables';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../functions/src/http/route';
import { routes } from '../../functions/src/http/routes';
import { localStackForFile } from './stack-for-file';

/**
 * The whole route table against generated requests of every shape — paths from the table with
 * garbage parameters, odd encodings, queries, If-Match forms, content types, bodies of wrong types,
 * malformed or huge — as every kind of caller: never a 5xx, and a refused request (4xx) never
 * changes a stored row (every table is compared before and after).
 */

const HR = 'Lucía Fernández';
const MARTA = 'Marta Gil';
const ADVISOR = 'Elena Rivas';
/** Ids that exist, so generated requests reach handlers and stored data, not only 404s. */
let programmeId: string;
let programmeEtag: string;
let martaId: string;
const tokens: Record<string, string> = {};

const { stack, api } = localStackForFile();
beforeAll(async () => {
  martaId = stack.people.find((p) => p.displayName === MARTA)!.id;
  const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
  const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
    body: { status: 'open' },
    headers: { 'if-match': draft.body.etag },
  });
  programmeId = open.body.id;
  programmeEtag = open.body.etag;
  const applied = await api(MARTA, 'POST', `/programmes/${programmeId}/applications`, {
    body: {
      role: 'mentee',
      why: 'Negociar',
      wants: ['negotiation'],
      languages: ['es'],
      consent: true,
    },
  });
  expect(applied.status).toBe(201);
  for (const name of [HR, MARTA, ADVISOR]) {
    tokens[name] = await stack.issuer.userToken(
      stack.people.find((p) => p.displayName === name)!.id,
    );
  }
  const client = stack.issuer.registerClient({ [stack.env.TANDEM_CLIENT_ID!]: ['Tandem.Jobs'] });
  tokens.app = await stack.issuer.clientToken(client.clientId, stack.env.TANDEM_APP_ID_URI!);
  tokens.expired = await stack.issuer.userToken(martaId, { exp: 1, iat: 0, nbf: 0 });
}, 180_000);

/** Every row of every table, by its keys and ETag (a write of any kind changes the ETag). */
async function snapshot(): Promise<string[]> {
  const connectionString = stack.storage.connectionString;
  const service = TableServiceClient.fromConnectionString(connectionString, {
    allowInsecureConnection: true,
  });
  const rows: string[] = [];
  for await (const table of service.listTables()) {
    const client = TableClient.fromConnectionString(connectionString, table.name!, {
      allowInsecureConnection: true,
    });
    const entities = client.listEntities({
      queryOptions: { select: ['PartitionKey', 'RowKey'] },
    });
    for await (const e of entities)
      rows.push(`${table.name}/${e.partitionKey}/${e.rowKey}/${e.etag}`);
  }
  return rows.sort();
}

const garbageSegment = fc.oneof(
  fc.constantFrom(
    '%E0%A4%A',
    '%',
    '%ZZ',
    '%C0%AF',
    'a%2Fb',
    '..%2F..%2Fetc',
    '%00',
    '%27%20or%201%20eq%201',
    'not-a-uuid',
    '-1',
    '1e9',
    'x'.repeat(3000),
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s)),
  fc.uuid(),
);

/** A parameter: an id that exists (so handlers run), or garbage. */
const param = (name: string) =>
  fc.oneof(
    { weight: 2, arbitrary: garbageSegment },
    {
      weight: 3,
      arbitrary: fc.constant(
        name === 'programmeId'
          ? programmeId
          : name === 'personId'
            ? martaId
            : name === 'index'
              ? '0'
              : crypto.randomUUID(),
      ),
    },
  );

const pathOf = (path: string) =>
  fc
    .tuple(
      ...path
        .split('/')
        .map((segment) =>
          segment.startsWith(':') ? param(segment.slice(1)) : fc.constant(segment),
        ),
    )
    .map((segments) => segments.join('/'));

const query = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 })
    .map((q) => `?${new URLSearchParams(q)}`),
  fc.constantFrom('?%E0%A4%A=1', '?a=%', '?proposals=all&objective=%00'),
);

const ifMatch = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('*', 'garbage', 'W/"abc"', '"abc"', 'x'.repeat(6000), ' , '),
  fc.constant('etag'),
  fc.constant('strong'),
  fc.constant('list'),
  fc.string({ maxLength: 30 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom('{', '{"a":', '[1,2', 'null', '""', '{"__proto__":{"x":1}}', '\u0000', '{}'),
  fc.constant('big'),
  fc
    .record(
      {
        kind: fc.constantFrom('classic', 'x', 1),
        name: fc.oneof(fc.string(), fc.integer()),
        status: fc.constantFrom('open', 'matching', 'running', 'closed', 'x'),
        text: fc.string({ maxLength: 30 }),
        visibility: fc.constantFrom('shared', 'private'),
        locked: fc.boolean(),
        proposals: fc.oneof(fc.constant('all'), fc.array(fc.uuid(), { maxLength: 2 })),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
);

const request = fc.record({
  route: fc.constantFrom(...routes),
  otherMethod: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
  ),
  caller: fc.constantFrom(
    null,
    HR,
    HR,
    HR,
    MARTA,
    MARTA,
    MARTA,
    ADVISOR,
    'app',
    'expired',
    'garbage',
  ),
  query,
  ifMatch,
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/merge-patch+json',
    'text/plain',
    undefined,
  ),
  body,
  suffix: fc.oneof(
    { weight: 8, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('/', '//', '/extra', '/..') },
  ),
});

describe('the route table under generated requests', () => {
  it('never answers 5xx, and a refused request changes no stored row', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        request.chain((r) => fc.tuple(fc.constant(r), pathOf(r.route.path))),
        async ([r, path]) => {
          const method = r.otherMethod ?? r.route.method;
          const headers: Record<string, string> = {};
          if (r.caller === 'garbage') headers.authorization = 'Bearer not.a.token';
          else if (r.caller) headers.authorization = `Bearer ${tokens[r.caller]}`;
          if (r.ifMatch !== undefined) {
            headers['if-match'] =
              r.ifMatch === 'etag'
                ? programmeEtag
                : r.ifMatch === 'strong'
                  ? programmeEtag.replace(/^W\//, '')
                  : r.ifMatch === 'list'
                    ? `${programmeEtag}, ${programmeEtag}`
                    : r.ifMatch;
          }
          if (r.contentType) headers['content-type'] = r.contentType;
          const text = r.body === 'big' ? JSON.stringify({ text: 'x'.repeat(300_000) }) : r.body;
          const sendsBody = text !== undefined && method !== 'GET' && method !== 'OPTIONS';
          const before = await snapshot();
          const response = await fetch(`${stack.url}${API_PREFIX}${path}${r.suffix}${r.query}`, {
            method,
            headers,
            body: sendsBody ? text : undefined,
          });
          const answer = await response.text();
          seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
          const label = `${method} ${path.slice(0, 200)} → ${response.status} ${answer.slice(0, 300)}`;
          expect(response.status, label).toBeLessThan(500);
          expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
          expect(response.headers.get('cache-control'), label).toBe('no-store');
          if (response.status >= 400) expect(await snapshot(), label).toEqual(before);
        },
      ),
      { numRuns: 250 },
    );
    // The requests reached every stage of the pipeline, handlers included, not only the router.
    for (const status of [200, 400, 401, 403, 404, 405]) {
      expect(seen.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    }
  }, 600_000);
});
