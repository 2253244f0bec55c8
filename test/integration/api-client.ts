import type { LocalStack } from '../sim/stack';

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
    return {
      status: response.status,
      body: !text
        ? undefined
        : /json/.test(response.headers.get('content-type') ?? '')
          ? JSON.parse(text)
          : text,
      headers: response.headers,
    };
  };
}
