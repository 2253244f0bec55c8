import { startLocalStack } from '../sim/stack';
import { runLoad } from './load';
import type { BenchRow } from './run';

/**
 * `/api/me` throughput on the local host, against an anonymous empty route served by the same host
 * and pipeline: the ratio is what token validation and the handler cost per request.
 */
export default async function bench(): Promise<BenchRow[]> {
  const stack = await startLocalStack();
  try {
    const person = stack.people[0]!;
    const token = await stack.issuer.userToken(person.id);
    const common = { concurrency: 32, durationMs: 5000, warmupMs: 1000 };
    const empty = await runLoad({ ...common, url: `${stack.url}/api/ping` });
    const me = await runLoad({
      ...common,
      url: `${stack.url}/api/me`,
      headers: { authorization: `Bearer ${token}` },
    });
    const ok = me.statuses['200'] ?? 0;
    if (ok !== me.requests) throw new Error(`/api/me answered ${JSON.stringify(me.statuses)}`);
    return [
      {
        bench: 'api-me',
        metric: '/api/me throughput',
        value: me.perSecond,
        unit: 'req/s',
        reference: { label: 'empty route, same host', value: empty.perSecond },
        ratio: me.perSecond / empty.perSecond,
        note: '32 clients, 5 s, keep-alive',
      },
      {
        bench: 'api-me',
        metric: '/api/me p95 latency',
        value: me.p95,
        unit: 'ms',
        reference: { label: 'empty route p95', value: empty.p95 },
        ratio: me.p95 / empty.p95,
      },
    ];
  } finally {
    await stack.close();
  }
}
