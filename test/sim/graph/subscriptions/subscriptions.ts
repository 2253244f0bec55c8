import { randomUUID } from 'node:crypto';
import type { CalendarChange, CalendarStore } from '../calendar/calendar-store';
import type { SimContext } from '../context';
import { GraphError, type GraphResponse, type GraphRoute } from '../router';

/**
 * Microsoft Graph's change notifications on Outlook events, for the simulated tenant:
 * `POST/PATCH/DELETE /subscriptions` (api-reference/v1.0/resources/subscription.md), the
 * validation request on create (concepts/includes/change-notifications-delivery-notificationurl-validation.md),
 * change notifications on created/updated/deleted events (concepts/change-notifications-delivery-webhooks.md)
 * and lifecycle notices (concepts/change-notifications-lifecycle-events.md).
 */

/** Outlook event subscriptions: at most 10,080 minutes (subscription.md, maximum length table). */
export const MAX_EVENT_SUBSCRIPTION_MINUTES = 10_080;
/** The validation request must be answered within 10 seconds (validation include, step 3). */
const VALIDATION_TIMEOUT_MS = 10_000;
/** Graph waits 3 seconds for a notification's 2xx (delivery-webhooks, "Processing"). */
const DELIVERY_TIMEOUT_MS = 3_000;

/**
 * Which id a notification names when ONE occurrence of a series changes: the pages do not say, so
 * both are modes — the occurrence's own id (`occurrence`) or the series master's (`seriesMaster`).
 */
export type OccurrenceIdMode = 'occurrence' | 'seriesMaster';
export const OCCURRENCE_ID_MODES: readonly OccurrenceIdMode[] = ['occurrence', 'seriesMaster'];

interface Subscription {
  id: string;
  resource: string;
  mailboxId: string;
  changeType: string[];
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expirationDateTime: string;
  applicationId: string;
}

