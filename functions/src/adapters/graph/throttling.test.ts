import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, shortWaitsOnly, throttledFor } from './throttling';

const headers = (value?: string) =>
  new Headers(value === undefined ? {} : { 'Retry-After': value });

function graphError(status: number, retryAfter?: string): GraphError {
  const error = new GraphError(status, 'refused');
  error.headers = headers(retryAfter);
  return error;
}

describe('Graph throttling', () => {
  it('reads Retry-After as seconds, fractions rounded up, or as an HTTP date', () => {
    expect(retryAfterSeconds(headers('120'))).toBe(120);
    expect(retryAfterSeconds(headers('2.128'))).toBe(3);
    const now = Date.parse('2026-12-03T09:00:00Z');
    expect(retryAfterSeconds(headers('Thu, 03 Dec 2026 09:01:30 GMT'), now)).toBe(90);
    expect(retryAfterSeconds(headers('Thu, 03 Dec 2026 08:59:00 GMT'), now)).toBe(0);
    expect(retryAfterSeconds(headers())).toBeUndefined();
    expect(retryAfterSeconds(headers('soon'))).toBeUndefined();
    expect(retryAfterSeconds(undefined)).toBeUndefined();
  });

  it('sleeps in place only through waits up to the limit', () => {
    const shouldRetry = shortWaitsOnly(30);
    const response = (value?: string) => ({ headers: headers(value) });
    expect(shouldRetry(3, 0, '', {}, response('30'))).toBe(true);
    expect(shouldRetry(3, 0, '', {}, response('31'))).toBe(false);
    expect(shouldRetry(3, 0, '', {}, response())).toBe(true); // no advice: the SDK's backoff
  });

  it('tells Graph throttling from other failures', () => {
    expect(throttledFor(graphError(429, '120'))).toBe(120);
    expect(throttledFor(graphError(429))).toBe(60);
    expect(throttledFor(graphError(503, '45'))).toBe(45);
    expect(throttledFor(graphError(503))).toBeUndefined();
    expect(throttledFor(graphError(404, '10'))).toBeUndefined();
    expect(throttledFor(new Error('429'))).toBeUndefined();
  });
});
