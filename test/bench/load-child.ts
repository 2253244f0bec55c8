import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { closedLoop, type Turn } from './closed-loop';

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

function once(client: number, turn: number): Promise<Turn> {
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

const phase = (durationMs: number) => closedLoop(input.concurrency, durationMs, once);

await phase(input.warmupMs ?? 500);
process.stdout.write(`${JSON.stringify(await phase(input.durationMs))}\n`);
agent.destroy();
