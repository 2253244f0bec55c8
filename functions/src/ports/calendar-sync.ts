import type { StoredSubscription } from '../domain/calendar-sync/subscription';
import type { Versioned } from './versioned';

/** Graph's subscriptions, as the calendar sync needs them (adapters/graph/subscriptions.ts). */
export interface SubscriptionPort {
  /**
   * POST /subscriptions. Graph validates the notification URLs before answering
   * (concepts/change-notifications-delivery-webhooks.md): the endpoint must be up.
   */
  create(request: {
    resource: string;
    changeType: string;
    notificationUrl: string;
    lifecycleNotificationUrl: string;
    expirationDateTime: string;
    clientState: string;
  }): Promise<{ id: string; expirationDateTime: string }>;
  /** PATCH /subscriptions/{id} with a new expiry; `gone` when Graph no longer has it (404). */
  renew(id: string, expirationDateTime: string): Promise<{ expirationDateTime: string } | 'gone'>;
  /** DELETE /subscriptions/{id}; one already gone is done. */
  remove(id: string): Promise<void>;
  /** The series an occurrence or exception belongs to; undefined when the event is gone. */
  seriesMasterOf(organizer: string, eventId: string): Promise<string | undefined>;
}

/** Where the one subscription (per organiser mailbox) and its secret are kept. */
export interface SubscriptionStore {
  get(organizer: string): Promise<Versioned<StoredSubscription> | undefined>;
  /** Finds a subscription by Graph's id (each notification names it). */
  byId(id: string): Promise<StoredSubscription | undefined>;
  /** Stores it; replaces the organiser's previous one (and its id index). */
  put(subscription: StoredSubscription, previous?: StoredSubscription): Promise<void>;
}

/** One unit of work taken off a notification, done by the `calendar-changes` queue's handler. */
export type CalendarChangeMessage =
  | {
      kind: 'change';
      subscriptionId: string;
      changeType: 'created' | 'updated' | 'deleted';
      eventId: string;
    }
  | {
      kind: 'lifecycle';
      subscriptionId: string;
      lifecycleEvent: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';
    };

export interface CalendarChangeQueue {
  enqueue(messages: readonly CalendarChangeMessage[]): Promise<void>;
}

/** What the notification route reaches: the stored secrets, and the queue it hands work to. */
export interface CalendarNotificationIntake {
  subscription(id: string): Promise<StoredSubscription | undefined>;
  queue: CalendarChangeQueue;
}
