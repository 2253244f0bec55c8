import { randomUUID } from 'node:crypto';
import { RestError, type TableClient } from '@azure/data-tables';
import { MAILBOX_CONCURRENCY, type MailboxGate } from '../../ports/mailbox-gate';
import { type TableConnection, tableClient } from './json-table';

/** A slot held by a crashed instance frees itself after this long; holders renew at a third of it. */
export const SLOT_LEASE_MS = 30_000;

type Slot = {
  partitionKey: string;
  rowKey: string;
  owner: string;
  expiresAt: number;
  etag?: string;
};

const conflict = (error: unknown) =>
  error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409);

/**
 * Outlook's 4 concurrent requests per app per mailbox across every instance
 * (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits): one partition per
 * mailbox holds `limit` slot rows; a slot is claimed by an ETag-conditional replace (If-Match,
 * https://learn.microsoft.com/rest/api/storageservices/update-entity2), so two instances cannot both
 * win one. Round trips per call: one query, one claim, one release (plus renewals on long work).
 */
export function tableMailboxGate(
  table: TableClient,
  options: { limit?: number; leaseMs?: number; now?: () => number } = {},
): MailboxGate {
  const limit = options.limit ?? MAILBOX_CONCURRENCY;
  const leaseMs = options.leaseMs ?? SLOT_LEASE_MS;
  const now = options.now ?? Date.now;
  const me = randomUUID();

  async function claim(partitionKey: string): Promise<Slot> {
    for (let attempt = 0; ; attempt++) {
      const seen = new Map<string, Slot>();
      for await (const row of table.listEntities<Slot>({
        queryOptions: { filter: `PartitionKey eq '${partitionKey.replace(/'/g, "''")}'` },
      })) {
        seen.set(row.rowKey as string, row as Slot);
      }
      for (let i = 0; i < limit; i++) {
        const rowKey = String(i);
        const slot = seen.get(rowKey);
        const mine = {
          partitionKey,
          rowKey,
          owner: `${me}:${randomUUID()}`,
          expiresAt: now() + leaseMs,
        };
        try {
          if (!slot) {
            const made = await table.createEntity(mine);
            return { ...mine, etag: made.etag };
          }
          if (slot.owner && slot.expiresAt > now()) continue;
          const won = await table.updateEntity(mine, 'Replace', { etag: slot.etag });
          return { ...mine, etag: won.etag };
        } catch (error) {
          if (!conflict(error)) throw error;
        }
      }
      // All taken: wait a little (jittered, growing) and look again.
      const wait = Math.min(25 * 2 ** Math.min(attempt, 4), 400) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  return {
    async run<T>(mailbox: string, work: () => Promise<T>): Promise<T> {
      const partitionKey = encodeURIComponent(mailbox.toLowerCase());
      let slot = await claim(partitionKey);
      const renew = setInterval(async () => {
        try {
          const renewed = { ...slot, expiresAt: now() + leaseMs };
          const result = await table.updateEntity(
            { partitionKey, rowKey: slot.rowKey, owner: slot.owner, expiresAt: renewed.expiresAt },
            'Replace',
            { etag: slot.etag },
          );
          slot = { ...renewed, etag: result.etag };
        } catch {
          // Lost or unreachable: the lease runs out on its own.
        }
      }, leaseMs / 3);
      try {
        return await work();
      } finally {
        clearInterval(renew);
        await table
          .updateEntity({ partitionKey, rowKey: slot.rowKey, owner: '', expiresAt: 0 }, 'Replace', {
            etag: slot.etag,
          })
          .catch(() => undefined);
      }
    },
  };
}

/** The gate every instance shares, on the `mailboxslots` table (created on first use). */
export function mailboxSlotTable(connection: TableConnection, name = 'mailboxslots'): MailboxGate {
  const client = tableClient(connection, name);
  const gate = tableMailboxGate(client);
  let ready: Promise<unknown> | undefined;
  return {
    async run(mailbox, work) {
      ready ??= client.createTable().catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      return gate.run(mailbox, work);
    },
  };
}
