import { startLocalStack } from '../sim/stack';
import { runLoad } from './load';
import type { BenchRow } from './run';

const USERS = 200;

/**
 * The API under 200 concurrent users, each with their own token, going through what the tab's
 * home page asks (who am I, the programmes I may join, my applications), against the same host's
 * anonymous empty route at the same concurrency: the ratio is the API's own cost.
 */
export default async function bench(): Promise<BenchRow[]> {
  const stack = await startLocalStack();
  try {
    const people = stack.people.slice(0, USERS);
    if (people.length < USERS) throw new Error(`Only ${people.length} people to sign in`);
    const clients = await Promise.all(
      people.map(async (p) => ({
        headers: { authorization: `Bearer ${await stack.issuer.userToken(p.id)}` },
      })),
    );
    // Some programmes to list, as in a running organisation.
    const hr = stack.people.find((p) => p.roles.includes('Tandem.Admin'))!;
    const hrToken = await stack.issuer.userToken(hr.id);
    for (const kind of ['classic', 'reverse', 'executive']) {
      const created = await fetch(`${stack.url}/api/programmes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${hrToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind }),
      });
      const body = (await created.json()) as { id: string; etag: string };
      await fetch(`${stack.url}/api/programmes/${body.id}/status`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${hrToken}`,
          'content-type': 'application/json',
          'if-match': body.etag,
        },
        body: JSON.stringify({ status: 'open' }),
      });
    }
    const common = { concurrency: USERS, durationMs: 5000, warmupMs: 1000 };
    const empty = await runLoad({ ...common, url: `${stack.url}/api/ping` });
    const api = await runLoad({
      ...common,
      url: `${stack.url}/api/me`,
      paths: ['/api/me', '/api/programmes', '/api/applications/me'],
      clients,
    });
    const ok = api.statuses['200'] ?? 0;
    if (ok !== api.requests) throw new Error(`The API answered ${JSON.stringify(api.statuses)}`);
    return [
      {
        bench: 'api-load',
        metric: `${USERS} users: /api/me, /api/programmes, /api/applications/me`,
        value: api.perSecond,
        unit: 'req/s',
        reference: { label: 'empty route, same host', value: empty.perSecond },
        ratio: api.perSecond / empty.perSecond,
        note: `${USERS} tokens, keep-alive, 5 s; programmes and applications read from Table Storage (Azurite)`,
      },
      {
        bench: 'api-load',
        metric: `${USERS} users p95 latency`,
        value: api.p95,
        unit: 'ms',
        reference: { label: 'empty route p95', value: empty.p95 },
        ratio: api.p95 / empty.p95,
        note: `p50 ${api.p50.toFixed(1)} ms, p99 ${api.p99.toFixed(1)} ms`,
      },
    ];
  } finally {
    await stack.close();
  }
}
