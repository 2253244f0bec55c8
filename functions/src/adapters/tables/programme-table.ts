import type { Programme } from '../../domain/programme/programme';
import type { ProgrammeStore } from '../../ports/programmes';
import { JsonTable, type TableConnection, tableClient } from './json-table';

// Few programmes per tenant, always listed together: one partition.
const PARTITION = 'programme';

/** Programmes in the `programmes` table. */
export function programmeTable(connection: TableConnection): ProgrammeStore {
  const table = new JsonTable<Programme>(tableClient(connection, 'programmes'), 'The programme');
  return {
    create: (p) => table.create(PARTITION, p.id, p),
    get: (id) => table.get(PARTITION, id),
    list: () => table.list(PARTITION),
    replace: (p, etag) => table.replace(PARTITION, p.id, p, etag),
  };
}
