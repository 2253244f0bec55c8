import { describe, expect, it } from 'vitest';
import type { GraphHealth, HealthProbes, StorageHealth } from '../../ports/health';
import { cachedHealthCheck, HEALTH_TTL_MS, isHealthy } from './health-check';

function probes(state: { storage: StorageHealth; graph: GraphHealth }) {
  const calls = { storage: 0, graph: 0 };
  const p: HealthProbes = {
    storage: async () => {
      calls.storage++;
      return state.storage;
    },
    graph: async () => {
      calls.graph++;
      return state.graph;
    },
  };
  return { p, calls };
}

describe('cachedHealthCheck', () => {
  it('reuses an answer inside the TTL and asks again after it', async () => {
    const state = { storage: 'ok' as StorageHealth, graph: 'ok' as GraphHealth };
    const { p, calls } = probes(state);
    let now = 1_000_000;
    const health = cachedHealthCheck(p, () => new Date(now));
    expect(await health.check()).toEqual({ storage: 'ok', graph: 'ok' });
    state.graph = 'refused';
    now += HEALTH_TTL_MS - 1;
    expect(await health.check()).toEqual({ storage: 'ok', graph: 'ok' });
    expect(calls).toEqual({ storage: 1, graph: 1 });
    now += 1;
    expect(await health.check()).toEqual({ storage: 'ok', graph: 'refused' });
    expect(calls).toEqual({ storage: 2, graph: 2 });
  });

  it('shares one check between concurrent callers', async () => {
    const { p, calls } = probes({ storage: 'ok', graph: 'ok' });
    const health = cachedHealthCheck(p, () => new Date(0));
    await Promise.all([health.check(), health.check(), health.check()]);
    expect(calls).toEqual({ storage: 1, graph: 1 });
  });

  it('asks again when the clock moves back', async () => {
    const { p, calls } = probes({ storage: 'ok', graph: 'ok' });
    let now = 50_000;
    const health = cachedHealthCheck(p, () => new Date(now));
    await health.check();
    now -= 1;
    await health.check();
    expect(calls.storage).toBe(2);
  });

  it('counts a probe that throws as down or unreachable', async () => {
    const health = cachedHealthCheck(
      {
        storage: () => Promise.reject(new Error('boom')),
        graph: () => Promise.reject(new Error('boom')),
      },
      () => new Date(0),
    );
    const report = await health.check();
    expect(report).toEqual({ storage: 'down', graph: 'unreachable' });
    expect(isHealthy(report)).toBe(false);
  });

  it('is healthy only when both are ok', () => {
    expect(isHealthy({ storage: 'ok', graph: 'ok' })).toBe(true);
    expect(isHealthy({ storage: 'ok', graph: 'notConfigured' })).toBe(false);
    expect(isHealthy({ storage: 'down', graph: 'ok' })).toBe(false);
  });
});
