import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import graphPermissions from '../../../infra/graph-permissions.json';
import { type FaultRule, Faults } from './faults';
import {
  createRouter,
  type GraphCaller,
  GraphError,
  type GraphRequest,
  type GraphResponse,
  type GraphRoute,
} from './router';
import {
  DELTA_EXPIRY_FORMS,
  DELTA_QUIRKS,
  type DeltaExpiryForm,
  type DeltaQuirk,
  type SimPerson,
  type SimTenant,
} from './tenant';
import { Throttling, type ThrottlingLimits } from './throttling';

/** Graph's audiences: the resource URI (v1 tokens) and its app id. */
export const GRAPH_AUDIENCES = [
  'https://graph.microsoft.com',
  '00000003-0000-0000-c000-000000000000',
];
const MAX_BATCH = 20;
/**
 * Tandem's application permissions in a token, from the one list (infra/graph-permissions.json);
 * resource-specific consent ('rsc') is granted on each installation of the Teams app instead.
 */
export const TANDEM_APPLICATION_PERMISSIONS = graphPermissions.application
  .filter((p) => p.grantedBy !== 'rsc')
  .map((p) => p.permission);
const MAX_BODY = 4 * 1024 * 1024;

export interface GraphServerOptions {
  tenant: SimTenant;
  tls: { cert: string; key: string };
  /** Validates a Graph access token (signature, audience, expiry) and returns its claims. */
  verifyToken(token: string): Promise<Record<string, unknown>>;
  /** The resources served (directory, calendars…), given the service root for absolute links. */
  routes(serviceRoot: () => string): GraphRoute[];
  /** Extra control endpoints under /_sim (e.g. playing an attendee); undefined = not handled. */
  control?: (
    method: string,
    path: string,
    body: unknown,
  ) => GraphResponse | undefined | Promise<GraphResponse | undefined>;
  /** Mints an app-only Graph token with these application permissions (for curl and demos). */
  mintToken?(roles: string[]): Promise<string>;
  port?: number;
  /** Time a mailbox request holds its concurrency slot, so concurrent requests really overlap. */
  mailboxWorkMs?: number;
}

export interface GraphServer {
  /** `https://localhost:port` — the Graph client's baseUrl is this plus `/`. */
  url: string;
  serviceRoot: string;
  tenant: SimTenant;
  throttling: Throttling;
  faults: Faults;
  stats(): GraphStats;
  resetStats(): void;
  close(): Promise<void>;
}

export interface GraphStats {
  /** HTTP requests to /v1.0 (a `$batch` counts once). */
  requests: number;
  /** Requests inside `$batch` envelopes. */
  batchedRequests: number;
  throttled: number;
  faultsInjected: number;
  byRoute: Record<string, number>;
}

function errorBody(error: GraphError, requestId: string, clientRequestId: string | undefined) {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d+Z$/, ''),
        'request-id': requestId,
        'client-request-id': clientRequestId ?? requestId,
      },
    },
  };
}

function callerOf(claims: Record<string, unknown>): GraphCaller {
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
  const delegated = scopes.length > 0;
  return {
    appId: String(claims.appid ?? claims.azp ?? ''),
    ...(delegated && typeof claims.oid === 'string' ? { userId: claims.oid } : {}),
    roles: delegated ? [] : roles,
    scopes,
    ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp } : {}),
  };
}

/**
 * Delegated calls by their scopes; app-only calls by their roles, and a mailbox call also by an
 * Exchange RBAC assignment scoped to that mailbox (tenant.ts `appReaches`). An app whose scope
 * leaves a mailbox out gets 403 ErrorAccessDenied there
 * (https://learn.microsoft.com/en-us/exchange/permissions-online/application-rbac).
 */
function isPermitted(
  route: GraphRoute,
  caller: GraphCaller,
  tenant: SimTenant,
  mailboxId: string | undefined,
): boolean {
  if (caller.userId) return route.permissions.delegated.some((p) => caller.scopes.includes(p));
  if (route.authorize) return route.authorize(caller);
  if (route.permissions.application.some((p) => caller.roles.includes(p))) return true;
  return (
    mailboxId !== undefined && tenant.appReaches(caller, route.permissions.application, mailboxId)
  );
}

