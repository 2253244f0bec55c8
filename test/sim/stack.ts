import { createHash } from 'node:crypto';
import tandemManifest from '../../appPackage/manifest.json';
import { type Composition, composeBackend } from '../../functions/src/compose';
import { loadConfig } from '../../functions/src/config';
import type { Dispatcher } from '../../functions/src/http/dispatch';
import { startBookingWorker } from '../../functions/src/local/booking-worker';
import { startCalendarChangeWorker } from '../../functions/src/local/calendar-change-worker';
import { createLocalClock, type LocalClock } from '../../functions/src/local/local-clock';
import { type LocalHost, startLocalHost } from '../../functions/src/local/local-host';
import { startLocalTimers } from '../../functions/src/local/local-timers';
import { startNoticeWorker } from '../../functions/src/local/notice-worker';
import { systemClock } from '../../functions/src/ports/clock';
import graphPermissions from '../../infra/graph-permissions.json';
import { type LocalIssuer, type SignInPerson, startIssuer } from './entra/issuer';
import { type GraphSimulator, startGraphSimulator } from './graph/graph-simulator';
import { teamsAppFromManifest } from './graph/teamwork/activity-feed';
import type { SimPerson } from './graph/tenant';
import { renderInbox } from './inbox';
import { generateOrganisation, type SimBusyBlock } from './org/organisation';
import { STARTER_PEOPLE } from './org/starter-people';
import { type StorageEmulator, startStorageEmulator } from './storage/storage-emulator';
import { ensureLocalTls } from './tls/local-tls';

/** A GUID derived from a name: the demo tenant's ids are stable across runs, and not secrets. */
export function stableGuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const DEMO_TENANT_ID = stableGuid('tenant:contoso-iberica');
export const DEMO_API_CLIENT_ID = stableGuid('app:tandem');
/** The local inbox page: each demo person's Teams notices (test/sim/inbox.ts). */
export const INBOX_PATH = '/_local/inbox';

/** Tandem's Teams app in the simulated tenant's catalog (the admin uploaded appPackage). */
export const DEMO_TEAMS_APP_ID = stableGuid('teams-app:tandem');

export interface LocalStackOptions {
  /** Port for the web host (tab + API); 0 or absent picks a free one. */
  port?: number;
  /** Built tab to serve at `/`. */
  staticDir?: string;
  /** The directory (default: the demo organisation). Sign-in offers the same people. */
  organisation?: readonly SimPerson[];
  /** Busy calendars to load with it (default: the demo organisation's). */
  busy?: readonly SimBusyBlock[];
  /** Book confirmed pairs from the queue in the background (`npm start`); tests book explicitly. */
  bookingWorker?: boolean;
  /** Run the follow-up and sweep timers locally (`npm start`); tests run the jobs explicitly. */
  timers?: boolean;
  /**
   * Another Microsoft Graph endpoint for the backend (`TANDEM_GRAPH_URL` for `npm start`), e.g.
   * a conformance server: the backend calls it with app tokens from the local issuer (its key set
   * is `issuer.jwksUrl`). The bundled simulator still runs for the tests' controls.
   */
  graphUrl?: string;
  /**
   * Two-way calendar sync (`npm start`, the change-notification tests): TANDEM_NOTIFICATION_URL
   * points at this host, the subscription is made at start (and renewed every 30 minutes and
   * whenever the local clock moves), and a worker consumes the `calendar-changes` queue.
   */
  calendarSync?: boolean;
  /** Send the outbox's notices in the background (`npm start`); tests run the sender explicitly. */
  noticeWorker?: boolean;
}

/** What a person does in the seeded demo, for the sign-in screen ("mentee in …"). */
export type DemoParticipation = NonNullable<SignInPerson['participation']>[number];

/**
 * Graph application permissions Tandem's app holds: the one list, infra/graph-permissions.json.
 * The 'entra' ones are in its token; the 'exchange-rbac' ones Exchange grants for the organiser
 * mailbox only, which the simulator's token stands for (docs/deploy.md).
 */
export const TANDEM_GRAPH_PERMISSIONS = graphPermissions.application.map((p) => p.permission);
/** The ones granted in Entra ID: what Tandem's app token carries (tenant-wide). */
export const TANDEM_ENTRA_PERMISSIONS = graphPermissions.application
  .filter((p) => p.grantedBy === 'entra')
  .map((p) => p.permission);
