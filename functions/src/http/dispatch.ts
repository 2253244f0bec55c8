import type { z } from 'zod';
import type { Services } from '../ports/services';
import { ThrottledError } from '../ports/throttled';
import { StaleVersionError, TooLargeToStoreError } from '../ports/versioned';
import { APP_ROLES, type Principal, type TokenValidator } from './auth';
import { checkIfMatch } from './preconditions';
import { HttpProblem, PROBLEM_CONTENT_TYPE, type Problem, problem } from './problems';
import { Refused, refusalProblem } from './refusals';
import { type Access, type AnyRoute, API_PREFIX, type Method } from './route';
import { API_HEADERS } from './security-headers';

/** A request as any host sees it: no framework types cross this line. */
export interface ApiRequest {
  method: string;
  url: URL;
  headers: { get(name: string): string | null };
  /** Raw body, already limited by the host to at most `limit + 1` bytes. */
  body: Buffer | undefined;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Dispatcher {
  handle(request: ApiRequest): Promise<ApiResponse>;
  /** Largest body any route accepts: hosts stop reading a body past it. */
  readonly maxBodyBytes: number;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const UNSAFE_METHODS = new Set<string>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A path segment decoded, or undefined when its percent-encoding is malformed (`%E0%A4%A`). */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

interface CompiledRoute {
  route: AnyRoute;
  pattern: RegExp;
  names: string[];
}

/** Turns `/programmes/:id` into a matcher; parameters never span a `/`. */
function compile(route: AnyRoute): CompiledRoute {
  const names: string[] = [];
  const source = (API_PREFIX + route.path)
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}

function hasAccess(access: Access, principal: Principal | null): boolean {
  if (access === 'anonymous') return true;
  if (!principal) return false;
  const roles = principal.roles;
  switch (access) {
    case 'employee':
      return principal.kind === 'user';
    case 'admin':
      return principal.kind === 'user' && roles.includes(APP_ROLES.admin);
    case 'advisor':
      return principal.kind === 'user' && roles.includes(APP_ROLES.advisor);
    case 'staff':
      return (
        principal.kind === 'user' &&
        (roles.includes(APP_ROLES.admin) || roles.includes(APP_ROLES.advisor))
      );
    case 'job':
      return principal.kind === 'app' && roles.includes(APP_ROLES.jobs);
  }
}

function zodErrors(prefix: string, error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

function problemResponse(p: Problem, headers: Record<string, string> = {}): ApiResponse {
  return {
    status: p.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
    body: JSON.stringify(p),
  };
}

/**
 * The one request pipeline both hosts run: route match, authentication, role, size, zod parsing of
 * params/query/body, handler, and problem+json for every failure.
 */
export function createDispatcher(
  routes: readonly AnyRoute[],
  validateToken: TokenValidator,
  services: Services,
  log: (message: string, error?: unknown) => void = () => {},
): Dispatcher {
  const compiled = routes.map(compile);
  const maxBodyBytes = Math.max(
    DEFAULT_MAX_BODY_BYTES,
    ...routes.map((r) => r.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
  );

  // Every response, whatever produced it, leaves with the API's browser headers.
  async function handle(request: ApiRequest): Promise<ApiResponse> {
    const response = await respond(request);
    return { ...response, headers: { ...response.headers, ...API_HEADERS } };
  }

  async function respond(request: ApiRequest): Promise<ApiResponse> {
    const method = request.method.toUpperCase() as Method;
    const path = request.url.pathname;
    const allowed = new Set<string>();
    let found: { route: AnyRoute; params: Record<string, string> } | undefined;
    for (const c of compiled) {
      const m = c.pattern.exec(path);
      if (!m) continue;
      allowed.add(c.route.method);
      if (c.route.method !== method) continue;
      const params: Record<string, string> = {};
      const malformed: { path: string; message: string }[] = [];
      c.names.forEach((name, i) => {
        const decoded = decodeSegment(m[i + 1] ?? '');
        if (decoded === undefined) {
          malformed.push({ path: `params.${name}`, message: 'Malformed percent-encoding' });
        } else {
          params[name] = decoded;
        }
      });
      if (malformed.length > 0) {
        return problemResponse(
          problem(400, 'The request has invalid fields.', { errors: malformed }),
        );
      }
      found = { route: c.route, params };
      break;
    }
    if (!found) {
      // RFC 9110 §15.5.6: a 405 lists the methods the resource supports.
      return allowed.size > 0
        ? problemResponse(problem(405, `${method} is not allowed on this path.`), {
            allow: [...allowed].sort().join(', '),
          })
        : problemResponse(problem(404, 'No API route matches this path.'));
    }
    const { route } = found;

    let principal: Principal | null = null;
    const authorization = request.headers.get('authorization') ?? undefined;
    if (route.access !== 'anonymous' || authorization) {
      let result: Awaited<ReturnType<TokenValidator>>;
      try {
        result = await validateToken(authorization);
      } catch (error) {
        log('token validation unavailable', error);
        return problemResponse(problem(503, 'Sign-in cannot be checked right now; try again.'));
      }
      if (!result.ok) {
        if (route.access !== 'anonymous') {
          return problemResponse(problem(401, result.reason), {
            'www-authenticate': `Bearer error="invalid_token", error_description="${result.reason}"`,
          });
        }
      } else {
        principal = result.principal;
      }
    }
    if (!hasAccess(route.access, principal)) {
      return problemResponse(problem(403, `This needs the ${route.access} role.`));
    }

    const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const raw = request.body;
    if (raw && raw.length > limit) {
      return problemResponse(problem(413, `The request body is larger than ${limit} bytes.`));
    }

    const errors: { path: string; message: string }[] = [];
    const parse = (prefix: string, schema: z.ZodType | undefined, value: unknown): unknown => {
      if (!schema) return value;
      const r = schema.safeParse(value);
      if (r.success) return r.data;
      errors.push(...zodErrors(prefix, r.error));
      return undefined;
    };
    const params = parse('params', route.request?.params, found.params);
    const query = parse(
      'query',
      route.request?.query,
      Object.fromEntries(request.url.searchParams.entries()),
    );
    let body: unknown;
    if (route.request?.body) {
      const text = raw && raw.length > 0 ? raw.toString('utf8') : '';
      const contentType = request.headers.get('content-type') ?? '';
      let value: unknown;
      if (text === '') {
        value = undefined;
      } else if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
        return problemResponse(problem(415, 'Send the body as application/json.'));
      } else {
        try {
          value = JSON.parse(text);
        } catch {
          return problemResponse(
            problem(400, 'The body is not valid JSON.', {
              errors: [{ path: 'body', message: 'Invalid JSON' }],
            }),
          );
        }
      }
      body = parse('body', route.request.body, value);
    }
    if (errors.length > 0) {
      return problemResponse(problem(400, 'The request has invalid fields.', { errors }));
    }

    try {
      if (UNSAFE_METHODS.has(method)) checkIfMatch(request.headers.get('if-match'));
      const result = await route.handler({
        principal,
        params,
        query,
        body,
        headers: request.headers,
        services,
      });
      const status = result.status ?? (result.body === undefined && !result.text ? 204 : 200);
      if (result.text !== undefined) {
        return {
          status,
          headers: { 'content-type': 'text/plain; charset=utf-8', ...result.headers },
          body: result.text,
        };
      }
      if (result.body === undefined) return { status, headers: { ...result.headers }, body: '' };
      return json(status, result.body, result.headers);
    } catch (error) {
      if (error instanceof HttpProblem) return problemResponse(error.problem);
      // A refusal (a use case's or the domain's): status, words and fields from the one registry.
      if (error instanceof Refused) return problemResponse(refusalProblem(error.reason));
      if (error instanceof StaleVersionError) {
        return problemResponse(
          problem(412, `${error.what} changed since you read it. Reload and try again.`),
        );
      }
      if (error instanceof TooLargeToStoreError) {
        return problemResponse(
          problem(413, `${error.field} is too large to store; shorten it.`, {
            field: error.field,
            errors: [{ path: `body.${error.field}`, message: 'Too large to store' }],
          }),
        );
      }
      if (error instanceof ThrottledError) {
        // Graph is throttling the organiser mailbox: the caller tries again after the wait.
        return problemResponse(
          refusalProblem({ code: 'graphBusy', retryAfterSeconds: error.retryAfterSeconds }),
          { 'retry-after': String(error.retryAfterSeconds) },
        );
      }
      log(`${route.name} failed`, error);
      return problemResponse(problem(500, 'Something went wrong on our side.'));
    }
  }

  return { handle, maxBodyBytes };
}
