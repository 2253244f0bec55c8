import type { HealthCheck, HealthProbes, HealthReport } from '../../ports/health';

/** A health answer is reused this long, so probes (and load balancers) never load storage or Graph. */
export const HEALTH_TTL_MS = 30_000;

export function isHealthy(report: HealthReport): boolean {
  return report.storage === 'ok' && report.graph === 'ok';
}

/**
 * Runs both probes at most once per `ttlMs` of `now()`; callers during a check share it. A probe
 * that throws counts as down/unreachable.
 */
export function cachedHealthCheck(
  probes: HealthProbes,
  now: () => Date,
  ttlMs = HEALTH_TTL_MS,
): HealthCheck {
  let last: { at: number; report: Promise<HealthReport> } | undefined;
  return {
    check() {
      const at = now().getTime();
      // A clock moved back (or forward past the TTL) asks again.
      if (last && at >= last.at && at - last.at < ttlMs) return last.report;
      const report = Promise.all([
        probes.storage().catch(() => 'down' as const),
        probes.graph().catch(() => 'unreachable' as const),
      ]).then(([storage, graph]) => ({ storage, graph }));
      last = { at, report };
      return report;
    },
  };
}
