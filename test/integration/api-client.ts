import { ENDPOINT_PATHS } from '../../functions/src/http/endpoint-paths';
import { ENDPOINTS } from '../../functions/src/http/endpoints';
import { splitLine } from '../../functions/src/http/lines/line';
import type { LocalStack } from '../sim/stack';

/**
 * Every route's method and path as a pattern, routes with fewer parameters first, so that a
 * literal segment (`/applications/me`) wins over a parameter in the same place.
 */
const ROUTES = Object.entries(ENDPOINT_PATHS)
  .map(([name, line]) => {
    const { method, path } = splitLine(line);
    const pattern = new RegExp(`^${path.replace(/:\w+/g, '[^/]+')}$`);
    return {
      name: name as keyof typeof ENDPOINTS,
      method,
      pattern,
      params: path.split(':').length,
    };
  })
  .sort((a, b) => a.params - b.params);

/**
 * A successful answer read with its route's response schema (http/endpoints.ts): every answer an
 * integration test receives is checked against the contract the tab is typed from, so a view
 * schema cannot drift from what the API really sends.
 */
export function checkAnswer(method: string, path: string, status: number, body: unknown): void {
  if (status < 200 || status >= 300 || body === undefined) return;
  const bare = path.split('?')[0] ?? path;
  const route = ROUTES.find((r) => r.method === method && r.pattern.test(bare));
  if (!route) return;
  const read = ENDPOINTS[route.name].response.safeParse(body);
  if (!read.success) {
    const issues = read.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    throw new Error(
      `${method} ${path} (${route.name}) answered ${status} with a body its response schema refuses: ${issues.join('; ')}`,
    );
  }
}

// Tests read response bodies freely (their shapes are what the tests assert).
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the tests themselves
type ApiBody = any;

/** Calls the local stack's API as a person (by display name), or anonymously. */
export function apiAs(stack: LocalStack) {
  const tokens = new Map<string, string>();
  return async function call(
    who: string | null,
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; token?: string } = {},
  ): Promise<{ status: number; body: ApiBody; headers: Headers }> {
    let token = init.token;
    if (!token && who) {
      if (!tokens.has(who)) {
        const person = stack.people.find((p) => p.displayName === who);
        if (!person) throw new Error(`No demo person ${who}`);
        tokens.set(who, await stack.issuer.userToken(person.id));
      }
      token = tokens.get(who);
    }
    const response = await fetch(`${stack.url}/api${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body:
        init.body === undefined
          ? undefined
          : typeof init.body === 'string'
            ? init.body
            : JSON.stringify(init.body),
    });
    const text = await response.text();
    const body = !text
      ? undefined
      : /json/.test(response.headers.get('content-type') ?? '')
        ? JSON.parse(text)
        : text;
    checkAnswer(method, path, response.status, body);
    return { status: response.status, body, headers: response.headers };
  };
}
