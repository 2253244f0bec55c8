/**
 * A route's line, `METHOD /path` with `:name` parameters, and what is read from it. Free of
 * imports, for the tab's client as much as for the server.
 */

/** The `:name` parameters of a path: `'/pairs/:pairId/end'` → `'pairId'`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type MethodOf<L extends string> = L extends `${infer M} ${string}` ? M : never;
export type PathOf<L extends string> = L extends `${string} ${infer P}` ? P : never;

/** A route's method and path, from its line. */
export function splitLine(line: string): { method: string; path: string } {
  const space = line.indexOf(' ');
  return { method: line.slice(0, space), path: line.slice(space + 1) };
}