/**
 * The ones granted by resource-specific consent on each person's installation of the Teams app
 * (appPackage/manifest.json authorization.permissions.resourceSpecific), never in the token.
 */
export const TANDEM_RSC_PERMISSIONS = graphPermissions.application
  .filter((p) => p.grantedBy === 'rsc')
  .map((p) => p.permission);
/** The ones Exchange RBAC for Applications grants, for the organiser mailbox only. */
export const TANDEM_EXCHANGE_RBAC_PERMISSIONS = graphPermissions.application
  .filter((p) => p.grantedBy === 'exchange-rbac')
  .map((p) => p.permission);

/**
 * Tandem's app in the simulated tenant as production sets it up (docs/deploy.md): Entra ID grants
 * the 'entra' permissions (they are in its token); infra/exchange-rbac.ps1's role assignment
 * grants the 'exchange-rbac' ones on the organiser mailbox alone, so a calendar call on any other
 * mailbox is 403 ErrorAccessDenied; the Teams app is published and installed for everyone, which
 * carries the 'rsc' ones.
 */
export function registerTandemApp(
  issuer: LocalIssuer,
  graph: GraphSimulator,
  organiserId: string,
  clientId?: string,
) {
  const app = issuer.registerClient(
    { 'https://graph.microsoft.com': TANDEM_ENTRA_PERMISSIONS },
    clientId,
  );
  graph.tenant.exchangeRbac.assign(app.clientId, TANDEM_EXCHANGE_RBAC_PERMISSIONS, [organiserId]);
  // The Teams app in the org catalog, installed for everyone by the admin's app setup policy,
  // its TeamsActivity.Send.User consent granted on each installation (docs/notifications.md).
  graph.activityFeed.publishApp(
    teamsAppFromManifest(tandemManifest, {
      id: DEMO_TEAMS_APP_ID,
      displayName: 'Tandem',
      azureAdAppId: app.clientId,
    }),
  );
  return app;
}

/** Who the local sign-in offers: enabled accounts, the starter people first. */
function signInPeople(organisation: readonly SimPerson[]): SignInPerson[] {
  const first = new Map(STARTER_PEOPLE.map((p, i) => [p.id, i]));
  const ordered = organisation
    .filter((p) => p.accountEnabled)
    .map((p, i) => ({ p, rank: first.get(p.id) ?? first.size + i }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ p }) => p);
  return ordered.map((p) => ({
    id: p.id,
    displayName: p.displayName,
    userPrincipalName: p.userPrincipalName,
    roles: p.appRoles ?? [],
    ...(p.department ? { department: p.department } : {}),
    ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}),
  }));
}

/** Calendars are generated up to this size; the 100,000-person benchmarks need none. */
const CALENDARS_UP_TO = 5_000;

/** The Tandem mailbox that organises every series (a licensed service account in the tenant). */
export const ORGANISER: SimPerson = {
  id: stableGuid('user:tandem-organiser'),
  displayName: 'Tandem · Mentoring',
  givenName: null,
  surname: null,
  mail: 'tandem@contosoiberica.onmicrosoft.com',
  userPrincipalName: 'tandem@contosoiberica.onmicrosoft.com',
  accountEnabled: true,
  jobTitle: 'Service account',
  department: null,
  officeLocation: null,
  preferredLanguage: 'es-ES',
  managerId: null,
  mailboxSettings: {
    timeZone: 'Romance Standard Time',
    workingHours: {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '08:00:00.0000000',
      endTime: '20:00:00.0000000',
      timeZone: { name: 'Romance Standard Time' },
    },
  },
};

/** The demo organisation: Contoso Ibérica from a seed, its busy calendars, and Tandem's mailbox. */
export async function demoOrganisation(
  options: { people?: number; seed?: number } = {},
): Promise<{ people: SimPerson[]; busy: SimBusyBlock[] }> {
  const calendars = (options.people ?? 600) <= CALENDARS_UP_TO;
  const org = generateOrganisation({ ...options, now: new Date(), calendars });
  return { people: [...org.users, ORGANISER], busy: org.busy };
}

