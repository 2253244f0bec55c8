import { z } from 'zod';
import type { StoredSubscription } from '../../domain/calendar-sync/subscription';
import type { SubscriptionStore } from '../../ports/calendar-sync';
import { AlreadyExistsError, StaleVersionError } from '../../ports/versioned';
import { JsonTable, type TableConnection, tableClient } from './json-table';

/** A stored subscription as this adapter reads it (its migration point: no field added yet). */
const storedSubscription: z.ZodType<StoredSubscription> = z.object({
  id: z.string().min(1),
  organizer: z.string().min(1),
  resource: z.string(),
  notificationUrl: z.string(),
  expirationDateTime: z.string(),
  clientState: z.string().min(1),
});

/**
 * The change-notification subscription of each organiser mailbox, with its clientState secret
 * (made with crypto.randomBytes at creation, never logged or returned by the API), and an index by
 * Graph's subscription id, which every notification names. Only the subscription timer writes it
 * (a timer function runs on one instance at a time:
 * https://learn.microsoft.com/en-us/azure/azure-functions/functions-bindings-timer).
 */
export function subscriptionTable(connection: TableConnection): SubscriptionStore {
  const table = new JsonTable<StoredSubscription>(
    tableClient(connection, 'calendarsubscriptions'),
    'This subscription',
    storedSubscription,
  );
  const key = (organizer: string) => organizer.toLowerCase();

  async function write(partition: string, row: string, value: StoredSubscription) {
    try {
      await table.create(partition, row, value);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      const current = await table.get(partition, row);
      if (current) await table.replace(partition, row, value, current.etag);
    }
  }

  return {
    get: (organizer) => table.get('organizer', key(organizer)),
    async byId(id) {
      return (await table.get('id', id))?.value;
    },
    async put(subscription, previous) {
      // The id index first: a notification of the new subscription finds its secret at once.
      await write('id', subscription.id, subscription);
      await write('organizer', key(subscription.organizer), subscription);
      if (previous && previous.id !== subscription.id) {
        const old = await table.get('id', previous.id);
        if (old) {
          await table.delete('id', previous.id, old.etag).catch((error: unknown) => {
            if (!(error instanceof StaleVersionError)) throw error;
          });
        }
      }
    },
  };
}
