import { z } from 'zod';
import type { CalendarChangeMessage, CalendarChangeQueue } from '../../ports/calendar-sync';
import { creatingOnce, type QueueConnection, queueClient } from './booking-queue';

export const CALENDAR_CHANGE_QUEUE = 'calendar-changes';

/** What the `calendar-changes` queue carries (the notification route writes it). */
export const calendarChangeMessageSchema: z.ZodType<CalendarChangeMessage> = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('change'),
      subscriptionId: z.string().min(1),
      changeType: z.enum(['created', 'updated', 'deleted']),
      eventId: z.string().min(1),
    }),
    z.object({
      kind: z.literal('lifecycle'),
      subscriptionId: z.string().min(1),
      lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']),
    }),
  ],
);

/**
 * The `calendar-changes` queue: one message per notification item, base64 JSON as the Functions
 * queue trigger reads by default (like the `booking` queue). The notification route answers Graph
 * 202 once they are here (concepts/change-notifications-delivery-webhooks.md: persist, then 202).
 */
export function calendarChangeQueue(
  connection: QueueConnection,
  name = CALENDAR_CHANGE_QUEUE,
): CalendarChangeQueue {
  const client = queueClient(connection, name);
  const ensure = creatingOnce(client);
  return {
    async enqueue(messages: readonly CalendarChangeMessage[]) {
      if (messages.length === 0) return;
      await ensure();
      await Promise.all(
        messages.map((m) => client.sendMessage(Buffer.from(JSON.stringify(m)).toString('base64'))),
      );
    },
  };
}
