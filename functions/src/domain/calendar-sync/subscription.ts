/**
 * The change-notification subscription on the organiser mailbox's events: when to renew it, how
 * long to ask for, and whether a notification carries the secret we gave Graph. Pure rules; the
 * Graph calls live in adapters/graph/subscriptions.ts, the loop in jobs/calendar-sync.ts.
 */

/**
 * An Outlook event subscription lives at most 10,080 minutes (under 7 days) without resource data
 * (api-reference/v1.0/resources/subscription.md, "Maximum length of subscription per resource
 * type"; https://learn.microsoft.com/graph/api/resources/subscription). Requests past the
 * maximum "will fail", so Tandem asks for an hour less.
 */
export const MAX_SUBSCRIPTION_MINUTES = 10_080;
const ASK_MINUTES = MAX_SUBSCRIPTION_MINUTES - 60;
/**
 * Renewed once less than a day is left. The timer runs every 30 minutes, so a day of failed
 * renewals still leaves the subscription alive; Graph's reauthorizationRequired notices renew it
 * earlier (concepts/change-notifications-lifecycle-events.md).
 */
export const RENEW_WHEN_LEFT_MS = 24 * 3_600_000;

/** clientState is at most 128 characters (subscription.md, clientState). */
export const CLIENT_STATE_MAX = 128;

export interface StoredSubscription {
  id: string;
  /** The mailbox whose events it watches. */
  organizer: string;
  resource: string;
  notificationUrl: string;
  /** UTC instant, ISO 8601. */
  expirationDateTime: string;
  /** The secret Graph sends back in every notification of this subscription. */
  clientState: string;
}

/** The expiry to ask Graph for, from now. */
export function expiryFrom(now: Date): string {
  return new Date(now.getTime() + ASK_MINUTES * 60_000).toISOString();
}

export type SubscriptionAction = 'create' | 'renew' | 'keep';

/**
 * What the timer does: none stored, a stored one for another mailbox or URL, or one past its
 * expiry → create (a new one); less than a day left → renew (PATCH); else keep.
 */
export function subscriptionAction(
  stored: StoredSubscription | undefined,
  wanted: { organizer: string; notificationUrl: string },
  now: Date,
): SubscriptionAction {
  if (!stored) return 'create';
  if (
    stored.organizer.toLowerCase() !== wanted.organizer.toLowerCase() ||
    stored.notificationUrl !== wanted.notificationUrl
  ) {
    return 'create';
  }
  const left = Date.parse(stored.expirationDateTime) - now.getTime();
  if (!(left > 0)) return 'create';
  return left < RENEW_WHEN_LEFT_MS ? 'renew' : 'keep';
}

/**
 * Whether a notification's clientState is the stored secret ("If there's a mismatch, don't consider
 * the change notification as valid", concepts/change-notifications-delivery-webhooks.md). The
 * comparison takes the same time wherever the strings differ.
 */
export function clientStateMatches(stored: string, received: string | undefined | null): boolean {
  if (typeof received !== 'string' || received.length !== stored.length) return false;
  let difference = 0;
  for (let i = 0; i < stored.length; i++) {
    difference |= stored.charCodeAt(i) ^ received.charCodeAt(i);
  }
  return difference === 0;
}

/** The resource path subscribed to: the organiser's events (outlook-change-notifications-overview). */
export function eventsResource(organizer: string): string {
  return `/users/${organizer}/events`;
}

/**
 * The event id a change notification names: `resourceData.id`, else the last segment of
 * `resource` ("Users/{id}/Events/{id}", concepts/change-notifications-delivery-webhooks.md).
 */
export function eventIdOf(notification: {
  resource?: string;
  resourceData?: { id?: string } | null;
}): string | undefined {
  const fromData = notification.resourceData?.id;
  if (fromData) return fromData;
  const match = /\/events(?:\/([^/()]+)|\('([^']+)'\))$/i.exec(notification.resource ?? '');
  const raw = match?.[1] ?? match?.[2];
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
