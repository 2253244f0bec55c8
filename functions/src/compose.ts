import { randomBytes, randomUUID } from 'node:crypto';
import { ManagedIdentityCredential } from '@azure/identity';
import { graphActivityFeed } from './adapters/graph/activity-feed';
import { graphCalendar } from './adapters/graph/calendar';
import { graphDirectorySource } from './adapters/graph/directory-delta';
import { createGraphClient } from './adapters/graph/graph-client';
import { graphHealth } from './adapters/graph/graph-health';
import { graphSubscriptions } from './adapters/graph/subscriptions';
import { bookingQueue, type QueueConnection } from './adapters/queues/booking-queue';
import { calendarChangeQueue } from './adapters/queues/calendar-change-queue';
import { applicationTable } from './adapters/tables/application-table';
import { bookingTable } from './adapters/tables/booking-table';
import { directoryTable } from './adapters/tables/directory-table';
import type { TableConnection } from './adapters/tables/json-table';
import { mailboxSlotTable } from './adapters/tables/mailbox-slot-table';
import { matchingTable } from './adapters/tables/matching-table';
import { outboxTable } from './adapters/tables/outbox-table';
import { pairSpaceTable } from './adapters/tables/pair-space-table';
import { pairTable } from './adapters/tables/pair-table';
import { programmeTable } from './adapters/tables/programme-table';
import { subscriptionTable } from './adapters/tables/subscription-table';
import { tableHealth } from './adapters/tables/table-health';
import { endProgrammePairs } from './app/ending/end-pair';
import { endSeries } from './app/sessions/end-series';
import { moveSession, sessionAlternatives } from './app/sessions/move-session';
import type { BackendConfig } from './config';
import { pairPage, tabAddress, teamsAddress } from './domain/deep-link';
import { cachedHealthCheck } from './domain/health';
import { createTokenValidator } from './http/auth';
import { createDispatcher, type Dispatcher } from './http/dispatch';
import { routes } from './http/routes';
import { type BookingDeps, bookFromQueue, bookPair } from './jobs/booking';
import { bookingSubjects } from './jobs/booking-subjects';
import { requeueBookings } from './jobs/booking-sweep';
import {
  type EnsureResult,
  ensureSubscription,
  handleCalendarChange,
  type SubscriptionDeps,
} from './jobs/calendar-sync';
import { followUpProgramme } from './jobs/follow-up';
import { createOrgSync } from './jobs/org-sync';
import { type SendRound, sendNotices } from './jobs/send-notices';
import type { CalendarChangeMessage } from './ports/calendar-sync';
import { type Clock, systemClock } from './ports/clock';
import type { Services } from './ports/services';

export interface Composition {
  dispatcher: Dispatcher;
  services: Services;
  /** The background work the hosts trigger (queue messages, timers). */
  jobs: {
    /** Books one confirmed pair's series (the `booking` queue's handler). */
    bookPair(pairId: string): Promise<unknown>;
    /** A `booking` queue message: bookPair, or the pair handed back to the queue while Graph throttles. */
    bookFromQueue(pairId: string): Promise<{ handedBackForSeconds?: number }>;
    /** Follows every programme's booked series (a timer). */
    followUpAll(): Promise<{ checked: number; flagged: number }>;
    /** Re-queues pairs whose booking was lost or failed (a timer). */
    requeueBookings(): Promise<{ requeued: string[] }>;
    /**
     * Creates or renews the change-notification subscription on the organiser's events (a
     * timer); undefined when TANDEM_NOTIFICATION_URL is not set.
     */
    ensureCalendarSubscription(): Promise<EnsureResult | undefined>;
    /** One message of the `calendar-changes` queue (jobs/calendar-sync.ts). */
    handleCalendarChange(message: CalendarChangeMessage): Promise<unknown>;
    /**
     * One round of the notifications sender (a timer; jobs/send-notices.ts); undefined when no
     * Teams app id is configured (a notice's link needs it).
     */
    sendNotices(): Promise<SendRound | undefined>;
  };
}

