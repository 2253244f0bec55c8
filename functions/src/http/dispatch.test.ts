import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Services } from '../ports/services';
import { ThrottledError } from '../ports/throttled';
import { StaleVersionError, TooLargeToStoreError } from '../ports/versioned';
import type { Principal, TokenValidator } from './auth';
import { type ApiRequest, createDispatcher } from './dispatch';
import { refuse } from './refusals';
import { defineRoute } from './route';
import { API_HEADERS } from './security-headers';

const employee: Principal = {
  kind: 'user',
  id: 'u1',
  tenantId: 't',
  name: 'Ana',
  username: 'ana@x',
  roles: [],
};
const admin: Principal = { ...employee, id: 'u2', roles: ['Tandem.Admin'] };
const validator: TokenValidator = async (authorization) => {
  if (authorization === 'Bearer employee') return { ok: true, principal: employee };
  if (authorization === 'Bearer admin') return { ok: true, principal: admin };
  return { ok: false, reason: 'bad token' };
};

const routes = [
  defineRoute({
    name: 'echo',
    method: 'POST',
    path: '/things/:thingId',
    access: 'employee',
    maxBodyBytes: 100,
    request: {
      params: z.object({ thingId: z.string().regex(/^t\d+$/) }),
      body: z.object({ title: z.string().min(1).max(20), count: z.number().int().min(0) }),
    },
    handler: async ({ params, body }) => ({ status: 201, body: { ...params, ...body } }),
  }),
  defineRoute({
    name: 'admin-only',
    method: 'GET',
    path: '/admin',
    access: 'admin',
    handler: async () => ({ body: { ok: true } }),
  }),
  defineRoute({
    name: 'too-large-to-store',
    method: 'POST',
    path: '/store',
    access: 'anonymous',
    handler: async () => {
      throw new TooLargeToStoreError('The application', 'answers');
    },
  }),
  defineRoute({
    name: 'throttled',
    method: 'GET',
    path: '/throttled',
    access: 'anonymous',
    handler: async () => {
      throw new ThrottledError(120);
    },
  }),
  defineRoute({
    name: 'refused-application',
    method: 'GET',
    path: '/refused/application',
    access: 'anonymous',
    // The domain's reason carries the application's own `status` ('approved'): a field the
    // problem's numeric status must win over.
    handler: async () => refuse({ code: 'notEditable', status: 'approved' }),
  }),
  defineRoute({
    name: 'refused-pair-space',
    method: 'GET',
    path: '/refused/session',
    access: 'anonymous',
    handler: async () =>
      refuse({ code: 'sessionNotHeld', index: 3, start: '2027-01-04T09:00:00Z' }),
  }),
  defineRoute({
    name: 'stale',
    method: 'GET',
    path: '/stale',
    access: 'anonymous',
    handler: async () => {
      throw new StaleVersionError('The matching');
    },
  }),
  defineRoute({
    name: 'boom',
    method: 'GET',
    path: '/boom',
    access: 'anonymous',
    handler: async () => {
      throw new Error('secret internals');
    },
  }),
];
// The pipeline under test never reaches storage: any call to it is a failure.
const unreachable = new Proxy({} as Services['programmes'], {
  get: () => () => {
    throw new Error('storage is not part of this test');
  },
});
const dispatcher = createDispatcher(routes, validator, {
  clock: { now: () => new Date(0) },
  newId: () => 'id',
  programmes: unreachable,
  applications: unreachable as unknown as Services['applications'],
  directory: unreachable as unknown as Services['directory'],
  directorySync: unreachable as unknown as Services['directorySync'],
  bookings: unreachable as unknown as Services['bookings'],
  sessions: unreachable as unknown as Services['sessions'],
  outbox: unreachable as unknown as Services['outbox'],
  matchings: unreachable as unknown as Services['matchings'],
  pairs: unreachable as unknown as Services['pairs'],
  pairSpace: unreachable as unknown as Services['pairSpace'],
  bookingQueue: unreachable as unknown as Services['bookingQueue'],
  health: unreachable as unknown as Services['health'],
  calendarNotifications: unreachable as unknown as Services['calendarNotifications'],
});

function request(
  method: string,
  path: string,
  init: { token?: string; body?: string; type?: string } = {},
): ApiRequest {
  const headers = new Headers();
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body !== undefined) headers.set('content-type', init.type ?? 'application/json');
  return {
    method,
    url: new URL(`http://h${path}`),
    headers,
    body: init.body === undefined ? undefined : Buffer.from(init.body),
  };
}

