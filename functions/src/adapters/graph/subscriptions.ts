import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { SubscriptionPort } from '../../ports/calendar-sync';
import { readReply } from './event-wire';

/** A created or renewed subscription's reply: its id and its (possibly shortened) expiry. */
const subscriptionWire = z.object({ id: z.string().min(1), expirationDateTime: z.string() });
const renewedWire = z.object({ expirationDateTime: z.string() });
/** An event's `type` and `seriesMasterId` (https://learn.microsoft.com/graph/api/resources/event). */
const eventKindWire = z.object({
  id: z.string().min(1),
  type: z.string().nullish(),
  seriesMasterId: z.string().nullish(),
});

/**
 * Graph's change-notification subscriptions (api-reference/v1.0/resources/subscription.md;
 * create: api/subscription-post-subscriptions, renew: api/subscription-update, delete:
 * api/subscription-delete). Managing a subscription needs a read scope on the resource: for the
 * organiser's events Calendars.Read, which the Calendars.ReadWrite Tandem holds covers
 * (outlook-change-notifications-overview, "Request permissions").
 */
export function graphSubscriptions(client: Client): SubscriptionPort {
  const user = (id: string) => `/users/${encodeURIComponent(id)}`;
  const isStatus = (error: unknown, ...codes: number[]) =>
    error instanceof GraphError && codes.includes(error.statusCode);

  return {
    async create(request) {
      const reply = await client.api('/subscriptions').post({
        changeType: request.changeType,
        notificationUrl: request.notificationUrl,
        // Lifecycle notices (reauthorizationRequired, subscriptionRemoved, missed) can only be
        // asked for at creation (concepts/change-notifications-lifecycle-events.md).
        lifecycleNotificationUrl: request.lifecycleNotificationUrl,
        resource: request.resource,
        expirationDateTime: request.expirationDateTime,
        clientState: request.clientState,
      });
      const created = readReply('creating a subscription', subscriptionWire, reply);
      return { id: created.id, expirationDateTime: created.expirationDateTime };
    },
    async renew(id, expirationDateTime) {
      try {
        const reply = await client
          .api(`/subscriptions/${encodeURIComponent(id)}`)
          .patch({ expirationDateTime });
        const renewed = readReply('renewing a subscription', renewedWire, reply);
        return { expirationDateTime: renewed.expirationDateTime };
      } catch (error) {
        // An expired or removed subscription is gone: Graph "deletes the subscription" when it is
        // not renewed in time (concepts/change-notifications-delivery-webhooks.md).
        if (isStatus(error, 404)) return 'gone';
        throw error;
      }
    },
    async remove(id) {
      try {
        await client.api(`/subscriptions/${encodeURIComponent(id)}`).delete();
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    },
    async seriesMasterOf(organizer, eventId) {
      try {
        const reply = await client
          .api(`${user(organizer)}/events/${encodeURIComponent(eventId)}`)
          .select('id,type,seriesMasterId')
          .get();
        const event = readReply('reading an event', eventKindWire, reply);
        return event.seriesMasterId ?? event.id;
      } catch (error) {
        if (isStatus(error, 404)) return undefined;
        throw error;
      }
    },
  };
}
