import { describe, expect, it } from 'vitest';
import { HEALTH_TTL_MS } from '../../functions/src/domain/health';
import { DEMO_API_CLIENT_ID } from '../sim/stack';
import { localStackForFile } from './stack-for-file';

/**
 * `GET /api/health` against Azurite and the Graph simulator: Tandem's app as production grants it
 * (Exchange RBAC on the organiser mailbox), then with that assignment gone (Graph refuses), Graph
 * failing, and storage stopped. Each change waits out the 30 s cache on the stack's clock.
 */
const { stack } = localStackForFile();

async function health() {
  const response = await fetch(`${stack.url}/api/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The next answer is a new check, not the cached one. */
const expireCache = () => stack.clock.advance(HEALTH_TTL_MS);

async function simControl(method: string, path: string, body?: unknown) {
  const response = await fetch(`${stack.graph.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
}

describe('GET /api/health', () => {
  it('answers 200 with storage and Graph ok, names only in the body', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', storage: 'ok', graph: 'ok' });
    expect(Object.keys(body).sort()).toEqual(['graph', 'status', 'storage', 'time']);
  });

  it('reuses its answer for 30 s: Graph is asked once', async () => {
    expireCache();
    await health();
    stack.graph.resetStats();
    for (let i = 0; i < 5; i++) expect((await health()).status).toBe(200);
    expect(stack.graph.stats().requests).toBe(0);
  });

  it('says refused (503) while the mailbox scope is not granted, ok again once it is', async () => {
    const saved = stack.graph.tenant.exchangeRbac.list(DEMO_API_CLIENT_ID);
    await simControl('DELETE', `/_sim/exchange-rbac/${DEMO_API_CLIENT_ID}`);
    try {
      expireCache();
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'unhealthy', storage: 'ok', graph: 'refused' });
      expect(JSON.stringify(body)).not.toMatch(/ErrorAccessDenied|Access is denied|at /);
    } finally {
      for (const a of saved) {
        await simControl('PUT', `/_sim/exchange-rbac/${DEMO_API_CLIENT_ID}`, a);
      }
    }
    expireCache();
    expect((await health()).body).toMatchObject({ graph: 'ok' });
  });

  it('says unreachable (503) when Graph answers 503, without waiting out retries', async () => {
    stack.graph.faults.set([{ kind: '503', pathPrefix: '/users/' }]);
    try {
      expireCache();
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body).toMatchObject({ storage: 'ok', graph: 'unreachable' });
    } finally {
      stack.graph.faults.clear();
    }
  });

  it('says storage down (503) when Table Storage is gone', async () => {
    await stack.storage.stop();
    expireCache();
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'unhealthy', storage: 'down', graph: 'ok' });
  });
});
