import { setTimeout as sleep } from 'node:timers/promises';
import { BOOKING_QUEUE, type QueueConnection, queueClient } from '../adapters/queues/booking-queue';
import type { BookingMessage } from '../ports/booking-queue';

export interface BookingWorkerOptions {
  connection: QueueConnection;
  book(pairId: string): Promise<unknown>;
  /** Pairs booked at once (each holds some of the organiser mailbox's 4 concurrent requests). */
  concurrency?: number;
  /** How long a taken message stays hidden; a worker that dies lets it reappear after this. */
  visibilitySeconds?: number;
  /** After this many tries a message is set aside in `booking-poison`, as Functions does. */
  maxDequeueCount?: number;
  idleMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The local host's stand-in for the Functions queue trigger: takes `booking` messages, books each
 * pair, deletes the message only once booked. A crash leaves the message to reappear, and booking
 * is idempotent, so nothing is lost and nothing is booked twice.
 */
export function startBookingWorker(options: BookingWorkerOptions) {
  const queue = queueClient(options.connection, BOOKING_QUEUE);
  const poison = queueClient(options.connection, `${BOOKING_QUEUE}-poison`);
  const concurrency = options.concurrency ?? 4;
  const maxDequeue = options.maxDequeueCount ?? 5;
  let stopping = false;
  let wake: (() => void) | undefined;
  const running = new Set<Promise<void>>();

  async function handle(message: {
    messageId: string;
    popReceipt: string;
    messageText: string;
    dequeueCount: number;
  }) {
    try {
      const { pairId } = JSON.parse(
        Buffer.from(message.messageText, 'base64').toString('utf8'),
      ) as BookingMessage;
      if (message.dequeueCount > maxDequeue) {
        await poison.createIfNotExists();
        await poison.sendMessage(message.messageText);
      } else {
        await options.book(pairId);
      }
      await queue.deleteMessage(message.messageId, message.popReceipt);
    } catch (error) {
      options.log?.(`booking ${message.messageId} failed; it will be tried again`, error);
    }
  }

  const loop = (async () => {
    await queue.createIfNotExists();
    while (!stopping) {
      const room = concurrency - running.size;
      if (room > 0) {
        let taken: Awaited<ReturnType<typeof queue.receiveMessages>>['receivedMessageItems'] = [];
        try {
          taken = (
            await queue.receiveMessages({
              numberOfMessages: Math.min(room, 32),
              visibilityTimeout: options.visibilitySeconds ?? 60,
            })
          ).receivedMessageItems;
        } catch (error) {
          if (stopping) break;
          options.log?.('the booking queue could not be read', error);
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
