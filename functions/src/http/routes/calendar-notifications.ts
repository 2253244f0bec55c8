import { z } from 'zod';
import {
  CLIENT_STATE_MAX,
  clientStateMatches,
  eventIdOf,
} from '../../domain/calendar-sync/subscription';
import type { CalendarChangeMessage } from '../../ports/calendar-sync';
import { endpoint } from '../endpoints';
import { HttpProblem } from '../problems';
import { type AnyRoute, defineRoute } from '../route';

/**
 * One item of a changeNotificationCollection (api-reference/v1.0/resources/changenotification.md):
 * a change (`changeType`, `resource`, `resourceData`) or a lifecycle notice (`lifecycleEvent`,
 * concepts/change-notifications-lifecycle-events.md). Fields Graph may add are ignored.
 */
export const ChangeNotificationSchema = z
  .object({
    subscriptionId: z.string().min(1).max(200),
    clientState: z.string().max(CLIENT_STATE_MAX).nullish(),
    changeType: z.enum(['created', 'updated', 'deleted']).optional(),
    lifecycleEvent: z.string().min(1).max(64).optional(),
    resource: z.string().max(2048).optional(),
    resourceData: z
      .object({ id: z.string().min(1).max(1024).optional() })
      .passthrough()
      .nullish(),
    subscriptionExpirationDateTime: z.string().max(64).optional(),
    tenantId: z.string().max(64).optional(),
  })
  .refine((n) => n.changeType !== undefined || n.lifecycleEvent !== undefined, {
    message: 'A notification has a changeType or a lifecycleEvent',
  });

/** The POST body: `{ value: [changeNotification…] }` (changenotificationcollection.md). */
export const ChangeNotificationCollectionSchema = z.object({
  value: z.array(ChangeNotificationSchema).min(1).max(1000),
});

/**
 * The validation request's token (`?validationToken=…`, URL-decoded by the query parser). Opaque,
 * but "Microsoft Graph never sends any value containing HTML or JavaScript code"
 * (concepts/includes/change-notifications-delivery-notificationurl-validation.md): one that does
 * is not Graph's and is refused.
 */
export const NotificationQuerySchema = z.object({
  validationToken: z
    .string()
    .min(1)
    .max(2048)
    .refine((t) => !/[<>\p{Cc}]/u.test(t), 'Not a validation token')
    .optional(),
});

const LIFECYCLE = new Set(['reauthorizationRequired', 'subscriptionRemoved', 'missed']);

/**
 * Microsoft Graph's change notifications on the organiser's events (docs/graph.md, "Change
 * notifications"). Anonymous — Graph sends no token — but each item must carry the clientState
 * secret stored for its subscription, and a creation is validated by echoing the token.
 */
export const calendarNotificationRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('calendar-notifications'),
    access: 'anonymous',
    // Graph batches notifications; without resource data an item is well under 1 KB.
    maxBodyBytes: 512 * 1024,
    request: {
      query: NotificationQuerySchema,
      body: ChangeNotificationCollectionSchema.optional(),
    },
    handler: async ({ query, body, services }) => {
      // Validation: 200, text/plain, the decoded token, within 10 s
      // (change-notifications-delivery-webhooks.md, "notificationUrl validation").
      if (query.validationToken) return { status: 200, text: query.validationToken };
      if (!body) {
        throw new HttpProblem(400, 'Send a validationToken or a notification collection.', {
          errors: [{ path: 'body', message: 'Required' }],
        });
      }
      const intake = services.calendarNotifications;
      const secrets = new Map<string, Promise<string | undefined>>();
      const secretOf = (id: string) => {
        let secret = secrets.get(id);
        if (!secret) {
          secret = intake.subscription(id).then((s) => s?.clientState);
          secrets.set(id, secret);
        }
        return secret;
      };
      const messages: CalendarChangeMessage[] = [];
      for (const item of body.value) {
        const secret = await secretOf(item.subscriptionId);
        // A mismatch is not Graph's: dropped, never acted on (delivery-webhooks, "Processing").
        if (secret === undefined || !clientStateMatches(secret, item.clientState)) continue;
        if (item.lifecycleEvent !== undefined) {
          if (LIFECYCLE.has(item.lifecycleEvent)) {
            messages.push({
              kind: 'lifecycle',
              subscriptionId: item.subscriptionId,
              lifecycleEvent: item.lifecycleEvent as 'missed',
            });
          }
          continue;
        }
        const eventId = eventIdOf(item);
        if (item.changeType && eventId) {
          messages.push({
            kind: 'change',
            subscriptionId: item.subscriptionId,
            changeType: item.changeType,
            eventId,
          });
        }
      }
      try {
        await intake.queue.enqueue(messages);
      } catch {
        // Not persisted: a 5xx makes Graph deliver it again (delivery-webhooks, "Processing").
        throw new HttpProblem(503, 'The notification could not be stored; deliver it again.');
      }
      // Stored (or dropped): 202, the work runs from the queue (Graph waits 3 s at most).
      return { status: 202 };
    },
  }),
];
