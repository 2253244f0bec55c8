/**
 * Misbehaviour on purpose: tests and benchmarks make Graph throttle, fail, slow down or drop the
 * connection, so the production code's retries and idempotency are exercised for real.
 */
/**
 * `drop` cuts the connection before the request is served; `lostResponse` serves it and then cuts
 * the connection, as a timeout after the work was done.
 */
export type FaultKind = '429' | '503' | 'latency' | 'drop' | 'lostResponse';

export interface FaultRule {
  kind: FaultKind;
  /** Only requests whose method matches (default any). */
  method?: string;
  /** Only requests whose path (below /v1.0) starts with this, case-insensitive (default any). */
  pathPrefix?: string;
  /** Let the first `after` matching requests through untouched (default 0): a fault mid-round. */
  after?: number;
  /** Apply to the next `times` matching requests, then stop (default: until cleared). */
  times?: number;
  /** Apply to each matching request with this probability (0–1, default 1), from a seeded sequence. */
  probability?: number;
  /** 429/503: the Retry-After header, seconds. */
  retryAfterSeconds?: number;
  /** latency: added delay in milliseconds. */
  latencyMs?: number;
}

export class Faults {
  private rules: (FaultRule & { used: number; passed: number })[] = [];
  private seed = 0x9e3779b9;
  injected = 0;

  set(rules: FaultRule[]): void {
    this.rules = rules.map((r) => ({ ...r, used: 0, passed: 0 }));
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, used: 0, passed: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ used: _used, passed: _passed, ...rule }) => rule);
  }

  /** A deterministic stream in [0,1): runs repeat exactly (mulberry32). */
  private random(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** The faults to apply to this request (latency first, then at most one failure). */
  pick(method: string, path: string): FaultRule[] {
    const out: FaultRule[] = [];
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.pathPrefix && !path.toLowerCase().startsWith(rule.pathPrefix.toLowerCase()))
        continue;
      if (rule.after !== undefined && rule.passed < rule.after) {
        rule.passed++;
        continue;
      }
      if (rule.times !== undefined && rule.used >= rule.times) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      const failure = (kind: FaultKind) => kind !== 'latency';
      if (failure(rule.kind) && out.some((r) => failure(r.kind))) continue;
      rule.used++;
      this.injected++;
      out.push(rule);
    }
    return out.sort((a) => (a.kind === 'latency' ? -1 : 1));
  }
}
