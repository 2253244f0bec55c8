import { randomUUID } from 'node:crypto';
import { templateParameters } from '../../../../appPackage/scripts/package';
import type { SimContext } from '../context';
import { type GraphCaller, GraphError, type GraphResponse, type GraphRoute } from '../router';

/**
 * Teams activity feed notifications for the simulated tenant, as docs/notifications.md reads them:
 *
 * - `POST /users/{id}/teamwork/sendActivityNotification` → 204
 *   (https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification)
 * - `POST /teamwork/sendActivityNotificationToRecipients` → 202, at most 100 recipients, only
 *   `aadUserNotificationRecipient`, a token at least 45 minutes from expiry or 412
 *   (https://learn.microsoft.com/graph/api/teamwork-sendactivitynotificationtorecipients)
 * - the rules of the concept page (https://learn.microsoft.com/graph/teams-send-activityfeednotifications):
 *   the app installed for the recipient; the activity type declared in the manifest's
 *   `activities.activityTypes` (or the reserved `systemDefault`, with `systemDefaultText`); a
 *   `text` topic needs a `webUrl` on the Teams domain; `chainId` overrides a previous notice.
 *
 * Application permissions: `TeamsActivity.Send` (tenant-wide), or `TeamsActivity.Send.User`
 * through resource-specific consent, which "pertain to the individual recipients in the payload":
 * the app's installation for each recipient carries the grant. Tandem holds only the latter.
 *
 * What the pages leave open is a mode (`PUT /_sim/teamwork/modes`):
 * - `notInstalled`: how a recipient without the app is refused — `notFound` (404) or
 *   `forbidden` (403); the pages name no status.
 * - `rscAtInstall`: whether installing the app (the admin's setup policy) grants its
 *   `TeamsActivity.Send.User` consent (`granted`) or not (`notGranted`: 403 until consented).
 * - `bulkNotInstalled`: the bulk call with some recipients lacking the app — `skip` them (202,
 *   recorded as undelivered) or `reject` the whole request as the single call would.
 */

/** One app in the tenant's catalog: the Teams app, its Entra app and its manifest's activities. */
export interface SimTeamsApp {
  /** The catalog id (`appCatalogs/teamsApps/{id}`). */
  id: string;
  displayName: string;
  /** webApplicationInfo.id: the Entra app whose tokens send on its behalf. */
  azureAdAppId: string;
  /** activities.activityTypes of the manifest, by type: the English templateText. */
  activityTypes: ReadonlyMap<string, string>;
  /** authorization.permissions.resourceSpecific names of type Application. */
  resourceSpecific: readonly string[];
}

/** What a manifest says, as far as the activity feed needs it. */
export interface ManifestActivities {
  activities?: { activityTypes?: { type: string; templateText: string }[] };
  authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
}

export interface Installation {
  userId: string;
  teamsAppId: string;
  /** Whether the app's user-scope RSC (TeamsActivity.Send.User) is consented on it. */
  rscGranted: boolean;
}

export interface DeliveredActivity {
  id: string;
  recipientId: string;
  teamsAppId: string;
  activityType: string;
  templateParameters: Record<string, string>;
  previewText: string;
  topic: { source: string; value: string; webUrl?: string };
  chainId?: number;
  /** The templateText with the parameters filled and `{actor}` the app's name (app-only). */
  text: string;
  via: 'user' | 'recipients';
  deliveredAt: string;
}

export type NotInstalledMode = 'notFound' | 'forbidden';
export type RscAtInstallMode = 'granted' | 'notGranted';
export type BulkNotInstalledMode = 'skip' | 'reject';
export interface ActivityFeedModes {
  notInstalled: NotInstalledMode;
  rscAtInstall: RscAtInstallMode;
  bulkNotInstalled: BulkNotInstalledMode;
}
export const ACTIVITY_FEED_MODES = {
  notInstalled: ['notFound', 'forbidden'],
  rscAtInstall: ['granted', 'notGranted'],
  bulkNotInstalled: ['skip', 'reject'],
} as const satisfies { [K in keyof ActivityFeedModes]: readonly ActivityFeedModes[K][] };

/** "There is an upper limit of 100 recipients in a single request" (…torecipients page). */
export const MAX_RECIPIENTS = 100;
/** "The token provided must be at least 45 minutes away from expiry" (…torecipients page). */
const MIN_TOKEN_LIFE_SECONDS = 45 * 60;
/** "Microsoft Teams will only show first 150 characters" of previewText (both pages). */
export const PREVIEW_SHOWN = 150;
const SEND_USER = 'TeamsActivity.Send.User';
const SEND_ALL = 'TeamsActivity.Send';

