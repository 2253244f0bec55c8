import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import {
  type QueueConnection,
  queueClient,
  readQueueMessage,
} from '../adapters/queues/booking-queue';

export interface QueueWorkerOptions<T> {
  connection: QueueConnection;
  queue: string;
  /** What a message must be; one that is not fails its try like any error (then the poison queue). */
  schema: z.ZodType<T>;
  handle(message: T): Promise<unknown>;
  /** Messages handled at once; 1 handles them one after another, in the order taken. */
  concurrency?: number;
  /** How long a taken message stays hidden; a worker that dies lets it reappear after this. */
  visibilitySeconds?: number;
  /** After this many tries a message is set aside in `<queue>-poison`, as Functions does. */
  maxDequeueCount?: number;
  idleMs?: number;
  log?: (message: string, error?: unknown) => void;
}

interface Taken {
  messageId: string;
  popReceipt: string;
  messageText: string;
  dequeueCount: number;
}

/**
 * The local host's stand-in for a Functions queue trigger (functions/src/index.ts): takes each
 * message (base64 JSON, as the trigger reads it), reads it with its schema, handles it, and deletes
 * it only once handled. A failed one reappears after its visibility timeout and is set aside in
 * `<queue>-poison` after `maxDequeueCount` tries, as Functions does; a crash loses nothing.
 */
export function startQueueWorker<T>(options: QueueWorkerOptions<T>) {
  const queue = queueClient(options.connection, options.queue);
  const poison = queueClient(options.connection, `${options.queue}-poison`);
  const concurrency = options.concurrency ?? 1;
  const maxDequeue = options.maxDequeueCount ?? 5;
  let stopping = false;
  let wake: (() => void) | undefined;
  const running = new Set<Promise<void>>();

  async function handle(message: Taken) {
    try {
      if (message.dequeueCount > maxDequeue) {
        await poison.createIfNotExists();
        await poison.sendMessage(message.messageText);
      } else {
        const text = Buffer.from(message.messageText, 'base64').toString('utf8');
        await options.handle(readQueueMessage(options.queue, options.schema, text));
      }
      await queue.deleteMessage(message.messageId, message.popReceipt);
    } catch (error) {
      options.log?.(
        `${options.queue} message ${message.messageId} failed; it will be tried again`,
        error,
      );
    }
  }

  const loop = (async () => {
    await queue.createIfNotExists();
    while (!stopping) {
      const room = concurrency - running.size;
      if (room > 0) {
        let taken: Taken[] = [];
        try {
          taken = (
            await queue.receiveMessages({
              numberOfMessages: Math.min(room, 32),
              visibilityTimeout: options.visibilitySeconds ?? 60,
            })
          ).receivedMessageItems;
        } catch (error) {
          if (stopping) break;
          options.log?.(`the ${options.queue} queue could not be read`, error);
        }
        for (const message of taken) {
          const job = handle(message).finally(() => {
            running.delete(job);
            wake?.();
          });
          running.add(job);
        }
        if (taken.length > 0) continue;
      }
      await Promise.race([
        sleep(options.idleMs ?? 250),
        new Promise<void>((resolve) => {
          wake = resolve;
        }),
      ]);
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      await Promise.all(running);
    },
  };
}