describe('the request pipeline', () => {
  it('matches path parameters and passes parsed input to the handler', async () => {
    const r = await dispatcher.handle(
      request('POST', '/api/things/t7', { token: 'employee', body: '{"title":"a","count":2}' }),
    );
    expect(r.status).toBe(201);
    expect(JSON.parse(r.body)).toEqual({ thingId: 't7', title: 'a', count: 2 });
  });

  it('names every invalid field with its path', async () => {
    const r = await dispatcher.handle(
      request('POST', '/api/things/x', { token: 'employee', body: '{"title":"","count":-1}' }),
    );
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toBe('application/problem+json');
    const paths = (JSON.parse(r.body) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths.sort()).toEqual(['body.count', 'body.title', 'params.thingId']);
  });

  it('refuses malformed JSON, other media types and oversized bodies', async () => {
    const bad = await dispatcher.handle(
      request('POST', '/api/things/t1', { token: 'employee', body: '{"title":' }),
    );
    expect(bad.status).toBe(400);
    const text = await dispatcher.handle(
      request('POST', '/api/things/t1', { token: 'employee', body: 'x', type: 'text/plain' }),
    );
    expect(text.status).toBe(415);
    const big = await dispatcher.handle(
      request('POST', '/api/things/t1', {
        token: 'employee',
        body: JSON.stringify({ title: 'a'.repeat(200), count: 1 }),
      }),
    );
    expect(big.status).toBe(413);
  });

  it('answers 401 without a valid token and 403 without the role', async () => {
    expect((await dispatcher.handle(request('GET', '/api/admin'))).status).toBe(401);
    expect((await dispatcher.handle(request('GET', '/api/admin', { token: 'nope' }))).status).toBe(
      401,
    );
    expect(
      (await dispatcher.handle(request('GET', '/api/admin', { token: 'employee' }))).status,
    ).toBe(403);
    expect((await dispatcher.handle(request('GET', '/api/admin', { token: 'admin' }))).status).toBe(
      200,
    );
  });

  it('hides internal errors behind a 500 problem', async () => {
    const r = await dispatcher.handle(request('GET', '/api/boom'));
    expect(r.status).toBe(500);
    expect(r.body).not.toContain('secret internals');
  });

  it('answers Graph throttling with 503, Retry-After and a code the tab translates', async () => {
    const r = await dispatcher.handle(request('GET', '/api/throttled'));
    expect(r.status).toBe(503);
    expect(r.headers['retry-after']).toBe('120');
    expect(JSON.parse(r.body as string)).toMatchObject({
      code: 'graphBusy',
      retryAfterSeconds: 120,
    });
  });

  it('answers a refusal with the registry’s status and words, its code and its fields', async () => {
    const app = await dispatcher.handle(request('GET', '/api/refused/application'));
    expect(app.status).toBe(409);
    expect(app.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(app.body)).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'This application can no longer be changed.',
      code: 'notEditable',
    });
    const session = await dispatcher.handle(request('GET', '/api/refused/session'));
    expect(JSON.parse(session.body)).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Feedback opens when the session starts.',
      code: 'sessionNotHeld',
      index: 3,
      start: '2027-01-04T09:00:00Z',
    });
  });

  it('answers a stale write with 412 naming what changed', async () => {
    const r = await dispatcher.handle(request('GET', '/api/stale'));
    expect(r.status).toBe(412);
    expect(JSON.parse(r.body).detail).toBe(
      'The matching changed since you read it. Reload and try again.',
    );
  });

  it('answers 413 naming the field when an entity could never be stored', async () => {
    const r = await dispatcher.handle(request('POST', '/api/store'));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({
      status: 413,
      field: 'answers',
      errors: [{ path: 'body.answers' }],
    });
  });

  it('sends the browser headers on every response, and Allow on 405', async () => {
    const responses = await Promise.all([
      dispatcher.handle(request('GET', '/api/admin', { token: 'admin' })),
      dispatcher.handle(request('GET', '/api/admin')),
      dispatcher.handle(request('GET', '/api/boom')),
      dispatcher.handle(request('GET', '/api/nowhere')),
      dispatcher.handle(request('DELETE', '/api/things/t1')),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 401, 500, 404, 405]);
    for (const r of responses) expect(r.headers).toMatchObject(API_HEADERS);
    expect(responses[4]!.headers.allow).toBe('POST');
  });

  it('answers malformed percent-encoding in a parameter with 400, not a URIError', async () => {
    const r = await dispatcher.handle(
      request('POST', '/api/things/%E0%A4%A', { token: 'employee', body: '{}' }),
    );
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).errors).toEqual([
      { path: 'params.thingId', message: 'Malformed percent-encoding' },
    ]);
  });
});
