import { HttpRequest } from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Services } from '../ports/services';
import { azureHttpHandler } from './azure-http';
import { type ApiRequest, createDispatcher, type Dispatcher } from './dispatch';
import { defineRoute } from './route';

// The Azure entry point as the Functions host calls it: the request's body a stream, refused
// before the dispatcher (and so before any token check) once it passes the route's limit.
const route = defineRoute({
  name: 'echo',
  method: 'POST',
  path: '/echo',
  access: 'anonymous',
  maxBodyBytes: 1_000,
  request: { body: z.object({ text: z.string() }).strict() },
  handler: async ({ body }) => ({ body }),
});

function recordingDispatcher(): Dispatcher & { seen: ApiRequest[] } {
  const inner = createDispatcher(
    [route],
    async () => ({ ok: false, reason: 'no tokens here' }),
    {} as Services,
  );
  const seen: ApiRequest[] = [];
  return {
    seen,
    maxBodyBytes: inner.maxBodyBytes,
    handle: (request) => {
      seen.push(request);
      return inner.handle(request);
    },
  };
}

/** A body that never ends: 100-byte chunks, counting how many were pulled. */
function endlessBody() {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      controller.enqueue(new Uint8Array(100).fill(0x61));
    },
  });
  return { stream, state };
}

const url = 'https://tandem.azurewebsites.net/api/echo';

describe('the Azure entry point', () => {
  it('refuses a body whose Content-Length passes the limit without reading a byte', async () => {
    const dispatcher = recordingDispatcher();
    const { stream, state } = endlessBody();
    const response = await azureHttpHandler(
      route,
      dispatcher,
    )({
      method: 'POST',
      url,
      headers: new Headers({ 'content-length': '104857600', 'content-type': 'application/json' }),
      body: stream as never,
    });
    expect(response.status).toBe(413);
    expect(response.headers).toMatchObject({
      'content-type': 'application/problem+json',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(state.pulled).toBeLessThanOrEqual(1); // a stream may pre-fill one chunk; none is read
    expect(dispatcher.seen).toHaveLength(0);
  });

  it('stops reading a streamed body without Content-Length once it passes the limit', async () => {
    const dispatcher = recordingDispatcher();
    const { stream, state } = endlessBody();
    const response = await azureHttpHandler(
      route,
      dispatcher,
    )({
      method: 'POST',
      url,
      headers: new Headers({ 'content-type': 'application/json' }),
      body: stream as never,
    });
    expect(response.status).toBe(413);
    // 1,000 bytes allowed: the 11th chunk passes it and reading stops there.
    expect(state.pulled).toBeLessThanOrEqual(12);
    expect(dispatcher.seen).toHaveLength(0);
  });

  it('passes a body within the limit to the pipeline, as the host builds the request', async () => {
    const dispatcher = recordingDispatcher();
    const request = new HttpRequest({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      body: { string: JSON.stringify({ text: 'hola' }) },
    });
    const response = await azureHttpHandler(route, dispatcher)(request);
    expect(response.status).toBe(200);
    expect(JSON.parse(String(response.body))).toEqual({ text: 'hola' });
    expect(dispatcher.seen[0]?.body?.toString('utf8')).toBe('{"text":"hola"}');
  });

  it('passes a request without a body as none', async () => {
    const dispatcher = recordingDispatcher();
    const response = await azureHttpHandler(
      route,
      dispatcher,
    )(new HttpRequest({ method: 'POST', url, headers: {} }));
    expect(response.status).toBe(400);
    expect(dispatcher.seen[0]?.body).toBeUndefined();
  });
});
