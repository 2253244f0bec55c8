import { SpaceEntrySchema } from '../../domain/pair-space/entry-schemas';
import { entryKey, feedbackKey, type SpaceEntry } from '../../domain/pair-space/pair-space';
import type { PairSpaceStore } from '../../ports/pair-space';
import { JsonTable, type TableConnection, tableClient } from './json-table';

/** The key of a stored entry: feedback by session and author, the rest by `entryKey`. */
function keyOf(entry: SpaceEntry): string {
  return entry.type === 'feedback'
    ? feedbackKey(entry.sessionIndex, entry.authorId)
    : entryKey(entry);
}

/**
 * Pair spaces in the `pairspace` table: one partition per pair, read whole by the pair page and the
 * Outlook pane (one query), each entry its own row with its own ETag so two people writing at once
 * never overwrite each other's items.
 */
export function pairSpaceTable(connection: TableConnection): PairSpaceStore {
  const table = new JsonTable<SpaceEntry>(
    tableClient(connection, 'pairspace'),
    'The entry',
    SpaceEntrySchema,
  );
  return {
    list: (pairId) => table.list(pairId),
    get: (pairId, key) => table.get(pairId, key),
    create: (entry) => table.create(entry.pairId, keyOf(entry), entry),
    replace: (entry, etag) => table.replace(entry.pairId, keyOf(entry), entry, etag),
    remove: (entry, etag) => table.delete(entry.pairId, keyOf(entry), etag),
  };
}
