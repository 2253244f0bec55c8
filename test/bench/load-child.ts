import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/**
 * A closed-loop HTTP load generator, run as its own process so it does not share the server's event
 * loop. Input (a JSON file named by argv[2]): url, headers, concurrency, durationMs. Output: one
 * JSON line.
 */
interface LoadInput {
  url: string;
  /** Paths (on the url's origin) each client goes through in turn; default: the url's own. */
  paths?: string[];
  /** Per-client headers (client i uses entry i modulo the length): many users, one token each. */
  clients?: { headers: Record<string, string> }[];
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
}

const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadInput;
const target = new URL(input.url);
const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency });

function once(client: number, turn: number): Promise<{ status: number; ms: number }> {
  const paths = input.paths ?? [target.pathname + target.search];
  const headers = input.clients?.[client % input.clients.length]?.headers ?? input.headers;
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: paths[turn % paths.length],
        method: input.method ?? 'GET',
        headers,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(input.body);
  });
}

async function phase(durationMs: number) {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const end = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: input.concurrency }, async (_, client) => {
      for (let turn = client; performance.now() < end; turn++) {
        const r = await once(client, turn);
        latencies.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    statuses,
  };
}

await phase(input.warmupMs ?? 500);
process.stdout.write(`${JSON.stringify(await phase(input.durationMs))}\n`);
agent.destroy();