export interface LocalStack {
  /** The tab and the API (under /api) share this origin. */
  url: string;
  issuer: LocalIssuer;
  /** Microsoft Graph for the demo tenant (directory, calendars). */
  graph: GraphSimulator;
  storage: StorageEmulator;
  host: LocalHost;
  readonly people: readonly SignInPerson[];
  /**
   * The one clock of this run: the API, the jobs and the Graph simulator read it; `/_local/clock`
   * (this host only) and the demo seed move it.
   */
  clock: LocalClock;
  /** Tells the sign-in screen what people do in the seeded programmes, and lists them first. */
  describePeople(participation: ReadonlyMap<string, readonly DemoParticipation[]>): void;
  /** Runs the local timers' jobs now, when started with `timers` (the seed waits for them). */
  tick(): Promise<void>;
  /** Environment the backend was configured with (what Azure app settings would hold). */
  env: Record<string, string>;
  /** The backend's background jobs, for tests that run them explicitly. */
  jobs: Composition['jobs'];
  /** With `calendarSync`: each `calendar-changes` message the local worker handled, and how. */
  readonly calendarChanges: { message: unknown; outcome: unknown }[];
  close(): Promise<void>;
}

/**
 * The whole app locally, with no Azure account: Azurite, the Entra-like issuer, and the functions
 * behind the local host serving the tab. `npm start` and the integration and browser tests use it.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const demo = options.organisation ? undefined : await demoOrganisation();
  const organisation = options.organisation ?? demo!.people;
  let people = signInPeople(organisation.filter((p) => p.id !== ORGANISER.id));
  const clock = createLocalClock();
  const appIdUri = `api://localhost/${DEMO_API_CLIENT_ID}`;
  const [tls, storage] = await Promise.all([ensureLocalTls(), startStorageEmulator()]);
  const issuer = await startIssuer({
    tenantId: DEMO_TENANT_ID,
    apiClientId: DEMO_API_CLIENT_ID,
    apiAppIdUri: appIdUri,
    people: () => people,
    tls,
  });
  const graph = await startGraphSimulator({
    issuer,
    tls,
    people: organisation,
    busy: options.busy ?? demo?.busy ?? [],
  });
  // Tandem's own app registration, as Bicep and infra/exchange-rbac.ps1 grant it; its secret
  // exists only in memory.
  const app = registerTandemApp(issuer, graph, ORGANISER.id, DEMO_API_CLIENT_ID);
  const env: Record<string, string> = {
    TANDEM_TENANT_ID: DEMO_TENANT_ID,
    TANDEM_CLIENT_ID: DEMO_API_CLIENT_ID,
    TANDEM_APP_ID_URI: appIdUri,
    TANDEM_ISSUER: issuer.issuer,
    TANDEM_JWKS_URL: issuer.jwksUrl,
    TANDEM_STORAGE_CONNECTION: storage.connectionString,
    TANDEM_GRAPH_URL: options.graphUrl ?? graph.url,
    TANDEM_AUTHORITY: issuer.authority!,
    TANDEM_CLIENT_SECRET: app.secret,
  };
  // The host starts first so invitations can link back to its address; requests wait for the
  // backend composed right after.
  let backend: Composition | undefined;
  const dispatcher: Dispatcher = {
    get maxBodyBytes() {
      return backend!.dispatcher.maxBodyBytes;
    },
    handle: (request) => backend!.dispatcher.handle(request),
  };
  let host: LocalHost;
  const hostOptions = {
    dispatcher,
    clock,
    staticDir: options.staticDir,
    pages: {
      // What each person's Teams activity feed shows, as the simulator delivered it.
      [INBOX_PATH]: (url: URL) =>
        renderInbox({
          feed: graph.activityFeed.feed,
          person: (id) => graph.tenant.findUser(id) as SimPerson | undefined,
          actor: 'Tandem',
          lang: url.searchParams.get('lang') === 'en' ? 'en' : 'es',
        }),
    },
    documents: {
      '/tab-config.json': {
        mode: 'local',
        apiBaseUrl: '/api',
        tenantId: DEMO_TENANT_ID,
        clientId: DEMO_API_CLIENT_ID,
        issuerUrl: issuer.url,
        // The clock control comes with the local timers: npm start and the demo's own tests.
        ...(options.timers ? { demoClock: true } : {}),
      },
    },
  };
  try {
    host = await startLocalHost({ ...hostOptions, port: options.port ?? 0 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !options.port) throw error;
    console.warn(`Port ${options.port} is busy; using a free one.`);
    host = await startLocalHost({ ...hostOptions, port: 0 });
  }
  env.TANDEM_TAB_URL = host.url;
  env.TANDEM_ORGANISER_MAILBOX = ORGANISER.userPrincipalName;
  if (options.calendarSync) env.TANDEM_NOTIFICATION_URL = `${host.url}/api/calendar/notifications`;
  // One clock for the API, the jobs and the simulator's calendars; tokens keep real time, as the
  // issuer signs them (see composeBackend's tokenClock).
  clock.onChange((now) => graph.tenant.setNow(now));
  backend = composeBackend(loadConfig(env), {
    clock,
    tokenClock: systemClock,
    log: (message, error) => console.error(`[api] ${message}`, error),
    // Notices link into the simulated catalog's Tandem app; invitations keep the local tab's link.
    noticeTeamsAppId: DEMO_TEAMS_APP_ID,
  });
  const { services, jobs } = backend;
  // The directory snapshot starts in step with the demo organisation, as after a first org sync.
  await services.directorySync.refresh();
  // Confirmed pairs are booked from the queue, as the Functions queue trigger does in Azure.
  const worker = options.bookingWorker
    ? startBookingWorker({
        connection: { kind: 'connectionString', connectionString: storage.connectionString },
        book: (pairId) => jobs.bookFromQueue(pairId),
        log: (message, error) => console.error(`[booking] ${message}`, error),
      })
    : undefined;
  const noticeWorker = options.noticeWorker
    ? startNoticeWorker({
        send: () => jobs.sendNotices(),
        log: (message, error) => console.error(`[notices] ${message}`, error),
      })
    : undefined;
  const calendarChanges: LocalStack['calendarChanges'] = [];
  const changeWorker = options.calendarSync
    ? startCalendarChangeWorker({
        connection: { kind: 'connectionString', connectionString: storage.connectionString },
        handle: async (message) => {
          const outcome = await jobs.handleCalendarChange(message);
          calendarChanges.push({ message, outcome });
          return outcome;
        },
        log: (message, error) => console.error(`[calendar-sync] ${message}`, error),
      })
    : undefined;
  let subscriptionTimer: NodeJS.Timeout | undefined;
  if (options.calendarSync) {
    // As the `calendar-subscription` timer does in Azure (every 30 minutes), and at once when the
    // local clock jumps (a week ahead would otherwise outlive the subscription).
    const ensure = () =>
      jobs
        .ensureCalendarSubscription()
        .catch((error) => console.error('[calendar-sync] subscription', error));
    await jobs.ensureCalendarSubscription();
    subscriptionTimer = setInterval(() => void ensure(), 30 * 60_000);
    subscriptionTimer.unref();
    clock.onChange(() => void ensure());
  }
  const timers = options.timers
    ? startLocalTimers({
        jobs,
        clock,
        log: (message, error) => console.error(`[timers] ${message}`, error),
      })
    : undefined;
  return {
    url: host.url,
    issuer,
    graph,
    storage,
    host,
    get people() {
      return people;
    },
    clock,
    describePeople(participation) {
      const described = people.map((p) =>
        participation.has(p.id) ? { ...p, participation: [...participation.get(p.id)!] } : p,
      );
      // The starter people (HR, the advisor…) stay first; the demo's participants come next.
      const starters = new Set(STARTER_PEOPLE.map((p) => p.id));
      const rank = (p: SignInPerson) => (starters.has(p.id) ? 0 : p.participation ? 1 : 2);
      people = described
        .map((p, i) => ({ p, i }))
        .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
        .map(({ p }) => p);
    },
    tick: async () => {
      await timers?.tick();
    },
    env,
    jobs,
    calendarChanges,
    close: async () => {
      await timers?.stop();
      clearInterval(subscriptionTimer);
      await changeWorker?.stop();
      await worker?.stop();
      await noticeWorker?.stop();
      await host.close();
      await graph.close();
      await issuer.close();
      await storage.stop();
    },
  };
}
