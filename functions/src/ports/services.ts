import type { ApplicationStore } from './applications';
import type { BookingQueue } from './booking-queue';
import type { BookingStore } from './bookings';
import type { CalendarNotificationIntake } from './calendar-sync';
import type { Clock } from './clock';
import type { DirectoryRefresh, DirectorySnapshot } from './directory';
import type { HealthCheck } from './health';
import type { MatchingStore } from './matching';
import type { Outbox } from './outbox';
import type { PairSpaceStore } from './pair-space';
import type { PairStore } from './pairs';
import type { ProgrammeStore } from './programmes';
import type { SessionMover } from './sessions';

/**
 * Everything a route handler may reach outside the domain, as ports. Each host (Azure Functions,
 * the local host, tests) builds one of these from its configuration.
 */
export interface Services {
  clock: Clock;
  /** A new unique id for an entity. */
  newId(): string;
  programmes: ProgrammeStore;
  applications: ApplicationStore;
  /** Who reports to whom, as org sync last read it (PRODUCT rule 1 is judged against it). */
  directory: DirectorySnapshot;
  /** Runs an org sync round now (before confirmation and booking judge rule 1). */
  directorySync: DirectoryRefresh;
  /** Each programme's matching: proposals, HR's locks and rejections. */
  matchings: MatchingStore;
  /** Confirmed pairs; holds mentors' capacity under concurrent confirmations. */
  pairs: PairStore;
  /** Each pair's agenda, notes, goals, activities and feedback (members only). */
  pairSpace: PairSpaceStore;
  /** Hands new pairs to booking. */
  bookingQueue: BookingQueue;
  /** Each pair's booked series, sessions, answers and follow-up flags. */
  bookings: BookingStore;
  /** Proposes free slots for one session and moves it (the pair's members). */
  sessions: SessionMover;
  /** Whether storage and Graph answer (`GET /api/health`). */
  health: HealthCheck;
  /** Graph's change notifications: the subscriptions' secrets, and the queue they go to. */
  calendarNotifications: CalendarNotificationIntake;
  /** Notices decided on, waiting for the sender job (docs/notifications.md). */
  outbox: Outbox;
}
