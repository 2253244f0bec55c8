/** What one turn of a client's loop reports: its status (HTTP code, or "ok") and how long it took. */
export interface Turn {
  status: string | number;
  ms: number;
}

export interface LoopResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
}

/**
 * `concurrency` clients, each running `turn` again and again for `durationMs` (closed loop: a
 * client sends its next turn when the last one answered). Latencies are per turn.
 */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  turn: (client: number, turn: number) => Promise<Turn>,
): Promise<LoopResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const end = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      for (let n = client; performance.now() < end; n++) {
        const r = await turn(client, n);
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
