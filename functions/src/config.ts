import { z } from 'zod';

/**
 * Where keys and issuer come from must be authenticated: an `http://` key set could be swapped on
 * the way, and every token signed with the swapped key would pass. Plain HTTP only on loopback,
 * where no network lies between (the local tenant's issuer).
 */
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
export function isSecureUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}
const secureUrl = z
  .string()
  .url()
  .refine(isSecureUrl, 'must be an https:// URL (http:// only on 127.0.0.1, ::1 or localhost)');

/**
 * Microsoft's clouds: each has its own Graph root and Entra host, and Graph's app-only scope is
 * the root plus `/.default` (https://learn.microsoft.com/graph/deployments, "Microsoft Graph and
 * Graph Explorer service root endpoints"; https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud).
 */
export const CLOUDS = {
  global: { graph: 'https://graph.microsoft.com', login: 'https://login.microsoftonline.com' },
  usGov: { graph: 'https://graph.microsoft.us', login: 'https://login.microsoftonline.us' },
  usGovDoD: { graph: 'https://dod-graph.microsoft.us', login: 'https://login.microsoftonline.us' },
  china: {
    graph: 'https://microsoftgraph.chinacloudapi.cn',
    login: 'https://login.chinacloudapi.cn',
  },
} as const;
export type Cloud = keyof typeof CLOUDS;

/**
 * The backend's settings, parsed once from the environment. Production and the local host differ
 * only here: which issuer, audience and key set tokens are checked against — never whether.
 */
