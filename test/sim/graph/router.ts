/**
 * The Graph simulator's routing contract. Every Graph resource the simulator serves (directory,
 * calendars, …) is a list of GraphRoute; the server (server.ts) does TLS, tokens, permissions,
 * throttling, fault injection and `$batch` once for all of them, so a route only implements the
 * resource's documented behaviour.
 */

/** Who is calling, from the validated Graph token. */
export interface GraphCaller {
  /** The client app (`appid`/`azp`). */
  appId: string;
  /** Delegated calls: the signed-in user's object id. App-only calls: undefined. */
  userId?: string;
  /** Application permissions (`roles`). */
  roles: readonly string[];
  /** Delegated permissions (`scp`, split). */
  scopes: readonly string[];
  /** The token's `exp` (seconds since 1970), for calls that need a token far from expiry. */
  expiresAt?: number;
}

export interface GraphRequest {
  method: string;
  /** Path below `/v1.0`, e.g. `/users/abc/events`, percent-decoded per segment. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  caller: GraphCaller;
  /** The value Graph echoes as `request-id`. */
  requestId: string;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON when not undefined. */
  body?: unknown;
}

export type GraphHandler = (
  request: GraphRequest,
  params: Readonly<Record<string, string>>,
) => GraphResponse | Promise<GraphResponse>;

export interface GraphRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** `/users/{id}/events/{eventId}`: `{name}` matches one path segment. */
  pattern: string;
  /**
   * Permissions that allow the call (any one suffices), as Graph's permission tables list them.
   * A caller with none gets 403 `Authorization_RequestDenied`.
   */
  permissions: { application: readonly string[]; delegated: readonly string[] };
  /**
   * The mailbox the call works on, for Outlook's per-mailbox throttling (4 concurrent requests,
   * 10,000 per 10 minutes per app and mailbox). Directory routes leave it out.
   */
  mailbox?: (params: Readonly<Record<string, string>>, body: unknown) => string | undefined;
  /**
   * Replaces the token check for permissions granted on the resource itself (Teams
   * resource-specific consent: the grant lives on the app's installation, not in the token); the
   * handler then refuses what the grant does not cover.
   */
  authorize?: (caller: GraphCaller) => boolean;
  handler: GraphHandler;
}

/** A Graph error, answered as `{"error":{"code","message","innerError":{…}}}`. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface MatchedRoute {
  route: GraphRoute;
  params: Record<string, string>;
}

/** Compiles routes once; `match` answers the route for a method and path, or why there is none. */
export function createRouter(routes: readonly GraphRoute[]) {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const source = route.pattern
      .split('/')
      .map((segment) => {
        const name = /^\{(\w+)\}$/.exec(segment)?.[1];
        if (!name) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        return '([^/]+)';
      })
      .join('/');
    return { route, names, regex: new RegExp(`^${source}/?$`, 'i') };
  });
  return {
    match(method: string, path: string): MatchedRoute | 'notFound' | 'methodNotAllowed' {
      let pathMatched = false;
      for (const c of compiled) {
        const m = c.regex.exec(path);
        if (!m) continue;
        pathMatched = true;
        if (c.route.method !== method) continue;
        const params: Record<string, string> = {};
        c.names.forEach((name, i) => {
          params[name] = m[i + 1]!;
        });
        return { route: c.route, params };
      }
      return pathMatched ? 'methodNotAllowed' : 'notFound';
    },
  };
}
