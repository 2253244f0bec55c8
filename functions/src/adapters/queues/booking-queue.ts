import type { TokenCredential } from '@azure/identity';
import { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { BookingMessage, BookingQueue } from '../../ports/booking-queue';

/** How to reach Queue Storage: Azurite's connection string, or the account URL and an identity. */
export type QueueConnection =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'accountUrl'; url: string; credential: TokenCredential };

export const BOOKING_QUEUE = 'booking';

export function queueClient(connection: QueueConnection, name: string): QueueClient {
  if (connection.kind === 'connectionString') {
    return new QueueClient(connection.connectionString, name);
  }
  return new QueueClient(`${connection.url.replace(/\/+$/, '')}/${name}`, connection.credential);
}

/** A message that fails its queue's schema: thrown, so the queue tries it again, then sets it aside. */
export class BadQueueMessageError extends Error {
  constructor(queue: string, issues: string) {
    super(`A ${queue} message does not read as one: ${issues}`);
    this.name = 'BadQueueMessageError';
  }
}

/**
 * A queue message as a value its schema accepts. The Functions trigger hands a JSON message
 * already parsed (an object) or, when it is not JSON, as a string; the local worker hands the
 * decoded text.
 */
export function readQueueMessage<T>(queue: string, schema: z.ZodType<T>, message: unknown): T {
  let value = message;
  if (typeof message === 'string') {
    try {
      value = JSON.parse(message);
    } catch {
      throw new BadQueueMessageError(queue, 'not JSON');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new BadQueueMessageError(
      queue,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

/** What the `booking` queue carries (`bookingQueue` below writes it). */
export const bookingMessageSchema: z.ZodType<BookingMessage> = z.object({
  pairId: z.string().min(1),
});

/** Creates the queue on first use, once; a failed creation is tried again on the next use. */
export function creatingOnce(client: QueueClient): () => Promise<unknown> {
  let ready: Promise<unknown> | undefined;
  return () => {
    ready ??= client.createIfNotExists().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
}

/**
 * The `booking` queue on Azure Storage. Messages are base64 JSON, the encoding the Functions queue
 * trigger reads by default.
 */
export function bookingQueue(connection: QueueConnection, name = BOOKING_QUEUE): BookingQueue {
  const client = queueClient(connection, name);
  const ensure = creatingOnce(client);
  return {
    async enqueue(pairId, options) {
      await ensure();
      const message: BookingMessage = { pairId };
      // Queue Storage keeps a message invisible at most 7 days (Put Message, visibilitytimeout:
      // https://learn.microsoft.com/rest/api/storageservices/put-message).
      const delay = Math.min(Math.max(0, Math.ceil(options?.delaySeconds ?? 0)), 7 * 24 * 3600);
      await client.sendMessage(
        Buffer.from(JSON.stringify(message)).toString('base64'),
        delay > 0 ? { visibilityTimeout: delay } : {},
      );
    },
  };
}