function lowerHeaders(headers: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k.toLowerCase()] = Array.isArray(v)
      ? v.join(', ')
      : v === undefined
        ? undefined
        : String(v);
  }
  return out;
}

/** `/users/a%40b.com/events` → `/users/a@b.com/events`; the query is parsed apart. */
function splitPath(raw: string): { path: string; query: URLSearchParams } {
  const url = new URL(raw, 'https://graph.local');
  const path = url.pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/')
    // Graph also accepts the key form `users('id')`.
    .replace(/\/users\('([^']+)'\)/gi, '/users/$1');
  return { path, query: url.searchParams };
}

/**
 * The Graph simulator's HTTPS front: tokens and permissions, throttling, fault injection,
 * `$batch`, control endpoints; resources are GraphRoute lists.
 */
export async function startGraphServer(options: GraphServerOptions): Promise<GraphServer> {
  const throttling = new Throttling();
  const faults = new Faults();
  let url = '';
  const serviceRoot = () => `${url}/v1.0`;
  const router = createRouter(options.routes(serviceRoot));
  const stats: GraphStats = {
    requests: 0,
    batchedRequests: 0,
    throttled: 0,
    faultsInjected: 0,
    byRoute: {},
  };
  const mailboxWorkMs = options.mailboxWorkMs ?? 2;

  /** One Graph call (top level or inside `$batch`), after authentication. */
  async function execute(request: GraphRequest): Promise<GraphResponse> {
    try {
      const match = router.match(request.method, request.path);
      if (match === 'notFound') {
        const segment = request.path.split('/').filter(Boolean).at(-1) ?? '';
        throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
      }
      if (match === 'methodNotAllowed') {
        throw new GraphError(405, 'Request_BadRequest', `${request.method} is not allowed here.`);
      }
      const { route, params } = match;
      const key = `${route.method} ${route.pattern}`;
      stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
      const mailbox = route.mailbox?.(params, request.body);
      const mailboxId = mailbox ? (options.tenant.findUser(mailbox)?.id ?? mailbox) : undefined;
      if (!isPermitted(route, request.caller, options.tenant, mailboxId)) {
        throw route.mailbox
          ? new GraphError(
              403,
              'ErrorAccessDenied',
              'Access is denied. Check credentials and try again.',
            )
          : new GraphError(
              403,
              'Authorization_RequestDenied',
              'Insufficient privileges to complete the operation.',
            );
      }
      const release = throttling.admit(request.caller.appId, mailboxId, Date.now());
      try {
        if (mailbox && mailboxWorkMs > 0) await sleep(mailboxWorkMs);
        return await route.handler(request, params);
      } finally {
        release();
      }
    } catch (error) {
      if (error instanceof GraphError) {
        if (error.status === 429) stats.throttled++;
        return {
          status: error.status,
          headers: error.headers,
          body: errorBody(error, request.requestId, request.headers['client-request-id']),
        };
      }
      console.error('[graph-sim]', error);
      const internal = new GraphError(500, 'InternalServerError', 'The simulator failed.');
      return { status: 500, body: errorBody(internal, request.requestId, undefined) };
    }
  }

  async function batch(outer: GraphRequest): Promise<GraphResponse> {
    const body = outer.body as { requests?: unknown } | undefined;
    const requests = body?.requests;
    if (!Array.isArray(requests) || requests.length === 0) {
      throw new GraphError(
        400,
        'BadRequest',
        'Invalid batch payload format: requests is required.',
      );
    }
    if (requests.length > MAX_BATCH) {
      throw new GraphError(
        400,
        'BadRequest',
        `The number of requests in the batch exceeds ${MAX_BATCH}.`,
      );
    }
    type Item = {
      id: string;
      method: string;
      url: string;
      headers?: Record<string, string>;
      body?: unknown;
      dependsOn?: string[];
    };
    const items = requests as Item[];
    const ids = new Set<string>();
    for (const item of items) {
      if (
        typeof item?.id !== 'string' ||
        !item.id ||
        typeof item.method !== 'string' ||
        typeof item.url !== 'string'
      ) {
        throw new GraphError(400, 'BadRequest', 'Each request needs an id, a method and a url.');
      }
      if (ids.has(item.id))
        throw new GraphError(400, 'BadRequest', `Duplicate request id '${item.id}'.`);
      ids.add(item.id);
    }
    for (const item of items) {
      for (const dep of item.dependsOn ?? []) {
        if (!ids.has(dep))
          throw new GraphError(400, 'BadRequest', `dependsOn refers to unknown id '${dep}'.`);
      }
    }
    stats.batchedRequests += items.length;
    const results = new Map<string, Promise<GraphResponse>>();
    const run = (item: Item): Promise<GraphResponse> => {
      const existing = results.get(item.id);
      if (existing) return existing;
      const promise = (async (): Promise<GraphResponse> => {
        const deps = await Promise.all(
          (item.dependsOn ?? []).map((d) => run(items.find((i) => i.id === d)!)),
        );
        if (deps.some((d) => d.status >= 400)) {
          const failed = new GraphError(
            424,
            'FailedDependency',
            'A request this one depends on failed.',
          );
          return { status: 424, body: errorBody(failed, outer.requestId, undefined) };
        }
        if (/^https?:/i.test(item.url)) {
          const bad = new GraphError(400, 'BadRequest', 'Batch request urls must be relative.');
          return { status: 400, body: errorBody(bad, outer.requestId, undefined) };
        }
        const headers = lowerHeaders(item.headers ?? {});
        if (item.body !== undefined && !headers['content-type']) {
          const bad = new GraphError(
            400,
            'BadRequest',
            'Content-Type header must be specified with a body.',
          );
          return { status: 400, body: errorBody(bad, outer.requestId, undefined) };
        }
        const { path, query } = splitPath(
          `/${item.url.replace(/^\/+/, '').replace(/^v1\.0\//, '')}`,
        );
        return execute({
          method: item.method.toUpperCase(),
          path,
          query,
          headers: { ...headers, authorization: outer.headers.authorization },
          body: item.body,
          caller: outer.caller,
          requestId: randomUUID(),
        });
      })();
      results.set(item.id, promise);
      return promise;
    };
    const responses = await Promise.all(
      items.map(async (item) => {
        const r = await run(item);
        return {
          id: item.id,
          status: r.status,
          headers: { 'Content-Type': 'application/json', ...(r.headers ?? {}) },
          ...(r.body !== undefined ? { body: r.body } : {}),
        };
      }),
    );
    return { status: 200, body: { responses } };
  }

  async function control(method: string, path: string, query: URLSearchParams, body: unknown) {
    const tenant = options.tenant;
    if (path === '/_sim/health') return { status: 200, body: { people: tenant.size } };
    if (path === '/_sim/stats' && method === 'GET') {
      return {
        status: 200,
        body: { ...stats, throttled: stats.throttled, faultsInjected: faults.injected },
      };
    }
    if (path === '/_sim/stats/reset' && method === 'POST') {
      resetStats();
      return { status: 204 };
    }
    if (path === '/_sim/faults') {
      if (method === 'GET') return { status: 200, body: { value: faults.list() } };
      if (method === 'DELETE') {
        faults.clear();
        return { status: 204 };
      }
      if (method === 'PUT' || method === 'POST') {
        const rules = (Array.isArray(body) ? body : [body]) as FaultRule[];
        for (const rule of rules) {
          if (!['429', '503', 'latency', 'drop', 'lostResponse'].includes(String(rule?.kind))) {
            return { status: 400, body: { error: `Unknown fault kind '${rule?.kind}'.` } };
          }
        }
        if (method === 'PUT') faults.set(rules);
        else for (const rule of rules) faults.add(rule);
        return { status: 200, body: { value: faults.list() } };
      }
    }
    if (path === '/_sim/throttling') {
      if (method === 'GET') return { status: 200, body: throttling.limits };
      if (method === 'PATCH') {
        throttling.limits = { ...throttling.limits, ...(body as Partial<ThrottlingLimits>) };
        return { status: 200, body: throttling.limits };
      }
    }
    if (path === '/_sim/delta-expiry' && method === 'PUT') {
      const form = (body as { form?: unknown })?.form;
      if (!DELTA_EXPIRY_FORMS.includes(form as DeltaExpiryForm)) {
        return {
          status: 400,
          body: { error: `form must be one of ${DELTA_EXPIRY_FORMS.join(', ')}` },
        };
      }
      tenant.deltaExpiry = form as DeltaExpiryForm;
      return { status: 200, body: { form } };
    }
    if (path === '/_sim/delta-quirks' && method === 'PUT') {
      const quirks = (body as { quirks?: unknown })?.quirks;
      if (!Array.isArray(quirks) || !quirks.every((q) => DELTA_QUIRKS.includes(q as DeltaQuirk))) {
        return {
          status: 400,
          body: { error: `quirks must be a list of ${DELTA_QUIRKS.join(', ')}` },
        };
      }
      tenant.deltaQuirks = new Set(quirks as DeltaQuirk[]);
      return { status: 200, body: { quirks } };
    }
    if (path === '/_sim/clock' && method === 'POST') {
      const at = new Date(String((body as { now?: string })?.now));
      if (Number.isNaN(at.getTime())) return { status: 400, body: { error: 'now must be a date' } };
      tenant.setNow(at);
      return { status: 200, body: { now: tenant.now().toISOString() } };
    }
    if (path === '/_sim/token' && method === 'GET' && options.mintToken) {
      // By default every application permission of Tandem's one list, tenant-wide (for curl).
      const roles = (query.get('roles') ?? TANDEM_APPLICATION_PERMISSIONS.join(','))
        .split(',')
        .filter(Boolean);
      return {
        status: 200,
        body: { token_type: 'Bearer', access_token: await options.mintToken(roles) },
      };
    }
    const rbacApp = /^\/_sim\/exchange-rbac\/([^/]+)$/.exec(path)?.[1];
    if (rbacApp) {
      // New-ManagementRoleAssignment / Remove-ManagementRoleAssignment for one app (exchange-rbac.ts).
      if (method === 'GET')
        return { status: 200, body: { value: tenant.exchangeRbac.list(rbacApp) } };
      if (method === 'DELETE') {
        tenant.exchangeRbac.revoke(rbacApp);
        return { status: 204 };
      }
      if (method === 'PUT') {
        const b = (body ?? {}) as { permissions?: unknown; mailboxes?: unknown };
        if (!Array.isArray(b.permissions) || !Array.isArray(b.mailboxes)) {
          return { status: 400, body: { error: 'permissions and mailboxes must be arrays' } };
        }
        const ids = b.mailboxes.map((m) => tenant.findUser(String(m))?.id);
        if (ids.some((id) => !id)) return { status: 404, body: { error: 'No such mailbox' } };
        tenant.exchangeRbac.revoke(rbacApp);
        tenant.exchangeRbac.assign(rbacApp, b.permissions.map(String), ids as string[]);
        return { status: 200, body: { value: tenant.exchangeRbac.list(rbacApp) } };
      }
    }
    if (path === '/_sim/users' && method === 'POST') {
      try {
        return { status: 201, body: tenant.add(body as SimPerson) };
      } catch (error) {
        return { status: 409, body: { error: (error as Error).message } };
      }
    }
    const person = /^\/_sim\/users\/([^/]+)$/.exec(path)?.[1];
    if (person) {
      try {
        if (method === 'PATCH')
          return { status: 200, body: tenant.update(person, body as Partial<SimPerson>) };
        if (method === 'DELETE') {
          tenant.remove(person, query.get('permanent') === 'true');
          return { status: 204 };
        }
      } catch (error) {
        const message = (error as Error).message;
        return { status: message.startsWith('No person') ? 404 : 400, body: { error: message } };
      }
    }
    return (
      (await options.control?.(method, path, body)) ?? {
        status: 404,
        body: { error: `No control endpoint ${method} ${path}` },
      }
    );
  }

  function resetStats(): void {
    stats.requests = 0;
    stats.batchedRequests = 0;
    stats.throttled = 0;
    stats.byRoute = {};
    faults.injected = 0;
  }

  function send(
    res: ServerResponse,
    response: GraphResponse,
    requestId: string,
    clientRequestId?: string,
  ) {
    const headers: Record<string, string> = {
      'request-id': requestId,
      'client-request-id': clientRequestId ?? requestId,
      'Cache-Control': 'no-cache',
      ...(response.headers ?? {}),
    };
    if (response.body === undefined) {
      res.writeHead(response.status, headers).end();
      return;
    }
    const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    headers['Content-Type'] ??=
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
    res.writeHead(response.status, headers).end(text);
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY)
        throw new GraphError(413, 'RequestEntityTooLarge', 'The request is too large.');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const headers = lowerHeaders(req.headers);
    const clientRequestId = headers['client-request-id'];
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      const raw = req.url ?? '/';
      if (raw.startsWith('/_sim/')) {
        const { path, query } = splitPath(raw);
        const text = await readBody(req);
        return send(
          res,
          await control(method, path, query, text ? JSON.parse(text) : undefined),
          requestId,
        );
      }
      if (!raw.startsWith('/v1.0/') && raw !== '/v1.0') {
        throw new GraphError(400, 'BadRequest', 'Invalid version: only v1.0 is simulated.');
      }
      stats.requests++;
      const { path, query } = splitPath(raw.slice('/v1.0'.length) || '/');
      let loseResponse = false;
      for (const fault of faults.pick(method, path)) {
        if (fault.kind === 'latency') await sleep(fault.latencyMs ?? 1000);
        else if (fault.kind === 'lostResponse') loseResponse = true;
        else if (fault.kind === 'drop') {
          req.socket.destroy();
          return;
        } else if (fault.kind === '429') {
          stats.throttled++;
          throw new GraphError(429, 'TooManyRequests', 'Please retry again later.', {
            'Retry-After': String(fault.retryAfterSeconds ?? throttling.limits.retryAfterSeconds),
          });
        } else {
          throw new GraphError(
            503,
            'serviceNotAvailable',
            'The service is temporarily unavailable.',
            {
              ...(fault.retryAfterSeconds !== undefined
                ? { 'Retry-After': String(fault.retryAfterSeconds) }
                : {}),
            },
          );
        }
      }
      const authorization = headers.authorization ?? '';
      const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
      if (!token) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
      let caller: GraphCaller;
      try {
        caller = callerOf(await options.verifyToken(token));
      } catch (error) {
        throw new GraphError(
          401,
          'InvalidAuthenticationToken',
          `Access token validation failure. ${(error as Error).message}`,
        );
      }
      const text = await readBody(req);
      let body: unknown;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload.');
        }
      }
      const request: GraphRequest = { method, path, query, headers, body, caller, requestId };
      const response =
        path === '/$batch' && method === 'POST' ? await batch(request) : await execute(request);
      if (loseResponse) {
        // Done, but the answer never arrives: the client sees a timeout and may retry a create.
        req.socket.destroy();
        return;
      }
      send(res, response, requestId, clientRequestId);
    } catch (error) {
      if (error instanceof GraphError) {
        return send(
          res,
          {
            status: error.status,
            headers: error.headers,
            body: errorBody(error, requestId, clientRequestId),
          },
          requestId,
          clientRequestId,
        );
      }
      console.error('[graph-sim]', error);
      const internal = new GraphError(500, 'InternalServerError', 'The simulator failed.');
      send(res, { status: 500, body: errorBody(internal, requestId, clientRequestId) }, requestId);
    }
  }

  const server: Server = createServer(
    { cert: options.tls.cert, key: options.tls.key },
    (req, res) => {
      void onRequest(req, res);
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `https://localhost:${(server.address() as AddressInfo).port}`;

  return {
    url,
    serviceRoot: serviceRoot(),
    tenant: options.tenant,
    throttling,
    faults,
    stats: () => ({ ...stats, faultsInjected: faults.injected, byRoute: { ...stats.byRoute } }),
    resetStats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