interface Body {
  topic?: { source?: unknown; value?: unknown; webUrl?: unknown };
  activityType?: unknown;
  chainId?: unknown;
  previewText?: { content?: unknown };
  templateParameters?: unknown;
  teamsAppId?: unknown;
  recipients?: unknown;
}

const bad = (message: string) => new GraphError(400, 'BadRequest', message);

/** Reads a manifest's activity types and resource-specific permissions into a catalog app. */
export function teamsAppFromManifest(
  manifest: ManifestActivities,
  app: { id: string; displayName: string; azureAdAppId: string },
): SimTeamsApp {
  return {
    ...app,
    activityTypes: new Map(
      (manifest.activities?.activityTypes ?? []).map((a) => [a.type, a.templateText]),
    ),
    resourceSpecific: (manifest.authorization?.permissions?.resourceSpecific ?? [])
      .filter((p) => p.type === 'Application')
      .map((p) => p.name),
  };
}

export function simActivityFeed(tenant: SimContext, serviceRoot: () => string) {
  const apps = new Map<string, SimTeamsApp>();
  /** Installations made or removed explicitly; everyone else follows the setup policy. */
  const explicit = new Map<string, Installation | 'removed'>();
  let policyInstalls = new Set<string>();
  const feed: DeliveredActivity[] = [];
  const undelivered: { recipientId: string; activityType: string; reason: string }[] = [];
  const modes: ActivityFeedModes = {
    notInstalled: 'notFound',
    rscAtInstall: 'granted',
    bulkNotInstalled: 'skip',
  };

  const key = (userId: string, teamsAppId: string) => `${userId.toLowerCase()}|${teamsAppId}`;
  function appOf(caller: GraphCaller): SimTeamsApp | undefined {
    for (const app of apps.values()) if (app.azureAdAppId === caller.appId) return app;
    return undefined;
  }
  function installation(userId: string, app: SimTeamsApp): Installation | undefined {
    const found = explicit.get(key(userId, app.id));
    if (found === 'removed') return undefined;
    if (found) return found;
    // The admin's app setup policy installs the app for everyone it targets (docs/notifications.md).
    if (!policyInstalls.has(app.id) || !tenant.findUser(userId)?.accountEnabled) return undefined;
    return { userId, teamsAppId: app.id, rscGranted: modes.rscAtInstall === 'granted' };
  }

  /** Why this recipient cannot be sent to by this caller, or undefined when it can. */
  function refusal(caller: GraphCaller, app: SimTeamsApp | undefined, userId: string) {
    const person = tenant.findUser(userId);
    if (!person) return new GraphError(404, 'NotFound', `User '${userId}' was not found.`);
    const installed = app ? installation(person.id, app) : undefined;
    if (!installed) {
      return modes.notInstalled === 'notFound'
        ? new GraphError(404, 'NotFound', 'The Teams app is not installed for the recipient.')
        : new GraphError(403, 'Forbidden', 'The Teams app is not installed for the recipient.');
    }
    if (caller.roles.includes(SEND_ALL)) return undefined;
    if (app!.resourceSpecific.includes(SEND_USER) && installed.rscGranted) return undefined;
    return new GraphError(
      403,
      'Forbidden',
      'Missing role permissions on the request: TeamsActivity.Send, or TeamsActivity.Send.User consented for the recipient.',
    );
  }

  /** The checks both calls make on the notice itself; answers the filled text. */
  function checkNotice(body: Body, app: SimTeamsApp | undefined, bulk: boolean) {
    if (typeof body.activityType !== 'string' || !body.activityType)
      throw bad('activityType is required.');
    const topic = body.topic;
    if (!topic || typeof topic.value !== 'string' || !topic.value)
      throw bad('topic with a source and a value is required.');
    if (topic.source === 'text') {
      // "webUrl is required when using topic source as text"; "webUrl must start with the
      // Microsoft Teams domain (teams.microsoft.com, for example)" (concept page, example 3).
      if (
        typeof topic.webUrl !== 'string' ||
        !/^https:\/\/teams\.microsoft\.com\//.test(topic.webUrl)
      )
        throw bad('topic.webUrl is required for a text topic and must be on teams.microsoft.com.');
    } else if (topic.source === 'entityUrl') {
      // Single: a teamsAppInstallation or teamsCatalogApp; bulk: a teamsCatalogApp only.
      const root = serviceRoot().replace(/^https?:\/\/[^/]+/, '');
      const path = topic.value.replace(/^https?:\/\/[^/]+/, '');
      const catalog = new RegExp(`^(${root}|/v1\\.0)/appCatalogs/teamsApps/[^/]+$`, 'i');
      const installed = new RegExp(
        `^(${root}|/v1\\.0)/users/[^/]+/teamwork/installedApps/[^/]+$`,
        'i',
      );
      if (!catalog.test(path) && (bulk || !installed.test(path)))
        throw bad('topic.value is not a resource supported for an entityUrl topic.');
    } else {
      throw bad("topic.source must be 'entityUrl' or 'text'.");
    }
    if (body.previewText !== undefined && typeof body.previewText?.content !== 'string')
      throw bad('previewText.content must be a string.');
    if (
      body.chainId !== undefined &&
      (typeof body.chainId !== 'number' || !Number.isSafeInteger(body.chainId))
    )
      throw bad('chainId must be an Int64.');
    const raw = body.templateParameters ?? [];
    if (
      !Array.isArray(raw) ||
      !raw.every((p) => typeof p?.name === 'string' && typeof p?.value === 'string')
    )
      throw bad('templateParameters must be a collection of keyValuePair (name, value).');
    const values = Object.fromEntries(
      raw.map((p: { name: string; value: string }) => [p.name, p.value]),
    );
    let template: string | undefined;
    if (body.activityType === 'systemDefault') {
      // "The systemDefault activity type is reserved … free-form text" (concept page).
      template = '{systemDefaultText}';
    } else {
      template = app?.activityTypes.get(body.activityType);
      if (template === undefined)
        throw bad(`activityType '${body.activityType}' is not declared in the Teams app manifest.`);
    }
    // "Values for template variables defined in the activity feed entry corresponding to
    // activityType": the simulator asks for exactly those, no more, no fewer.
    const wanted = templateParameters(template);
    const given = Object.keys(values).sort();
    const missing = wanted.filter((n) => !given.includes(n));
    const extra = given.filter((n) => !wanted.includes(n));
    if (missing.length > 0 || extra.length > 0) {
      throw bad(
        `templateParameters do not match the template of '${body.activityType}': ${[
          ...missing.map((n) => `missing ${n}`),
          ...extra.map((n) => `unknown ${n}`),
        ].join(', ')}.`,
      );
    }
    const text = template
      .replace(/\{actor\}/g, app?.displayName ?? 'App')
      .replace(/\{(\w+)\}/g, (_, n: string) => values[n] ?? '');
    return { activityType: body.activityType, values, text };
  }

  function deliver(
    recipientId: string,
    app: SimTeamsApp,
    body: Body,
    notice: ReturnType<typeof checkNotice>,
    via: DeliveredActivity['via'],
  ): void {
    const topic = body.topic as DeliveredActivity['topic'];
    const entry: DeliveredActivity = {
      id: randomUUID(),
      recipientId,
      teamsAppId: app.id,
      activityType: notice.activityType,
      templateParameters: notice.values,
      previewText: String(body.previewText?.content ?? ''),
      topic: {
        source: topic.source,
        value: topic.value,
        ...(topic.webUrl ? { webUrl: topic.webUrl } : {}),
      },
      ...(typeof body.chainId === 'number' ? { chainId: body.chainId } : {}),
      text: notice.text,
      via,
      deliveredAt: tenant.now().toISOString(),
    };
    // "Use the same chainId in subsequent requests to override the previous notification."
    const same =
      entry.chainId === undefined
        ? -1
        : feed.findIndex(
            (f) =>
              f.recipientId === recipientId &&
              f.teamsAppId === app.id &&
              f.chainId === entry.chainId,
          );
    if (same >= 0) feed[same] = { ...entry, id: feed[same]!.id };
    else feed.push(entry);
  }

  const permissions = { application: [SEND_USER, SEND_ALL], delegated: [SEND_ALL] };
  const routes: GraphRoute[] = [
    {
      method: 'POST',
      pattern: '/users/{id}/teamwork/sendActivityNotification',
      permissions,
      // RSC is granted on the recipient's installation, not in the token: the handler decides.
      authorize: () => true,
      handler(request, params) {
        const body = (request.body ?? {}) as Body;
        const app = appOf(request.caller);
        const person = tenant.findUser(params.id!);
        const notice = checkNotice(body, app, false);
        const refused = refusal(request.caller, app, params.id!);
        if (refused) throw refused;
        deliver(person!.id, app!, body, notice, 'user');
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/teamwork/sendActivityNotificationToRecipients',
      permissions,
      authorize: () => true,
      handler(request) {
        const body = (request.body ?? {}) as Body;
        const exp = request.caller.expiresAt;
        if (exp !== undefined && exp - tokenNow() < MIN_TOKEN_LIFE_SECONDS) {
          throw new GraphError(
            412,
            'PreconditionFailed',
            'The token provided must be at least 45 minutes away from expiry.',
          );
        }
        const recipients = body.recipients;
        if (!Array.isArray(recipients) || recipients.length === 0)
          throw bad('recipients is required.');
        if (recipients.length > MAX_RECIPIENTS)
          throw bad(`There is an upper limit of ${MAX_RECIPIENTS} recipients in a single request.`);
        const ids: string[] = [];
        for (const r of recipients as { '@odata.type'?: unknown; userId?: unknown }[]) {
          const type = String(r?.['@odata.type'] ?? '').replace(/^#/, '');
          if (
            type !== 'microsoft.graph.aadUserNotificationRecipient' ||
            typeof r.userId !== 'string'
          )
            throw bad('Only recipients of type aadUserNotificationRecipient are supported.');
          ids.push(r.userId);
        }
        const app = appOf(request.caller);
        const notice = checkNotice(body, app, true);
        const refusals = ids.map((id) => ({ id, refused: refusal(request.caller, app, id) }));
        const first = refusals.find((r) => r.refused);
        if (first && modes.bulkNotInstalled === 'reject') throw first.refused!;
        for (const { id, refused } of refusals) {
          if (refused) {
            undelivered.push({
              recipientId: id,
              activityType: notice.activityType,
              reason: refused.message,
            });
            continue;
          }
          deliver(tenant.findUser(id)!.id, app!, body, notice, 'recipients');
        }
        return { status: 202 };
      },
    },
  ];

  /** Token expiry is real time (tokens keep real time while the tenant's clock may move). */
  const tokenNow = () => Math.floor(Date.now() / 1000);

  function control(method: string, path: string, body: unknown): GraphResponse | undefined {
    if (!path.startsWith('/_sim/teamwork')) return undefined;
    const user = /^\/_sim\/teamwork\/activities\/([^/]+)$/.exec(path)?.[1];
    if (path === '/_sim/teamwork/activities' && method === 'GET')
      return { status: 200, body: { value: feed, undelivered } };
    if (user && method === 'GET') {
      const id = tenant.findUser(user)?.id ?? user;
      return { status: 200, body: { value: feed.filter((f) => f.recipientId === id) } };
    }
    if (path === '/_sim/teamwork/activities' && method === 'DELETE') {
      feed.length = 0;
      undelivered.length = 0;
      return { status: 204 };
    }
    if (path === '/_sim/teamwork/modes') {
      if (method === 'PUT' || method === 'PATCH') {
        const patch = (body ?? {}) as Partial<Record<keyof ActivityFeedModes, unknown>>;
        for (const [name, value] of Object.entries(patch)) {
          const allowed = ACTIVITY_FEED_MODES[name as keyof ActivityFeedModes] as
            | readonly string[]
            | undefined;
          if (!allowed?.includes(String(value)))
            return {
              status: 400,
              body: { error: `${name} must be one of ${allowed?.join(', ')}` },
            };
        }
        Object.assign(modes, patch);
      }
      return { status: 200, body: modes };
    }
    const installed = /^\/_sim\/teamwork\/installations\/([^/]+)$/.exec(path)?.[1];
    if (installed) {
      const person = tenant.findUser(installed);
      const [app] = apps.values();
      if (!person || !app) return { status: 404, body: { error: 'No such person or app' } };
      if (method === 'DELETE') {
        explicit.set(key(person.id, app.id), 'removed');
        return { status: 204 };
      }
      if (method === 'PUT') {
        const rscGranted = (body as { rscGranted?: unknown })?.rscGranted !== false;
        const entry = { userId: person.id, teamsAppId: app.id, rscGranted };
        explicit.set(key(person.id, app.id), entry);
        return { status: 200, body: entry };
      }
      if (method === 'GET') {
        const found = installation(person.id, app);
        return found
          ? { status: 200, body: found }
          : { status: 404, body: { error: 'Not installed' } };
      }
    }
    return undefined;
  }

  return {
    routes,
    control,
    modes,
    feed: feed as readonly DeliveredActivity[],
    undelivered: undelivered as readonly {
      recipientId: string;
      activityType: string;
      reason: string;
    }[],
    /**
     * The app in the tenant's catalog; `setupPolicy` installs it for every enabled person, as the
     * admin's app setup policy does (docs/notifications.md, "Installing the app").
     */
    publishApp(app: SimTeamsApp, options: { setupPolicy?: boolean } = {}) {
      apps.set(app.id, app);
      if (options.setupPolicy ?? true) policyInstalls.add(app.id);
      else policyInstalls = new Set([...policyInstalls].filter((id) => id !== app.id));
    },
  };
}
