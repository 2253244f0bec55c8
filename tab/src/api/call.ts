import type { z } from 'zod';
import type {
  EndpointLine,
  EndpointName,
  EndpointOf,
  EndpointPath,
} from '../../../functions/src/http/endpoint-paths';
// Types only: the tab bundles the route list's method and path strings, none of its schemas.
import type { Endpoints } from '../../../functions/src/http/endpoints';
import { type PathParams, splitLine } from '../../../functions/src/http/lines/line';

export type { EndpointLine, EndpointName };

type RequestOf<N extends EndpointName> = Endpoints[N] extends { request: infer R } ? R : object;
type BodyOf<N extends EndpointName> =
  RequestOf<N> extends { body: infer B extends z.ZodType } ? z.input<B> : never;
type QueryOf<N extends EndpointName> =
  RequestOf<N> extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;
type ParamsOf<N extends EndpointName> = PathParams<EndpointPath<N>>;

/**
 * What a call of route `N` sends: its path parameters, its body and query as the route's zod
 * schemas take them, and the ETag an edit quotes.
 */
export type CallInput<N extends EndpointName> = ([ParamsOf<N>] extends [never]
  ? { params?: undefined }
  : { params: Record<ParamsOf<N>, string | number> }) &
  ([BodyOf<N>] extends [never]
    ? { body?: undefined }
    : undefined extends BodyOf<N>
      ? { body?: BodyOf<N> }
      : { body: BodyOf<N> }) &
  ([QueryOf<N>] extends [never] ? { query?: undefined } : { query?: QueryOf<N> }) & {
    ifMatch?: string;
  };

/** What route `N` answers, as its response schema says. */
export type Answer<N extends EndpointName> = z.output<Endpoints[N]['response']>;

/** The address of a call under the API root: the route's path filled in, then its query. */
export function pathOf<L extends EndpointLine>(line: L, input: CallInput<EndpointOf<L>>): string {
  const params = (input.params ?? {}) as Record<string, string | number>;
  const path = splitLine(line).path.replace(/:(\w+)/g, (_, key: string) =>
    encodeURIComponent(String(params[key])),
  );
  const query = input.query as Record<string, string> | undefined;
  return query ? `${path}?${new URLSearchParams(query)}` : path;
}

/** How a client words its failures: the sign-in failed, the API was unreachable, it refused. */
export interface CallFailures {
  signIn(error: unknown): Error;
  network(): Error;
  refused(response: Response): Promise<Error>;
}

/** Sends one request with the host's token; the JSON answer, or undefined for a 204. */
export function createSend(
  baseUrl: string,
  getToken: () => Promise<string>,
  failures: CallFailures,
) {
  return async function send<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    let token: string;
    try {
      token = await getToken();
    } catch (error) {
      throw failures.signIn(error);
    }
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw failures.network();
    }
    if (!response.ok) throw await failures.refused(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  };
}

export type Send = ReturnType<typeof createSend>;

/**
 * A typed call of a route by its line (`call(getProgramme, { params: { programmeId } })`, the
 * lines of functions/src/http/endpoint-paths.ts): what it sends and answers follow the route.
 */
export type Call = <L extends EndpointLine>(
  line: L,
  input: CallInput<EndpointOf<L>>,
) => Promise<Answer<EndpointOf<L>>>;

/** Calls routes through `send`; GETs go through `get` (a client may answer them early). */
export function createCall(
  send: Send,
  get: <T>(path: string) => Promise<T> = (p) => send('GET', p),
): Call {
  return (line, input) => {
    const path = pathOf(line, input);
    const { method } = splitLine(line);
    if (method === 'GET' && !input.ifMatch) return get(path);
    return send(method, path, input.body, input.ifMatch ? { 'if-match': input.ifMatch } : {});
  };
}
