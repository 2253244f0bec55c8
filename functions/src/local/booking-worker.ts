import {
  BOOKING_QUEUE,
  bookingMessageSchema,
  type QueueConnection,
} from '../adapters/queues/booking-queue';
import { startQueueWorker } from './queue-worker';

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
 * The local host's stand-in for the `booking` queue trigger: books each pair, deleting the message
 * only once booked. A crash leaves the message to reappear, and booking is idempotent, so nothing
 * is lost and nothing is booked twice.
 */
export function startBookingWorker(options: BookingWorkerOptions) {
  const { book, ...rest } = options;
  return startQueueWorker({
    ...rest,
    queue: BOOKING_QUEUE,
    schema: bookingMessageSchema,
    concurrency: options.concurrency ?? 4,
    handle: ({ pairId }) => book(pairId),
  });
}
