import { RestError } from '@azure/data-tables';
import type { StorageHealth } from '../../ports/health';
import { type TableConnection, tableClient } from './json-table';

/** A probe answers within this, or counts as down (the SDK's own retries would take longer). */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Table Storage answers: one page of at most one key from the programmes table. A table not
 * created yet (404) is an answer too: the account is reachable and the identity may read it.
 */
export function tableHealth(connection: TableConnection): () => Promise<StorageHealth> {
  const client = tableClient(connection, 'programmes');
  return async () => {
    try {
      await client
        .listEntities({
          queryOptions: { select: ['PartitionKey'] },
          abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
        })
        .byPage({ maxPageSize: 1 })
        .next();
      return 'ok';
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return 'ok';
      return 'down';
    }
  };
}
