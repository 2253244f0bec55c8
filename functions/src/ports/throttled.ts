/**
 * Microsoft Graph asked us to wait longer than a request sleeps in place
 * (adapters/graph/throttling.ts). Not a failure: a queued job is handed back to its queue for
 * `retryAfterSeconds`, and an HTTP route answers 503 with Retry-After (code `graphBusy`).
 */
export class ThrottledError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`Microsoft Graph asked to wait ${retryAfterSeconds} s`, options);
    this.name = 'ThrottledError';
  }
}
