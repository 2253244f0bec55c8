import type { Programme } from '../../domain/programme/programme';
import type { ProgrammeStore } from '../../ports/programmes';
import type { Versioned } from '../../ports/versioned';
import { JsonTable, type TableConnection, tableClient } from './json-table';
import { sharedMemo } from './memo-list';
import { programmeRow } from './programme-row';

// Few programmes per tenant, always listed together: one partition.
const PARTITION = 'programme';

/**
 * How long this process answers the programme list from memory. Every home page lists the
 * programmes (`/api/programmes`, `/api/applications/me`, `/api/pairs/me`), and they change a few
 * times a year. Writes through this process (any store of this table here) forget the list at once,
 * so whoever changed a programme reads the change on the next request. Another instance of the
 * Function App (Azure scales out) may list the programmes as they were up to this long ago: an
 * employee might see a call opened or closed that long late. Nothing is decided on the list alone —
 * every write reads its programme by id (a point read, never from memory) and quotes its ETag, so a
 * stale list can delay what someone sees but never what is stored. Table Storage has no cheaper way
 * to ask "has this partition changed?" than to query it again (no ETag or time for a partition), so
 * the expiry's re-read is the revalidation: one small query every 2 s per instance, whatever the load.
 */
export const PROGRAMME_LIST_TTL_MS = 2000;

/** Which storage account a connection reaches: the key of a table's memo in this process. */
function accountOf(connection: TableConnection): string {
  return connection.kind === 'connectionString' ? connection.connectionString : connection.url;
}

/** Programmes in the `programmes` table; the list kept in memory (PROGRAMME_LIST_TTL_MS). */
export function programmeTable(connection: TableConnection): ProgrammeStore {
  const table = new JsonTable<Programme>(
    tableClient(connection, 'programmes'),
    'The programme',
    programmeRow,
  );
  const listed = sharedMemo<Versioned<Programme>>(
    `${accountOf(connection)}|programmes`,
    PROGRAMME_LIST_TTL_MS,
  );
  return {
    create: (p) => listed.writing(() => table.create(PARTITION, p.id, p)),
    get: (id) => table.get(PARTITION, id),
    // A new array each time (callers may sort it); its programmes are frozen, shared by all.
    list: async () => [...(await listed.read(() => table.list(PARTITION)))],
    replace: (p, etag) => listed.writing(() => table.replace(PARTITION, p.id, p, etag)),
    remove: (p, etag) => listed.writing(() => table.delete(PARTITION, p.id, etag)),
  };
}
