import azureFunctions from '@azure/functions';
import {
  BOOKING_QUEUE,
  bookingMessageSchema,
  readQueueMessage,
} from './adapters/queues/booking-queue';
import {
  CALENDAR_CHANGE_QUEUE,
  calendarChangeMessageSchema,
} from './adapters/queues/calendar-change-queue';
import { composeBackend } from './compose';
import { loadConfig } from './config';
import { azureHttpHandler } from './http/azure-http';
import { routes } from './http/routes';
import { orgSyncTick } from './jobs/org-sync';

// @azure/functions ships CommonJS: a default import works in both plain Node ESM and bundlers.
const { app } = azureFunctions;

const { dispatcher, services, jobs } = composeBackend(loadConfig(), {
  log: (message, error) => console.error(message, error),
});

// Bodies arrive as streams, so the entry point refuses an oversized one before reading it
// (http/azure-http.ts).
app.setup({ enableHttpStream: true });

// Each route of the table becomes one HTTP function; the dispatcher re-matches the URL so both
// hosts share one pipeline (auth, limits, zod, problem+json).
for (const route of routes) {
  app.http(route.name, {
    methods: [route.method],
    authLevel: 'anonymous',
    route: route.path.slice(1).replace(/:(\w+)/g, '{$1}'),
    handler: azureHttpHandler(route, dispatcher),
  });
}

// Org sync: a delta round every 15 minutes keeps the directory snapshot (rule 1's source) fresh;
// confirmation and booking also run one first. Rounds after the first read only what changed.
app.timer('org-sync', {
  schedule: '0 */15 * * * *',
  runOnStartup: false,
  handler: async (_timer, context) => {
    const tick = await orgSyncTick(services.directorySync);
    if ('throttledForSeconds' in tick) {
      context.log(
        `org sync: Graph asked to wait ${tick.throttledForSeconds} s; the next tick runs the round again`,
      );
      return;
    }
    const { result } = tick;
    context.log(
      `org sync: ${result.full ? 'full' : 'changes'} round, ${result.pages} pages, ${result.changes} changes, ${result.people} people`,
    );
  },
});

// Booking: one message per confirmed pair on the `booking` queue (same storage account as the
// host's, reached with the managed identity). A failed run is retried by the trigger (5 tries, then
// `booking-poison`); booking is idempotent, so a retry never makes a second series.
app.storageQueue('booking', {
  queueName: 'booking',
  connection: 'AzureWebJobsStorage',
  handler: async (message, context) => {
    const { pairId } = readQueueMessage(BOOKING_QUEUE, bookingMessageSchema, message);
    context.log(`booking pair ${pairId}`);
    const { handedBackForSeconds } = await jobs.bookFromQueue(pairId);
    if (handedBackForSeconds !== undefined) {
      context.log(
        `booking pair ${pairId}: Graph asked to wait; queued again in ${handedBackForSeconds} s`,
      );
    }
  },
});

// Follow-up: hourly, answers to the invitations and sessions moved or cancelled (PRODUCT rule 8).
app.timer('booking-follow-up', {
  schedule: '0 5 * * * *',
  handler: async (_timer, context) => {
    const result = await jobs.followUpAll();
    context.log(`follow-up: ${result.checked} series checked, ${result.flagged} flagged`);
  },
});

// Every confirmed pair ends booked: lost queue messages and failed bookings are queued again.
app.timer('booking-sweep', {
  schedule: '0 */10 * * * *',
  handler: async (_timer, context) => {
    const { requeued } = await jobs.requeueBookings();
    if (requeued.length > 0) context.log(`booking sweep: ${requeued.length} pairs queued again`);
  },
});

// Two-way calendar sync (docs/graph.md, "Change notifications"): the subscription on the
// organiser's events is made or renewed every 30 minutes (it lives under 7 days; renewed with a
// day left). One timer instance runs at a time, so two instances never make two subscriptions.
app.timer('calendar-subscription', {
  schedule: '0 */30 * * * *',
  handler: async (_timer, context) => {
    const result = await jobs.ensureCalendarSubscription();
    if (result)
      context.log(
        `calendar subscription ${result.action}, until ${result.subscription.expirationDateTime}`,
      );
  },
});

// Each notification Graph posts to /api/calendar/notifications becomes a `calendar-changes`
// message: the series it names is followed up at once (the hourly follow-up stays as the net).
app.storageQueue('calendar-changes', {
  queueName: 'calendar-changes',
  connection: 'AzureWebJobsStorage',
  handler: async (message, context) => {
    const change = readQueueMessage(CALENDAR_CHANGE_QUEUE, calendarChangeMessageSchema, message);
    const outcome = await jobs.handleCalendarChange(change);
    context.log(`calendar change ${change.kind}: ${JSON.stringify(outcome)}`);
  },
});

// Notifications (docs/notifications.md): every minute the sender claims the outbox's due entries,
// sends each to the Teams activity feed and marks it sent. One timer instance runs at a time; a
// second sender elsewhere would only lose the ETag race for an entry, never send it twice.
app.timer('notices', {
  schedule: '0 * * * * *',
  handler: async (_timer, context) => {
    const round = await jobs.sendNotices();
    if (!round) return;
    if (round.sent + round.refused + round.deferred > 0)
      context.log(
        `notices: ${round.sent} sent, ${round.refused} refused, ${round.deferred} deferred${round.throttledForSeconds === undefined ? '' : ` (Graph asked to wait ${round.throttledForSeconds} s)`}`,
      );
  },
});