const ConfigSchema = z
  .object({
    /** Entra tenant the app belongs to: tokens from any other tenant are refused. */
    TANDEM_TENANT_ID: z.string().min(1),
    /** Client id of the Tandem Entra app (audience of v2 access tokens). */
    TANDEM_CLIENT_ID: z.string().min(1),
    /** Application ID URI (`api://<host>/<clientId>`): v1 tokens carry it as audience. */
    TANDEM_APP_ID_URI: z.string().min(1).optional(),
    /** Token issuer; defaults to Entra's v2 issuer for the tenant. */
    TANDEM_ISSUER: secureUrl.optional(),
    /** JWKS URL; defaults to Entra's public key set. */
    TANDEM_JWKS_URL: secureUrl.optional(),
    /** Table Storage: a connection string (Azurite locally) or an account URL (managed identity). */
    TANDEM_STORAGE_CONNECTION: z.string().min(1).optional(),
    TANDEM_STORAGE_ACCOUNT_URL: z.string().url().optional(),
    /** Queue Storage account URL (managed identity); the connection string's QueueEndpoint locally. */
    TANDEM_QUEUE_ACCOUNT_URL: z.string().url().optional(),
    /** Client id of the user-assigned managed identity (Azure). */
    AZURE_CLIENT_ID: z.string().min(1).optional(),
    /** Which Microsoft cloud the tenant lives in: Graph's root, its scope and Entra's host. */
    TANDEM_CLOUD: z.enum(Object.keys(CLOUDS) as [Cloud, ...Cloud[]]).default('global'),
    /**
     * Microsoft Graph's root (default: the cloud's); locally the bundled simulator or any other
     * Graph endpoint. https:// only: the Graph client sends its token over nothing else. Tokens
     * are still asked for the cloud's scope.
     */
    TANDEM_GRAPH_URL: z.string().url().startsWith('https://').optional(),
    // Longer Graph waits are handed back to the queue or the caller (adapters/graph/throttling.ts).
    TANDEM_GRAPH_MAX_WAIT_SECONDS: z.coerce.number().int().min(0).max(180).default(30),
    /** Where app tokens for Graph come from; defaults to Entra for the tenant, in its cloud. */
    TANDEM_AUTHORITY: z.string().url().startsWith('https://').optional(),
    /**
     * A client secret, for the local tenant only (its issuer generates one at start-up). In Azure
     * the app proves itself with the managed identity (a federated credential): no secret exists.
     */
    TANDEM_CLIENT_SECRET: z.string().min(1).optional(),
    /** The licensed mailbox that organises every series (Exchange + Teams; README). */
    TANDEM_ORGANISER_MAILBOX: z.string().email().optional(),
    /**
     * Where Microsoft Graph posts change notifications on the organiser's events: this API's
     * `/api/calendar/notifications` (Bicep sets it from the function app's host name). Unset, no
     * subscription is made and the hourly follow-up alone hears changes.
     */
    TANDEM_NOTIFICATION_URL: secureUrl.optional(),
    /** The tab's origin: invitations link back to the pair. */
    TANDEM_TAB_URL: z.string().url().optional(),
    /** The Teams app id: when set, invitations link into Teams instead of the web tab. */
    TANDEM_TEAMS_APP_ID: z
      .string()
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((c) => c.TANDEM_STORAGE_CONNECTION || c.TANDEM_STORAGE_ACCOUNT_URL, {
    path: ['TANDEM_STORAGE_ACCOUNT_URL'],
    message: 'set the table endpoint (or TANDEM_STORAGE_CONNECTION locally)',
  });

export type BackendConfig = {
  tenantId: string;
  clientId: string;
  audiences: string[];
  issuer: string;
  jwksUrl: string;
  storageConnection?: string;
  storageAccountUrl?: string;
  queueAccountUrl?: string;
  managedIdentityClientId?: string;
  cloud: Cloud;
  graphUrl: string;
  /** The app-only scope tokens for Graph are asked with: the cloud's Graph root + `/.default`. */
  graphScope: string;
  /** The longest Graph Retry-After a request sleeps through in place (adapters/graph/throttling.ts). */
  graphMaxWaitSeconds: number;
  authority: string;
  clientSecret?: string;
  organiserMailbox?: string;
  notificationUrl?: string;
  tabUrl?: string;
  teamsAppId?: string;
};

/** Parses the environment; throws an error naming every missing or invalid setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): BackendConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Tandem configuration is incomplete:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const cloud = CLOUDS[c.TANDEM_CLOUD];
  return {
    tenantId: c.TANDEM_TENANT_ID,
    clientId: c.TANDEM_CLIENT_ID,
    audiences: [c.TANDEM_CLIENT_ID, ...(c.TANDEM_APP_ID_URI ? [c.TANDEM_APP_ID_URI] : [])],
    issuer: c.TANDEM_ISSUER ?? `${cloud.login}/${c.TANDEM_TENANT_ID}/v2.0`,
    jwksUrl: c.TANDEM_JWKS_URL ?? `${cloud.login}/${c.TANDEM_TENANT_ID}/discovery/v2.0/keys`,
    storageConnection: c.TANDEM_STORAGE_CONNECTION,
    storageAccountUrl: c.TANDEM_STORAGE_ACCOUNT_URL,
    queueAccountUrl: c.TANDEM_QUEUE_ACCOUNT_URL,
    managedIdentityClientId: c.AZURE_CLIENT_ID,
    cloud: c.TANDEM_CLOUD,
    graphUrl: (c.TANDEM_GRAPH_URL ?? cloud.graph).replace(/\/+$/, ''),
    graphScope: `${cloud.graph}/.default`,
    graphMaxWaitSeconds: c.TANDEM_GRAPH_MAX_WAIT_SECONDS,
    authority: (c.TANDEM_AUTHORITY ?? `${cloud.login}/${c.TANDEM_TENANT_ID}`).replace(/\/+$/, ''),
    clientSecret: c.TANDEM_CLIENT_SECRET,
    organiserMailbox: c.TANDEM_ORGANISER_MAILBOX,
    notificationUrl: c.TANDEM_NOTIFICATION_URL,
    tabUrl: c.TANDEM_TAB_URL?.replace(/\/+$/, ''),
    teamsAppId: c.TANDEM_TEAMS_APP_ID,
  };
}
