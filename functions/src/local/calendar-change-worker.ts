import type { QueueConnection } from '../adapters/queues/booking-queue';
import {
  CALENDAR_CHANGE_QUEUE,
  calendarChangeMessageSchema,
} from '../adapters/queues/calendar-change-queue';
import type { CalendarChangeMessage } from '../ports/calendar-sync';
import { startQueueWorker } from './queue-worker';

/**
 * The local host's stand-in for the `calendar-changes` queue trigger (functions/src/index.ts).
 * One message at a time, in the order taken: changes to one series arrive in the order Graph sent
 * them.
 */
export function startCalendarChangeWorker(options: {
  connection: QueueConnection;
  handle(message: CalendarChangeMessage): Promise<unknown>;
  idleMs?: number;
  log?: (message: string, error?: unknown) => void;
}) {
  return startQueueWorker({
    ...options,
    queue: CALENDAR_CHANGE_QUEUE,
    schema: calendarChangeMessageSchema,
    concurrency: 1,
    idleMs: options.idleMs ?? 200,
  });
}
