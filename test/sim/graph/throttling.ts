import { GraphError } from './router';

/**
 * Graph's throttling, as documented for the services Tandem calls: Outlook allows 4 concurrent
 * requests and 10,000 requests per 10 minutes per app and mailbox; every app also has a request
 * rate per tenant. Over a limit, Graph answers 429 with `Retry-After` (seconds).
 */
export interface ThrottlingLimits {
  mailboxConcurrency: number;
  mailboxRequestsPer10Minutes: number;
  /** Requests per second per app across the tenant (a token bucket of one second's burst). */
  appRequestsPerSecond: number;
  /** The Retry-After the simulator advises, in seconds (Graph sends values such as 2.128). */
  retryAfterSeconds: number;
}

export const DEFAULT_LIMITS: ThrottlingLimits = {
  mailboxConcurrency: 4,
  mailboxRequestsPer10Minutes: 10_000,
  appRequestsPerSecond: 2_000,
  retryAfterSeconds: 2,
};

const TEN_MINUTES = 600_000;

export function tooManyRequests(message: string, retryAfterSeconds: number): GraphError {
  return new GraphError(429, 'TooManyRequests', message, {
    'Retry-After': String(retryAfterSeconds),
  });
}

export class Throttling {
  limits: ThrottlingLimits = { ...DEFAULT_LIMITS };
  private readonly inFlight = new Map<string, number>();
  private readonly windows = new Map<string, number[]>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  throttled = 0;

  /**
   * Admits a request or throws the 429. Returns the release to call when the request finishes
   * (mailbox concurrency counts requests in progress).
   */
  admit(appId: string, mailbox: string | undefined, nowMs: number): () => void {
    const bucket = this.buckets.get(appId) ?? {
      tokens: this.limits.appRequestsPerSecond,
      at: nowMs,
    };
    bucket.tokens = Math.min(
      this.limits.appRequestsPerSecond,
      bucket.tokens + ((nowMs - bucket.at) / 1000) * this.limits.appRequestsPerSecond,
    );
    bucket.at = nowMs;
    this.buckets.set(appId, bucket);
    if (bucket.tokens < 1) {
      this.throttled++;
      throw tooManyRequests('Please retry again later.', this.limits.retryAfterSeconds);
    }
    if (!mailbox) {
      bucket.tokens -= 1;
      return () => {};
    }
    const key = `${appId}|${mailbox.toLowerCase()}`;
    const running = this.inFlight.get(key) ?? 0;
    if (running >= this.limits.mailboxConcurrency) {
      this.throttled++;
      throw new GraphError(
        429,
        'ApplicationThrottled',
        'Application is over its MailboxConcurrency limit.',
        { 'Retry-After': String(this.limits.retryAfterSeconds) },
      );
    }
    const window = (this.windows.get(key) ?? []).filter((t) => nowMs - t < TEN_MINUTES);
    if (window.length >= this.limits.mailboxRequestsPer10Minutes) {
      this.throttled++;
      this.windows.set(key, window);
      const wait = Math.ceil((TEN_MINUTES - (nowMs - window[0]!)) / 1000);
      throw new GraphError(
        429,
        'ApplicationThrottled',
        'Application is over its MailboxRequests limit.',
        { 'Retry-After': String(Math.max(wait, this.limits.retryAfterSeconds)) },
      );
    }
    bucket.tokens -= 1;
    window.push(nowMs);
    this.windows.set(key, window);
    this.inFlight.set(key, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    };
  }

  reset(): void {
    this.inFlight.clear();
    this.windows.clear();
    this.buckets.clear();
    this.throttled = 0;
  }
}
