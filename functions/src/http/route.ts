import type { z } from 'zod';
import type { Services } from '../ports/services';
import type { Principal } from './auth';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route. `employee` is anyone signed in to the tenant (HR and advisors included);
 * `admin` / `advisor` need the app role; `staff` is either; `job` is an app-only token.
 */
export type Access = 'anonymous' | 'employee' | 'admin' | 'advisor' | 'staff' | 'job';

export interface RouteResult {
  status?: number;
  /** Serialized as JSON unless `text` is given. */
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export interface RouteContext<P, Q, B> {
  principal: Principal | null;
  params: P;
  query: Q;
  body: B;
  headers: { get(name: string): string | null };
  services: Services;
}

export interface RouteDefinition<P, Q, B> {
  /** Stable name: the Azure Function's name and the key used in tests. */
  name: string;
  method: Method;
  /** Path under the API root, with `:name` parameters: `/programmes/:programmeId`. */
  path: string;
  access: Access;
  request?: { params?: z.ZodType<P>; query?: z.ZodType<Q>; body?: z.ZodType<B> };
  /** Largest accepted body in bytes (default 64 KiB); more gets a 413. */
  maxBodyBytes?: number;
  handler(context: RouteContext<P, Q, B>): Promise<RouteResult>;
}

// The route table holds routes of many shapes; `any` here keeps each definition's own types.
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous route table
export type AnyRoute = RouteDefinition<any, any, any>;

/** Declares a route, inferring its context's types from its zod schemas. */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  route: RouteDefinition<P, Q, B>,
): AnyRoute {
  return route;
}

export const API_PREFIX = '/api';
