import type { Booking } from '../domain/booking/booking';
import {
  eventsResource,
  expiryFrom,
  type StoredSubscription,
  subscriptionAction,
} from '../domain/calendar-sync/subscription';
import type {
  CalendarChangeMessage,
  SubscriptionPort,
  SubscriptionStore,
} from '../ports/calendar-sync';
import type { Versioned } from '../ports/versioned';
import { type FollowUpDeps, followUpBooking } from './follow-up';

/**
 * Two-way calendar sync: a change-notification subscription on the organiser mailbox's events,
 * so an answer, a move or a cancel made in Outlook reaches the booking within a minute
 * (docs/graph.md, "Change notifications"). The hourly follow-up stays as the safety net.
 */
export interface SubscriptionDeps {
  store: SubscriptionStore;
  graph: SubscriptionPort;
  organizer: string;
  /** Where Graph posts notifications (and lifecycle notices): `…/api/calendar/notifications`. */
  notificationUrl: string;
  /** A new clientState secret (crypto.randomBytes in compose.ts). */
  newSecret(): string;
  now(): Date;
}

export type EnsureResult = {
  action: 'created' | 'renewed' | 'kept';
  subscription: StoredSubscription;
};

/**
 * Makes sure the subscription exists and has more than a day left (the subscription timer, every
 * 30 minutes; `force` for lifecycle notices: renew on reauthorizationRequired, create on
 * subscriptionRemoved — concepts/change-notifications-lifecycle-events.md).
 */
export async function ensureSubscription(
  deps: SubscriptionDeps,
  force?: 'renew' | 'create',
): Promise<EnsureResult> {
  const stored = (await deps.store.get(deps.organizer))?.value;
  const now = deps.now();
  let action = subscriptionAction(stored, deps, now);
  if (force === 'create' || (force === 'renew' && action === 'keep')) action = force;
  if (stored && action === 'keep') return { action: 'kept', subscription: stored };
  if (stored && action === 'renew') {
    // PATCH renews and reauthorizes at once (lifecycle events page, reauthorizationRequired).
    const renewed = await deps.graph.renew(stored.id, expiryFrom(now));
    if (renewed !== 'gone') {
      const subscription = { ...stored, expirationDateTime: renewed.expirationDateTime };
      await deps.store.put(subscription);
      return { action: 'renewed', subscription };
    }
  }
  const clientState = deps.newSecret();
  const resource = eventsResource(deps.organizer);
  const created = await deps.graph.create({
    resource,
    changeType: 'created,updated,deleted',
    notificationUrl: deps.notificationUrl,
    lifecycleNotificationUrl: deps.notificationUrl,
    expirationDateTime: expiryFrom(now),
    clientState,
  });
  const subscription: StoredSubscription = {
    id: created.id,
    organizer: deps.organizer,
    resource,
    notificationUrl: deps.notificationUrl,
    expirationDateTime: created.expirationDateTime,
    clientState,
  };
  await deps.store.put(subscription, stored);
  // The one it replaces (another URL or mailbox, or removed by Graph) stops notifying.
  if (stored && stored.id !== created.id) await deps.graph.remove(stored.id).catch(() => {});
  return { action: 'created', subscription };
}

export interface ChangeDeps {
  subscriptions: SubscriptionDeps;
  followUp: FollowUpDeps;
  /** Every booking that may hold a series (all programmes). */
  bookings(): Promise<Versioned<Booking>[]>;
  /** The whole follow-up round (a `missed` notice: notifications were lost). */
  followUpAll(): Promise<unknown>;
}

export type ChangeOutcome =
  | { done: 'followedUp'; pairId: string; result: 'skipped' | 'checked' | 'flagged' }
  | { done: 'notOurs' | 'unknownSubscription' }
  | { done: 'renewed' | 'recreated' | 'resynced' };

function bookingOf(bookings: Versioned<Booking>[], eventId: string) {
  return bookings.find(
    ({ value: b }) =>
      b.eventId === eventId ||
      b.iCalUId === eventId ||
      b.sessions.some((s) => s.occurrenceId === eventId),
  );
}

/**
 * One message of the `calendar-changes` queue. A change re-reads that booking's series and
 * answers (the follow-up of ONE booking); an id that is no series of ours is looked up as an
 * occurrence of one; lifecycle notices renew, recreate or resync.
 */
export async function handleCalendarChange(
  deps: ChangeDeps,
  message: CalendarChangeMessage,
): Promise<ChangeOutcome> {
  const subscription = await deps.subscriptions.store.byId(message.subscriptionId);
  if (!subscription) return { done: 'unknownSubscription' };
  if (message.kind === 'lifecycle') {
    switch (message.lifecycleEvent) {
      case 'reauthorizationRequired':
        await ensureSubscription(deps.subscriptions, 'renew');
        return { done: 'renewed' };
      case 'subscriptionRemoved':
        // Recreate, then catch up on what happened meanwhile (lifecycle events page).
        await ensureSubscription(deps.subscriptions, 'create');
        await deps.followUpAll();
        return { done: 'recreated' };
      case 'missed':
        await deps.followUpAll();
        return { done: 'resynced' };
    }
  }
  const bookings = await deps.bookings();
  let found = bookingOf(bookings, message.eventId);
  if (!found && message.changeType !== 'deleted') {
    const master = await deps.subscriptions.graph.seriesMasterOf(
      subscription.organizer,
      message.eventId,
    );
    if (master && master !== message.eventId) found = bookingOf(bookings, master);
  }
  if (!found) return { done: 'notOurs' };
  return {
    done: 'followedUp',
    pairId: found.value.pairId,
    result: await followUpBooking(deps.followUp, found),
  };
}