export interface Delivery {
  subscriptionId: string;
  url: string;
  kind: 'change' | 'lifecycle';
  /** changeType or lifecycleEvent. */
  what: string;
  eventId?: string;
  status: number | 'failed';
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
/**
 * notificationUrl "must make use of the HTTPS protocol" (subscription.md). The local host serves
 * plain HTTP on loopback, so the simulator lets loopback http through and nothing else.
 */
function isAllowedUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function simSubscriptions(ctx: SimContext, store: CalendarStore, tenantId: () => string) {
  const subscriptions = new Map<string, Subscription>();
  const deliveries: Delivery[] = [];
  let occurrenceIdMode: OccurrenceIdMode = 'occurrence';
  /** Off: changes are not delivered (lost, as throttled endpoints lose them; then send `missed`). */
  let delivering = true;
  const pending = new Set<Promise<void>>();

  const live = (id: string): Subscription | undefined => {
    const s = subscriptions.get(id);
    if (s && Date.parse(s.expirationDateTime) <= ctx.now().getTime()) {
      // Not renewed in time: Graph deletes it (delivery-webhooks, "Renew a subscription").
      subscriptions.delete(id);
      return undefined;
    }
    return s;
  };

  function checkExpiry(value: unknown): string {
    const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    const now = ctx.now().getTime();
    if (Number.isNaN(at)) {
      throw new GraphError(400, 'BadRequest', 'expirationDateTime is required and must be a date.');
    }
    if (at <= now) {
      throw new GraphError(400, 'ExtensionError', 'Subscription expiration must be in the future.');
    }
    if (at > now + MAX_EVENT_SUBSCRIPTION_MINUTES * 60_000) {
      throw new GraphError(
        400,
        'ExtensionError',
        `Subscription expiration can only be ${MAX_EVENT_SUBSCRIPTION_MINUTES} minutes in the future.`,
      );
    }
    return new Date(at).toISOString();
  }

  async function validate(url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    try {
      const response = await fetch(
        `${url}${url.includes('?') ? '&' : '?'}validationToken=${encodeURIComponent(token)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
        },
      );
      const text = await response.text();
      return (
        response.status === 200 &&
        /^text\/plain\b/i.test(response.headers.get('content-type') ?? '') &&
        text === token
      );
    } catch {
      return false;
    }
  }

  function render(s: Subscription) {
    return {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity',
      id: s.id,
      resource: s.resource,
      applicationId: s.applicationId,
      changeType: s.changeType.join(','),
      clientState: s.clientState,
      notificationUrl: s.notificationUrl,
      lifecycleNotificationUrl: s.lifecycleNotificationUrl,
      expirationDateTime: s.expirationDateTime,
      creatorId: s.applicationId,
      includeResourceData: false,
      latestSupportedTlsVersion: 'v1_2',
      encryptionCertificate: null,
      encryptionCertificateId: null,
      notificationUrlAppId: null,
    };
  }

  /** One POST of a collection to an endpoint; a few retries when it is not answered 2xx. */
  function post(url: string, item: Record<string, unknown>, log: Omit<Delivery, 'status' | 'url'>) {
    const job = (async () => {
      let status: number | 'failed' = 'failed';
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ value: [item] }),
            signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
          });
          await response.arrayBuffer();
          status = response.status;
          if (status >= 200 && status < 300) break;
          // Graph retries only when the endpoint did not take it (no 2xx); a 4xx too, for up to 4 h.
        } catch {
          status = 'failed';
        }
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      }
      deliveries.push({ ...log, url, status });
    })();
    pending.add(job);
    void job.finally(() => pending.delete(job));
  }

  function lifecycle(s: Subscription, event: string) {
    const url = s.lifecycleNotificationUrl;
    if (!url) return;
    post(
      url,
      {
        subscriptionId: s.id,
        subscriptionExpirationDateTime: s.expirationDateTime,
        tenantId: tenantId(),
        clientState: s.clientState,
        lifecycleEvent: event,
      },
      { subscriptionId: s.id, kind: 'lifecycle', what: event },
    );
  }

  store.onChange((change: CalendarChange) => {
    if (!delivering) return;
    for (const s of [...subscriptions.values()]) {
      if (!live(s.id) || s.mailboxId !== change.mailboxId) continue;
      if (!s.changeType.includes(change.changeType)) continue;
      const eventId =
        occurrenceIdMode === 'seriesMaster' && change.seriesMasterId
          ? change.seriesMasterId
          : change.eventId;
      const resource = `Users/${change.mailboxId}/Events/${eventId}`;
      post(
        s.notificationUrl,
        {
          id: randomUUID(),
          subscriptionId: s.id,
          subscriptionExpirationDateTime: s.expirationDateTime,
          changeType: change.changeType,
          resource,
          tenantId: tenantId(),
          clientState: s.clientState,
          resourceData: {
            '@odata.type': '#Microsoft.Graph.Event',
            '@odata.id': resource,
            '@odata.etag': `W/"${randomUUID()}"`,
            id: eventId,
          },
        },
        { subscriptionId: s.id, kind: 'change', what: change.changeType, eventId },
      );
    }
  });

  /** The mailbox a subscribed resource names: `/users/{id}/events` or `…/calendar/events`. */
  function mailboxOf(resource: unknown): string {
    const id = subscribedMailbox(resource);
    if (!id) {
      throw new GraphError(
        400,
        'InvalidRequest',
        'The simulator serves subscriptions to /users/{id}/events only.',
      );
    }
    return id;
  }

  // The mailbox a subscription works on, so an Exchange RBAC for Applications assignment scoped
  // to it counts, as for the mailbox's other calendar calls (exchange-rbac.ts). Whether Exchange
  // RBAC covers subscriptions is not documented (docs/graph.md, "Change notifications", open).
  function subscribedMailbox(resource: unknown): string | undefined {
    const m =
      typeof resource === 'string'
        ? /^\/?users\/([^/]+)\/(?:calendar\/)?events$/i.exec(resource)
        : null;
    return m ? ctx.findUser(decodeURIComponent(m[1]!))?.id : undefined;
  }
  const mailboxOfBody = (_params: Readonly<Record<string, string>>, body: unknown) =>
    subscribedMailbox(isRecord(body) ? body.resource : undefined);
  // Kept after a subscription is gone, so renewing a removed one is the documented 404, not a 403.
  const mailboxOfId = new Map<string, string | undefined>();
  const mailboxOfSubscription = (params: Readonly<Record<string, string>>) =>
    mailboxOfId.get(params.id!);
  /** The caller's own live subscription; another app's, or one gone, is the documented 404. */
  const ownLive = (id: string, appId: string): Subscription => {
    const s = live(id);
    if (!s || s.applicationId !== appId) {
      throw new GraphError(404, 'ResourceNotFound', 'The object was not found.');
    }
    return s;
  };
  // Managing a subscription needs a read scope on the resource (outlook-change-notifications-overview).
  const permissions = {
    application: ['Calendars.Read', 'Calendars.ReadWrite'],
    delegated: ['Calendars.Read', 'Calendars.ReadWrite'],
  } as const;

  const routes: GraphRoute[] = [
    {
      method: 'POST',
      pattern: '/subscriptions',
      permissions,
      mailbox: mailboxOfBody,
      handler: async (request) => {
        const body = isRecord(request.body) ? request.body : {};
        const changeType = String(body.changeType ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        if (
          changeType.length === 0 ||
          changeType.some((c) => !['created', 'updated', 'deleted'].includes(c))
        ) {
          throw new GraphError(400, 'BadRequest', 'changeType must be created, updated, deleted.');
        }
        if (!isAllowedUrl(body.notificationUrl)) {
          throw new GraphError(400, 'BadRequest', 'The notificationUrl must be an HTTPS URL.');
        }
        if (body.lifecycleNotificationUrl != null && !isAllowedUrl(body.lifecycleNotificationUrl)) {
          throw new GraphError(
            400,
            'BadRequest',
            'The lifecycleNotificationUrl must be an HTTPS URL.',
          );
        }
        if (
          body.clientState != null &&
          (typeof body.clientState !== 'string' || body.clientState.length > 128)
        ) {
          throw new GraphError(400, 'BadRequest', 'clientState is at most 128 characters.');
        }
        const mailboxId = mailboxOf(body.resource);
        const expirationDateTime = checkExpiry(body.expirationDateTime);
        // Both endpoints are validated before the subscription exists (lifecycle events page).
        const urls = new Set([
          body.notificationUrl,
          ...(body.lifecycleNotificationUrl ? [body.lifecycleNotificationUrl as string] : []),
        ]);
        for (const url of urls) {
          if (!(await validate(url))) {
            throw new GraphError(
              400,
              'ValidationError',
              'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
            );
          }
        }
        const s: Subscription = {
          id: randomUUID(),
          resource: String(body.resource),
          mailboxId,
          changeType,
          notificationUrl: body.notificationUrl,
          lifecycleNotificationUrl: (body.lifecycleNotificationUrl as string | undefined) ?? null,
          clientState: (body.clientState as string | undefined) ?? null,
          expirationDateTime,
          applicationId: request.caller.appId,
        };
        subscriptions.set(s.id, s);
        mailboxOfId.set(s.id, subscribedMailbox(s.resource));
        return { status: 201, body: render(s) };
      },
    },
    {
      method: 'PATCH',
      pattern: '/subscriptions/{id}',
      permissions,
      mailbox: mailboxOfSubscription,
      handler: (request, params) => {
        const s = ownLive(params.id!, request.caller.appId);
        const body = isRecord(request.body) ? request.body : {};
        s.expirationDateTime = checkExpiry(body.expirationDateTime);
        return { status: 200, body: render(s) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/subscriptions/{id}',
      permissions,
      mailbox: mailboxOfSubscription,
      handler: (request, params) => {
        const s = ownLive(params.id!, request.caller.appId);
        subscriptions.delete(s.id);
        return { status: 204 };
      },
    },
  ];

  /**
   * Tests' controls: `GET /_sim/subscriptions` (live ones), `GET /_sim/subscriptions/deliveries`,
   * `PUT /_sim/subscriptions/occurrenceIdMode "occurrence"|"seriesMaster"`,
   * `PUT /_sim/subscriptions/delivery true|false` (false: changes are lost, as under throttling),
   * `POST /_sim/subscriptions/{id}/lifecycle {"event": "reauthorizationRequired"|"subscriptionRemoved"|"missed"}`
   * (subscriptionRemoved also removes it, as Graph has), `POST /_sim/subscriptions/{id}/expire`.
   */
  function control(method: string, path: string, body: unknown): GraphResponse | undefined {
    if (path === '/_sim/subscriptions' && method === 'GET') {
      return {
        status: 200,
        body: {
          value: [...subscriptions.keys()]
            .map(live)
            .filter(Boolean)
            .map((s) => render(s!)),
        },
      };
    }
    if (path === '/_sim/subscriptions/deliveries' && method === 'GET') {
      return { status: 200, body: { value: deliveries } };
    }
    if (path === '/_sim/subscriptions/occurrenceIdMode' && method === 'PUT') {
      const mode = OCCURRENCE_ID_MODES.find((m) => m === body);
      if (!mode)
        return {
          status: 400,
          body: { error: `mode must be one of ${OCCURRENCE_ID_MODES.join(', ')}` },
        };
      occurrenceIdMode = mode;
      return { status: 204 };
    }
    if (path === '/_sim/subscriptions/delivery' && method === 'PUT') {
      delivering = body !== false;
      return { status: 204 };
    }
    const m = /^\/_sim\/subscriptions\/([^/]+)\/(lifecycle|expire)$/.exec(path);
    if (m && method === 'POST') {
      const s = live(m[1]!);
      if (!s) return { status: 404, body: { error: 'No such live subscription' } };
      if (m[2] === 'expire') {
        subscriptions.delete(s.id);
        return { status: 204 };
      }
      const event = isRecord(body) ? body.event : undefined;
      if (!['reauthorizationRequired', 'subscriptionRemoved', 'missed'].includes(String(event))) {
        return {
          status: 400,
          body: { error: 'event must be reauthorizationRequired, subscriptionRemoved or missed' },
        };
      }
      if (event === 'subscriptionRemoved') subscriptions.delete(s.id);
      lifecycle(s, String(event));
      return { status: 202 };
    }
    return undefined;
  }

  return {
    routes,
    control,
    /** Waits until every notification sent so far has been answered (or given up on). */
    async settle(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    deliveries: () => [...deliveries],
    list: () =>
      [...subscriptions.keys()]
        .map(live)
        .filter((s): s is Subscription => !!s)
        .map(render),
  };
}
