import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, ORGANISER, startLocalStack } from '../sim/stack';
import { ensureLocalTls } from '../sim/tls/local-tls';

/**
 * `TANDEM_GRAPH_URL` (the stack's `graphUrl`, `npm start`'s environment) points the real backend at
 * any Graph endpoint, here a bare HTTPS recorder on loopback instead of the bundled simulator: the
 * backend's calls, with their tokens for the cloud's Graph scope, arrive there.
 */
let stack: LocalStack;
let server: Server;
const seen: { method: string; url: string; audience: unknown }[] = [];
const port = () => (server.address() as AddressInfo).port;

beforeAll(async () => {
  const tls = await ensureLocalTls();
  server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const claims = token
      ? JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())
      : {};
    seen.push({ method: req.method ?? '', url: req.url ?? '', audience: claims.aud });
    res.writeHead(200, { 'content-type': 'application/json' });
    // Enough for a delta round (no one) and a calendar read.
    res.end(
      JSON.stringify({
        id: 'calendar',
        value: [],
        '@odata.deltaLink': `https://localhost:${port()}/v1.0/users/delta?$deltatoken=1`,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stack = await startLocalStack({ graphUrl: `https://localhost:${port()}` });
});
afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('TANDEM_GRAPH_URL', () => {
  it('sends the backend to that endpoint, with tokens for https://graph.microsoft.com', async () => {
    stack.graph.resetStats();
    const health = await fetch(`${stack.url}/api/health`);
    expect(((await health.json()) as { graph: string }).graph).toBe('ok');
    const calendarRead = seen.find(
      (r) =>
        r.method === 'GET' &&
        r.url.startsWith(`/v1.0/users/${encodeURIComponent(ORGANISER.userPrincipalName)}/calendar`),
    );
    expect(calendarRead).toBeDefined();
    expect(seen.some((r) => r.url.startsWith('/v1.0/users/delta'))).toBe(true);
    expect(new Set(seen.map((r) => r.audience))).toEqual(new Set(['https://graph.microsoft.com']));
    // The bundled simulator was not asked.
    expect(stack.graph.stats().requests).toBe(0);
  });
});
