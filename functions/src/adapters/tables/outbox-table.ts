import { odata, RestError, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import { ACTIVITY_PARAMETERS, type ActivityType } from '../../ports/notifications';
import type { NewOutboxEntry, Outbox, OutboxEntry } from '../../ports/outbox';
import { StaleVersionError, type Versioned } from '../../ports/versioned';
import {
  errorLog,
  parseStored,
  StoredRowError,
  type TableConnection,
  tableClient,
} from './json-table';

/**
 * The `outbox` table: one row per notice, partitioned by recipient (a person's notices are one
 * partition query), the row key the notice's idempotency key. Creating a row whose key exists
 * answers 409 and changes nothing: that is what makes `add` safe to repeat.
 *
 * The outbox cannot share an entity group transaction with the state change that causes a notice:
 * a transaction's entities must all be in one table and one partition
 * (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions),
 * and Tandem's state lives in other tables. So each use case adds its notices as an explicit step
 * after the change, safe to run again (docs/notifications.md).
 *
 * Besides the JSON (`data`), `state` and `dueAt` are columns of their own so the sender asks the
 * service only for what is due. ISO times compare as strings.
 */
const TABLE = 'outbox';

const activityType = z.enum(Object.keys(ACTIVITY_PARAMETERS) as [ActivityType, ...ActivityType[]]);

/** A stored entry as this adapter reads it (its migration point: no field added yet). */
const storedEntry: z.ZodType<OutboxEntry> = z.object({
  key: z.string().min(1),
  programmeId: z.string(),
  notice: z
    .object({
      recipientId: z.string().min(1),
      activityType,
      templateParameters: z.record(z.string(), z.string()),
      target: z.object({ subEntityId: z.string(), label: z.string() }),
      previewText: z.string(),
      idempotencyKey: z.string().min(1),
    })
    // Its values are exactly the ones its type's template names (else Graph would refuse it).
    .refine(
      (n) =>
        Object.keys(n.templateParameters).sort().join() ===
        [...ACTIVITY_PARAMETERS[n.activityType]].sort().join(),
      { message: "the template parameters are not the activity type's" },
    ) as unknown as z.ZodType<OutboxEntry['notice']>,
  state: z.enum(['pending', 'sending', 'sent', 'refused']),
  dueAt: z.string(),
  attempts: z.number().int().min(0),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  refusal: z.enum(['notInstalled', 'notPermitted', 'invalid']).nullable(),
  lastError: z.string().nullable(),
});

interface OutboxRow {
  partitionKey: string;
  rowKey: string;
  data: string;
  state: string;
  dueAt: string;
}

/** Table keys may not hold `/ \ # ?` nor control characters: those are %-escaped. */
export function outboxRowKey(key: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters Table Storage forbids
  return key.replace(/[/\\#?%\u0000-\u001f\u007f-\u009f]/g, (c) => encodeURIComponent(c));
}

function toRow(entry: OutboxEntry): OutboxRow {
  return {
    partitionKey: outboxRowKey(entry.notice.recipientId),
    rowKey: outboxRowKey(entry.key),
    // ASCII JSON (`é` as `\u00e9`), as json-table.ts stores it: Azurite garbles multi-byte text.
    data: JSON.stringify(entry).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
    state: entry.state,
    dueAt: entry.dueAt,
  };
}

export function outboxTable(connection: TableConnection, log = errorLog): Outbox {
  const client: TableClient = tableClient(connection, TABLE);
  let ready: Promise<unknown> | undefined;
  const ensure = () => {
    ready ??= client.createTable().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  const read = (row: TableEntityResult<OutboxRow>): Versioned<OutboxEntry> => ({
    value: parseStored(TABLE, row.partitionKey ?? '', row.rowKey ?? '', row.data, storedEntry),
    etag: row.etag,
  });
  async function query(filter: string, limit = Number.POSITIVE_INFINITY) {
    await ensure();
    const out: Versioned<OutboxEntry>[] = [];
    const rows = client.listEntities<OutboxRow>({ queryOptions: { filter } });
    for await (const row of rows) {
      try {
        out.push(read(row));
      } catch (error) {
        if (!(error instanceof StoredRowError)) throw error;
        log(`A stored row was left out of a list of ${TABLE}`, error);
      }
      if (out.length >= limit) break;
    }
    return out;
  }

  return {
    async add(entries: readonly NewOutboxEntry[], now: Date) {
      await ensure();
      for (const { programmeId, notice } of entries) {
        const entry: OutboxEntry = {
          key: notice.idempotencyKey,
          programmeId,
          notice,
          state: 'pending',
          dueAt: now.toISOString(),
          attempts: 0,
          createdAt: now.toISOString(),
          sentAt: null,
          refusal: null,
          lastError: null,
        };
        try {
          await client.createEntity(toRow(entry));
        } catch (error) {
          // The same cause stored it already: a replayed step, nothing to add.
          if (!(error instanceof RestError && error.statusCode === 409)) throw error;
        }
      }
    },
    due: (now, limit) =>
      query(
        odata`(state eq ${'pending'} or state eq ${'sending'}) and dueAt le ${now.toISOString()}`,
        limit,
      ),
    async replace(entry, etag) {
      await ensure();
      try {
        const r = await client.updateEntity(toRow(entry), 'Replace', { etag });
        return { value: entry, etag: r.etag! };
      } catch (error) {
        if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404))
          throw new StaleVersionError('The outbox entry');
        throw error;
      }
    },
    async listFor(recipientId) {
      const rows = await query(odata`PartitionKey eq ${outboxRowKey(recipientId)}`);
      return rows.map((r) => r.value).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
