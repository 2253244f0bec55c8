import type { LocalIssuer } from '../entra/issuer';
import type { SimBusyBlock } from '../org/organisation';
import { simCalendars } from './calendar/calendar-routes';
import type { CalendarStore } from './calendar/calendar-store';
import { directoryRoutes } from './directory/directory-routes';
import type { GraphRoute } from './router';
import { GRAPH_AUDIENCES, type GraphServer, startGraphServer } from './server';
import { simSubscriptions } from './subscriptions/subscriptions';
import { simActivityFeed } from './teamwork/activity-feed';
import { type SimPerson, SimTenant } from './tenant';

export interface GraphSimulatorOptions {
  issuer: LocalIssuer;
  tls: { cert: string; key: string };
  people: Iterable<SimPerson>;
  domain?: string;
  port?: number;
  /** Busy calendars to load (the demo organisation's), as events in each person's calendar. */
  busy?: readonly SimBusyBlock[];
  /** More resources given the tenant and the service root. */
  extraRoutes?: (tenant: SimTenant, serviceRoot: () => string) => GraphRoute[];
  mailboxWorkMs?: number;
}

export type GraphSimulator = GraphServer & {
  /** A client registered with the issuer holding these Graph application permissions. */
  registerApp(roles: string[]): { clientId: string; secret: string };
  /** Every mailbox's calendar (tests read it directly to check what was booked). */
  calendars: CalendarStore;
  /** Change-notification subscriptions and what was delivered (also at /_sim/subscriptions). */
  subscriptions: ReturnType<typeof simSubscriptions>;
  /** Teams activity feed notices delivered, the app catalog and installations (/_sim/teamwork). */
  activityFeed: ReturnType<typeof simActivityFeed>;
};

/**
 * Microsoft Graph for the local tenant: the directory (and calendars) of the demo organisation over
 * HTTPS, accepting only tokens the local issuer signed for Graph.
 */
export async function startGraphSimulator(options: GraphSimulatorOptions): Promise<GraphSimulator> {
  const tenant = new SimTenant(options.domain ?? 'contosoiberica.onmicrosoft.com', options.people);
  const { issuer } = options;
  let calendars: ReturnType<typeof simCalendars> | undefined;
  let subscriptions: ReturnType<typeof simSubscriptions> | undefined;
  let activityFeed: ReturnType<typeof simActivityFeed> | undefined;
  const server = await startGraphServer({
    tenant,
    tls: options.tls,
    port: options.port,
    mailboxWorkMs: options.mailboxWorkMs,
    verifyToken: async (token) =>
      (await issuer.verify(token, GRAPH_AUDIENCES)) as Record<string, unknown>,
    routes: (serviceRoot) => {
      calendars = simCalendars(tenant, serviceRoot, options.busy ?? []);
      subscriptions = simSubscriptions(tenant, calendars.store, () => issuer.tenantId);
      activityFeed = simActivityFeed(tenant, serviceRoot);
      return [
        ...directoryRoutes({ tenant, serviceRoot }),
        ...calendars.routes,
        ...subscriptions.routes,
        ...activityFeed.routes,
        ...(options.extraRoutes?.(tenant, serviceRoot) ?? []),
      ];
    },
    control: (method, path, body) =>
      calendars?.control(method, path, body) ??
      subscriptions?.control(method, path, body) ??
      activityFeed?.control(method, path, body),
    mintToken: async (roles) => {
      const client = issuer.registerClient({ 'https://graph.microsoft.com': roles });
      return issuer.clientToken(client.clientId, 'https://graph.microsoft.com');
    },
  });
  return Object.assign(server, {
    calendars: calendars!.store,
    subscriptions: subscriptions!,
    activityFeed: activityFeed!,
    registerApp(roles: string[]) {
      const client = issuer.registerClient({ 'https://graph.microsoft.com': roles });
      return { clientId: client.clientId, secret: client.secret };
    },
  });
}
