import { GraphError } from '@microsoft/microsoft-graph-client';

/**
 * Graph asks a client to wait with 429 (or 503) and a Retry-After header, in seconds
 * (https://learn.microsoft.com/graph/throttling, "Best practices to handle throttling"). Outlook's
 * limits are per app per mailbox (https://learn.microsoft.com/graph/throttling-limits, Outlook
 * service limits), so a long wait is normal under load. The SDK's RetryHandler sleeps for it
 * (capped at 180 s) and gives up after its retries: in a queue-triggered function that holds the
 * worker and ends in a failed booking. Tandem sleeps only for short waits and hands long ones
 * back: the queue keeps the message for the wait, an HTTP route answers 503 with Retry-After.
 */

/** Retry-After in seconds (a number, or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterSeconds(
  headers: { get(name: string): string | null } | undefined,
  now = Date.now(),
): number | undefined {
  const value = headers?.get('Retry-After');
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(value.trim())
    ? Number(value)
    : (Date.parse(value) - now) / 1000;
  if (!Number.isFinite(seconds)) return undefined;
  return Math.max(0, Math.ceil(seconds));
}

/** The RetryHandler's shouldRetry: sleep in place only when Graph's wait is short. */
export function shortWaitsOnly(maxWaitSeconds: number) {
  return (
    _delay: number,
    _attempt: number,
    _request: unknown,
    _options: unknown,
    response: { headers?: { get(name: string): string | null } } | undefined,
  ): boolean => {
    const wait = retryAfterSeconds(response?.headers);
    return wait === undefined || wait <= maxWaitSeconds;
  };
}

/**
 * How long Graph asked to wait, when `error` is Graph throttling (429, or 503 with Retry-After),
 * else undefined. Without a header Graph still means "back off": a minute.
 */
export function throttledFor(error: unknown): number | undefined {
  if (!(error instanceof GraphError)) return undefined;
  const wait = retryAfterSeconds(error.headers);
  if (error.statusCode === 429) return wait ?? 60;
  if (error.statusCode === 503 && wait !== undefined) return wait;
  return undefined;
}
