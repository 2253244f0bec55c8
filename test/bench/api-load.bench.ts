import { startLocalStack } from '../sim/stack';
import { type LoadResult, runLoad, runStorageFloor } from './load';
import { median } from './median';
import type { BenchRow } from './run';

const USERS = 200;
const ROUNDS = 3;
const ROUTES = ['/api/me', '/api/programmes', '/api/applications/me'];

/**
 * The API under 200 concurrent users, each with their own token, going through what the tab's
 * home page asks (who am I, the programmes I may join, my applications), against two anchors
 * measured in the same run at the same concurrency: the same host's anonymous empty route (the
 * API's whole cost), and the storage floor — the Table Storage reads those routes need, sent
 * straight to the same Azurite by a client of its own (storage-floor-child.ts), so that "storage is
 * the bottleneck" is a measurement: the API should stay within 2× of it at p95.
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
    // Three rounds, the three runs taking turns (the order reversed every other round): on a shared
    // machine, other work then weighs on each of them alike, and each figure is the median round.
    const common = { concurrency: USERS, durationMs: 3000, warmupMs: 1000 };
    const floorRun = async (programmeListInMemory: boolean) => {
      const floor = await runStorageFloor({
        ...common,
        connectionString: stack.storage.connectionString,
        personIds: people.map((p) => p.id),
        routes: ROUTES,
        programmeListInMemory,
      });
      if (floor.statuses.ok !== floor.requests) {
        throw new Error(`The storage floor answered ${JSON.stringify(floor.statuses)}`);
      }
      return floor;
    };
    const runs: Record<'empty' | 'floor' | 'floorNow' | 'api', () => Promise<LoadResult>> = {
      empty: () => runLoad({ ...common, url: `${stack.url}/api/ping` }),
      floor: () => floorRun(false),
      floorNow: () => floorRun(true),
      api: async () => {
        const api = await runLoad({
          ...common,
          url: `${stack.url}/api/me`,
          paths: ROUTES,
          clients,
        });
        const ok = api.statuses['200'] ?? 0;
        if (ok !== api.requests)
          throw new Error(`The API answered ${JSON.stringify(api.statuses)}`);
        return api;
      },
    };
    const rounds: Record<keyof typeof runs, LoadResult[]> = {
      empty: [],
      floor: [],
      floorNow: [],
      api: [],
    };
    const order = Object.keys(runs) as (keyof typeof runs)[];
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of round % 2 ? [...order].reverse() : order) {
        rounds[name].push(await runs[name]());
      }
    }
    const mid = (name: keyof typeof runs) => {
      const all = rounds[name];
      const of = (key: 'perSecond' | 'p50' | 'p95' | 'p99') => median(all.map((r) => r[key]));
      return { perSecond: of('perSecond'), p50: of('p50'), p95: of('p95'), p99: of('p99') };
    };
    const [empty, floor, floorNow, api] = [mid('empty'), mid('floor'), mid('floorNow'), mid('api')];
    if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(rounds, null, 1));
    return [
      {
        bench: 'api-load',
        metric: `${USERS} users: /api/me, /api/programmes, /api/applications/me`,
        value: api.perSecond,
        unit: 'req/s',
        reference: { label: 'empty route, same host', value: empty.perSecond },
        ratio: api.perSecond / empty.perSecond,
        note: `${USERS} tokens, keep-alive; median of ${ROUNDS} rounds of 3 s taking turns with the anchors`,
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
      {
        bench: 'api-load',
        metric: `${USERS} users p95 latency, against storage`,
        value: api.p95,
        unit: 'ms',
        reference: { label: 'storage floor p95', value: floor.p95 },
        ratio: api.p95 / floor.p95,
        note: `target ratio ≤ 2; floor: the routes' Table Storage reads with nothing in memory (programme list; application point reads; pair membership from matching on), sent straight to Azurite, same ${USERS} clients, ${floor.perSecond.toFixed(0)} turns/s, p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms`,
      },
      {
        bench: 'api-load',
        metric: `${USERS} users p95 latency, against the reads it sends`,
        value: api.p95,
        unit: 'ms',
        reference: { label: 'its reads straight to storage, p95', value: floorNow.p95 },
        ratio: api.p95 / floorNow.p95,
        note: `the API's own cost over the reads it still sends (programme list from memory, as the API keeps it), ${floorNow.perSecond.toFixed(0)} turns/s, p50 ${floorNow.p50.toFixed(1)} ms`,
      },
    ];
  } finally {
    await stack.close();
  }
}
