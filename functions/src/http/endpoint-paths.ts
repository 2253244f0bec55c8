import * as applications from './lines/applications';
import * as bookings from './lines/bookings';
import * as calendarNotifications from './lines/calendar-notifications';
import * as core from './lines/core';
import * as directory from './lines/directory';
import { type MethodOf, type PathOf, splitLine } from './lines/line';
import * as matching from './lines/matching';
import * as pairSpace from './lines/pair-space';
import * as pairs from './lines/pairs';
import * as personalData from './lines/personal-data';
import * as programmes from './lines/programmes';
import * as progress from './lines/progress';
import * as sessions from './lines/sessions';
import * as topics from './lines/topics';

/**
 * Every route of the API: its method and path (`:name` parameters), declared once in
 * `lines/<feature>.ts` as a line of its own (`getProgramme = 'GET /programmes/:programmeId'`),
 * so that the tab's client (tab/src/api/call.ts) imports the lines it calls, each in the chunk
 * of the screens that call it, and no other. Here they are gathered by route name (the Azure
 * Function's name, the camel-case line name in kebab case: `get-programme`) for the route table
 * (routes.ts, routes/*.ts), which takes each route's header from here; what each route takes
 * and answers is in endpoints.ts.
 */
const LINES = {
  ...core,
  ...programmes,
  ...topics,
  ...applications,
  ...directory,
  ...bookings,
  ...sessions,
  ...matching,
  ...pairs,
  ...pairSpace,
  ...progress,
  ...personalData,
  ...calendarNotifications,
};

type Kebab<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `-${Lowercase<H>}`}${Kebab<T>}`
  : S;
type Lines = typeof LINES;

/** Each route's line by its name. */
export const ENDPOINT_PATHS = Object.fromEntries(
  Object.entries(LINES).map(([name, line]) => [
    name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    line,
  ]),
) as { readonly [K in keyof Lines as Kebab<K>]: Lines[K] };

export type EndpointName = keyof typeof ENDPOINT_PATHS;
export type EndpointLine = (typeof ENDPOINT_PATHS)[EndpointName];
/** The name of the route a line belongs to. */
export type EndpointOf<L extends EndpointLine> = {
  [N in EndpointName]: (typeof ENDPOINT_PATHS)[N] extends L ? N : never;
}[EndpointName];
export type EndpointMethod<N extends EndpointName> = MethodOf<(typeof ENDPOINT_PATHS)[N]>;
export type EndpointPath<N extends EndpointName> = PathOf<(typeof ENDPOINT_PATHS)[N]>;
export type { PathParams } from './lines/line';

/** A route's method and path, by its name. */
export function endpointLine<N extends EndpointName>(
  name: N,
): { method: EndpointMethod<N>; path: EndpointPath<N> } {
  return splitLine(ENDPOINT_PATHS[name]) as { method: EndpointMethod<N>; path: EndpointPath<N> };
}