/** Where an invitation links back to: the pair in Teams when the app id is known, else the tab. */
export function pairLink(config: BackendConfig, pairId: string): string {
  const page = pairPage(pairId);
  return config.teamsAppId
    ? teamsAddress(config.teamsAppId, page)
    : tabAddress(config.tabUrl ?? '', page);
}

/** Azurite's connection string locally; the account URL and the managed identity in Azure. */
function tableConnection(config: BackendConfig): TableConnection {
  if (config.storageConnection) {
    return { kind: 'connectionString', connectionString: config.storageConnection };
  }
  return {
    kind: 'accountUrl',
    url: config.storageAccountUrl!,
    credential: new ManagedIdentityCredential(
      config.managedIdentityClientId ? { clientId: config.managedIdentityClientId } : {},
    ),
  };
}

/** The same storage account's queues: Azurite's connection string, or the queue endpoint in Azure. */
function queueConnection(config: BackendConfig, tables: TableConnection): QueueConnection {
  if (tables.kind === 'connectionString') return tables;
  return {
    kind: 'accountUrl',
    url: config.queueAccountUrl ?? tables.url.replace('.table.', '.queue.'),
    credential: tables.credential,
  };
}

/** The composition root: turns configuration into ports and the request pipeline, for any host. */
export function composeBackend(
  config: BackendConfig,
  options: {
    clock?: Clock;
    /**
     * Time for token lifetimes (default: `clock`). The local demo moves its clock by days while the
     * issuer signs tokens on real time, so it keeps the system clock here.
     */
    tokenClock?: Clock;
    log?: (message: string, error?: unknown) => void;
    /**
     * The Teams app notices link into when TANDEM_TEAMS_APP_ID is not set: the local stack's
     * simulated catalog app, while invitations keep linking to the local tab.
     */
    noticeTeamsAppId?: string;
  } = {},
): Composition {
  const clock = options.clock ?? systemClock;
  const tokenClock = options.tokenClock ?? clock;
  const connection = tableConnection(config);
  const graph = createGraphClient(config);
  const directory = directoryTable(connection);
  const subscriptions = subscriptionTable(connection);
  const queues = queueConnection(config, connection);
  const noticeTeamsAppId = config.teamsAppId ?? options.noticeTeamsAppId;
  const services: Services = {
    clock,
    newId: randomUUID,
    programmes: programmeTable(connection),
    applications: applicationTable(connection),
    directory,
    directorySync: createOrgSync(graphDirectorySource(graph), directory, () => clock.now()),
    matchings: matchingTable(connection),
    pairs: pairTable(connection),
    pairSpace: pairSpaceTable(connection),
    bookingQueue: bookingQueue(queues),
    bookings: bookingTable(connection),
    sessions: {
      alternatives: (pairId, index) => sessionAlternatives(sessionDeps(), pairId, index),
      move: (pairId, index, start, by) =>
        moveSession(
          {
            ...sessionDeps(),
            pairs: services.pairs,
            programmes: services.programmes,
            directory,
            outbox: services.outbox,
          },
          pairId,
          index,
          start,
          by,
        ),
      end: (pairId, reason) => endSeries(endDeps(), pairId, reason),
      endProgramme: (programme) => endProgrammePairs(programmeEndDeps(), programme),
    },
    health: cachedHealthCheck(
      { storage: tableHealth(connection), graph: graphHealth(graph, config.organiserMailbox) },
      () => clock.now(),
    ),
    calendarNotifications: {
      subscription: (id) => subscriptions.byId(id),
      queue: calendarChangeQueue(queues),
    },
    outbox: outboxTable(connection),
  };
  const notifications = noticeTeamsAppId
    ? graphActivityFeed(graph, { teamsAppId: noticeTeamsAppId })
    : undefined;
  // Outlook's 4-per-mailbox limit holds across every instance (adapters/tables/mailbox-slot-table.ts).
  const calendar = graphCalendar(graph, mailboxSlotTable(connection));
  const sessionDeps = () => ({ bookings: services.bookings, calendar, now: () => clock.now() });
  const endDeps = () => ({
    ...sessionDeps(),
    organizer: config.organiserMailbox ?? '',
    queue: services.bookingQueue,
  });
  const programmeEndDeps = () => ({
    bookings: services.bookings,
    pairs: services.pairs,
    directory,
    queue: services.bookingQueue,
    organizer: config.organiserMailbox ?? '',
    now: () => clock.now(),
  });
  const bookingDeps = (): BookingDeps => {
    if (!config.organiserMailbox) {
      throw new Error('TANDEM_ORGANISER_MAILBOX is not set: pairs cannot be booked');
    }
    return {
      bookings: services.bookings,
      subjects: bookingSubjects(services.pairs, services.programmes, clock),
      directory,
      directorySync: services.directorySync,
      calendar,
      organizer: config.organiserMailbox,
      pairUrl: (pairId) => pairLink(config, pairId),
      pairSpace: services.pairSpace,
      outbox: services.outbox,
      now: () => clock.now(),
    };
  };
  const subscriptionDeps = (): SubscriptionDeps | undefined =>
    config.notificationUrl && config.organiserMailbox
      ? {
          store: subscriptions,
          graph: graphSubscriptions(graph),
          organizer: config.organiserMailbox,
          notificationUrl: config.notificationUrl,
          // 32 random bytes, base64url: 43 characters, under clientState's 128.
          newSecret: () => randomBytes(32).toString('base64url'),
          now: () => clock.now(),
        }
      : undefined;
  const allBookings = async () => {
    const out = [];
    for (const { value: programme } of await services.programmes.list()) {
      out.push(...(await services.bookings.listByProgramme(programme.id)));
    }
    return out;
  };
  const jobs: Composition['jobs'] = {
    async ensureCalendarSubscription() {
      const deps = subscriptionDeps();
      return deps ? ensureSubscription(deps) : undefined;
    },
    async handleCalendarChange(message) {
      const deps = subscriptionDeps();
      if (!deps) return { done: 'unknownSubscription' };
      return handleCalendarChange(
        {
          subscriptions: deps,
          followUp: { bookings: services.bookings, calendar, now: () => clock.now() },
          bookings: allBookings,
          followUpAll: () => jobs.followUpAll(),
        },
        message,
      );
    },
    async sendNotices() {
      if (!notifications) return undefined;
      return sendNotices({ outbox: services.outbox, notifications, now: () => clock.now() });
    },
    bookPair: (pairId) => bookPair(bookingDeps(), pairId),
    bookFromQueue: (pairId) =>
      bookFromQueue(pairId, {
        book: (id) => bookPair(bookingDeps(), id),
        queue: services.bookingQueue,
      }),
    requeueBookings: () =>
      requeueBookings({
        programmes: services.programmes,
        pairs: services.pairs,
        bookings: services.bookings,
        queue: services.bookingQueue,
        endProgramme: (programme) => endProgrammePairs(programmeEndDeps(), programme),
        now: () => clock.now(),
      }),
    async followUpAll() {
      const deps = { bookings: services.bookings, calendar, now: () => clock.now() };
      let checked = 0;
      let flagged = 0;
      for (const { value: programme } of await services.programmes.list()) {
        if (programme.status !== 'running' && programme.status !== 'matching') continue;
        const r = await followUpProgramme(deps, programme.id);
        checked += r.checked;
        flagged += r.flagged;
      }
      return { checked, flagged };
    },
  };
  const validator = createTokenValidator(config, () => tokenClock.now());
  return {
    dispatcher: createDispatcher(routes, validator, services, options.log),
    services,
    jobs,
  };
}
