import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  type DirectoryChange,
  type DirectoryPage,
  type DirectoryPerson,
  type DirectorySource,
  ResyncRequiredError,
} from '../../ports/directory';
import { ThrottledError } from '../../ports/throttled';
import { readReply } from './event-wire';
import { throttledFor } from './throttling';

/** What org sync reads: the snapshot's fields, and `manager` so chains can be computed locally. */
const SELECT = [
  'displayName',
  'mail',
  'userPrincipalName',
  'department',
  'jobTitle',
  'officeLocation',
  'preferredLanguage',
  'accountEnabled',
  'manager',
];
/** The largest page Graph serves for user delta: fewer requests per round. */
const PAGE_SIZE = 200;

/**
 * A delta page as Graph sends it (https://learn.microsoft.com/graph/api/user-delta): `value`, and
 * `@odata.nextLink` or, on the last page, `@odata.deltaLink`. Each entry is a user with the
 * selected properties (any of them may be absent, or null), `@removed` for one gone from the
 * directory, and `manager@delta` for a change of manager. Parsed, never cast: a page that does not
 * read is a GraphReplyError (event-wire.ts), so a snapshot is never written from a guess.
 */
const deltaEntryWire = z.looseObject({
  id: z.string().min(1),
  '@removed': z.looseObject({ reason: z.string().optional() }).optional(),
  'manager@delta': z
    .array(z.looseObject({ id: z.string().min(1), '@removed': z.unknown().optional() }))
    .optional(),
});
type DeltaEntry = z.infer<typeof deltaEntryWire>;

const deltaPageWire = z.object({
  value: z.array(deltaEntryWire).optional(),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});
type DeltaPageWire = z.infer<typeof deltaPageWire>;

const FIELDS = [
  'displayName',
  'mail',
  'userPrincipalName',
  'department',
  'jobTitle',
  'officeLocation',
  'preferredLanguage',
  'accountEnabled',
] as const;

/**
 * A delta entry as a snapshot change. Delta leaves out a property that was never set, and
 * `manager@delta` for someone without a manager (https://learn.microsoft.com/graph/api/user-delta,
 * api-reference/v1.0/api/user-delta.md: "If the property has never been set before it will not be
 * included in the response at all"). So in a full round, which lists everyone as they are, an
 * absent property is unset and the entry replaces what the snapshot held; in a changes round an
 * absent property is kept. A manager removal names the manager removed: org sync clears it only
 * when that is the manager stored (removals may come out of order or be replayed).
 */
export function changeOf(entry: DeltaEntry, fullRound = false): DirectoryChange {
  if (entry['@removed']) return { kind: 'remove', id: entry.id };
  const fields: Partial<Omit<DirectoryPerson, 'id'>> = {};
  for (const key of FIELDS) {
    if (!(key in entry)) {
      if (!fullRound) continue;
      // displayName is required on every user; accountEnabled defaults to true.
      if (key === 'accountEnabled') fields.accountEnabled = true;
      else if (key !== 'displayName') fields[key] = null;
      continue;
    }
    const value = entry[key];
    if (key === 'accountEnabled') fields.accountEnabled = value !== false;
    else (fields as Record<string, unknown>)[key] = typeof value === 'string' ? value : null;
  }
  const managers = entry['manager@delta'];
  const current = managers?.find((m) => !m['@removed']);
  if (current) fields.managerId = current.id;
  else if (fullRound) fields.managerId = null;
  const removed = managers?.filter((m) => m['@removed']).at(-1);
  if (!current && removed && !fullRound) {
    return { kind: 'upsert', id: entry.id, fields, managerRemoved: removed.id };
  }
  return { kind: 'upsert', id: entry.id, fields };
}

/**
 * An expired or reset delta token, in each form Microsoft documents: 410 Gone with a Location to
 * restart from ("Synchronization reset"), or "a 40X-series error with error codes such as
 * `syncStateNotFound`" ("Token duration": seven days for directory objects), which in practice also
 * comes as `resyncRequired` — both mean a full round
 * (https://learn.microsoft.com/graph/delta-query-overview, concepts/delta-query-overview.md).
 */
export function isExpiredDeltaToken(error: unknown): boolean {
  if (!(error instanceof GraphError)) return false;
  if (error.statusCode === 410) return true;
  const status = error.statusCode;
  // 401/403 are about the token or permissions, 429 is throttling: never a reason to resync.
  if (status < 400 || status > 499 || status === 401 || status === 403 || status === 429) {
    return false;
  }
  return /^(syncStateNotFound|syncStateInvalid|resyncRequired)$/i.test(error.code ?? '');
}

/** Org sync's view of Graph: rounds of `/users/delta` pages, followed through their links. */
export function graphDirectorySource(client: Client): DirectorySource {
  return {
    async *readRound(deltaLink, resume) {
      const full = resume ? resume.full : deltaLink === null;
      let response: DeltaPageWire;
      const get = async (request: () => Promise<unknown>): Promise<DeltaPageWire> => {
        let reply: unknown;
        try {
          reply = await request();
        } catch (error) {
          // Also a saved nextLink Graph no longer honours: "a 40X-series error" (token duration).
          if (isExpiredDeltaToken(error)) {
            throw new ResyncRequiredError('The directory delta link expired');
          }
          // 429 (or 503 with Retry-After) asking for longer than a request sleeps in place: the
          // round ends here and the caller hands back (https://learn.microsoft.com/graph/throttling,
          // "Best practices to handle throttling"; adapters/graph/throttling.ts).
          const wait = throttledFor(error);
          if (wait !== undefined) throw new ThrottledError(wait, { cause: error });
          throw error;
        }
        return readReply('reading the directory delta', deltaPageWire, reply);
      };
      const prefer = `odata.maxpagesize=${PAGE_SIZE}`;
      // An interrupted round goes on from the nextLink of the page after the last one stored: its
      // $skipToken "reflects the state and represents a snapshot of the resource in that round"
      // and carries the query ($select), so it is followed as it is
      // (https://learn.microsoft.com/en-us/graph/delta-query-overview, "State tokens").
      response = await get(() =>
        resume
          ? client.api(resume.nextLink).header('Prefer', prefer).get()
          : deltaLink
            ? client.api(deltaLink).header('Prefer', prefer).get()
            : client.api('/users/delta').select(SELECT).header('Prefer', prefer).get(),
      );
      for (;;) {
        const page: DirectoryPage = {
          changes: (response.value ?? []).map((entry) => changeOf(entry, full)),
        };
        const next = response['@odata.nextLink'];
        if (response['@odata.deltaLink'] !== undefined) {
          page.deltaLink = response['@odata.deltaLink'];
        } else if (next !== undefined) page.nextLink = next;
        yield page;
        if (next === undefined) return;
        response = await get(() => client.api(next).header('Prefer', prefer).get());
      }
    },
  };
}
