import { setTimeout as sleep } from 'node:timers/promises';
import { type QueueConnection, queueClient } from '../adapters/queues/booking-queue';
import { CALENDAR_CHANGE_QUEUE } from '../adapters/queues/calendar-change-queue';
import type { CalendarChangeMessage } from '../ports/calendar-sync';

/**
 * The local host's stand-in for the `calendar-changes` queue trigger (functions/src/index.ts):
 * takes each message, handles it, deletes it once handled; a failed one reappears after its
 * visibility timeout and is set aside in `calendar-changes-poison` after 5 tries, as Functions does.
 */
export function startCalendarChangeWorker(options: {
  connection: QueueConnection;
  handle(message: CalendarChangeMessage): Promise<unknown>;
  idleMs?: number;
  log?: (message: string, error?: unknown) => void;
}) {
  const queue = queueClient(options.connection, CALENDAR_CHANGE_QUEUE);
  const poison = queueClient(options.connection, `${CALENDAR_CHANGE_QUEUE}-poison`);
  let stopping = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    await queue.createIfNotExists();
    while (!stopping) {
      let taken: Awaited<ReturnType<typeof queue.receiveMessages>>['receivedMessageItems'] = [];
      try {
        taken = (await queue.receiveMessages({ numberOfMessages: 8, visibilityTimeout: 60 }))
          .receivedMessageItems;
      } catch (error) {
        if (stopping) break;
        options.log?.('the calendar-changes queue could not be read', error);
      }
      // One at a time, in order: changes to one series arrive in the order Graph sent them.
      for (const message of taken) {
        try {
          if (message.dequeueCount > 5) {
            await poison.createIfNotExists();
            await poison.sendMessage(message.messageText);
          } else {
            await options.handle(
              JSON.parse(Buffer.from(message.messageText, 'base64').toString('utf8')),
            );
          }
          await queue.deleteMessage(message.messageId, message.popReceipt);
        } catch (error) {
          options.log?.(
            `calendar change ${message.messageId} failed; it will be tried again`,
            error,
          );
        }
      }
      if (taken.length > 0) continue;
      await Promise.race([
        sleep(options.idleMs ?? 200),
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
    },
  };
}
