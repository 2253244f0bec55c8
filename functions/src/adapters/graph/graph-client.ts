import {
  ConfidentialClientApplication,
  type Configuration,
  ManagedIdentityApplication,
} from '@azure/msal-node';
import {
  Client,
  type Context,
  type Middleware,
  MiddlewareFactory,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import { type BackendConfig, CLOUDS } from '../../config';
import { shortWaitsOnly } from './throttling';

/** Entra's hosts, which msal-node knows; any other authority (the local tenant) is named to it. */
const ENTRA_HOSTS = new Set(Object.values(CLOUDS).map((c) => new URL(c.login).host));
/** Graph's hosts, which the client sends tokens to unasked; any other must be named. */
const GRAPH_HOSTS = new Set(Object.values(CLOUDS).map((c) => new URL(c.graph).hostname));

/**
 * App-only credentials for Graph. In Azure the user-assigned managed identity's token is the
 * client assertion of a federated credential (no secret anywhere: https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation); the local tenant's
 * issuer hands out a generated secret instead.
 */
function confidentialClient(config: BackendConfig): ConfidentialClientApplication {
  const authorityHost = new URL(config.authority).host;
  const auth: Configuration['auth'] = {
    clientId: config.clientId,
    authority: config.authority,
    // Outside Entra's public cloud (the local tenant) msal-node must not ask Entra to discover it.
    ...(!ENTRA_HOSTS.has(authorityHost) ? { knownAuthorities: [authorityHost] } : {}),
  };
  if (config.clientSecret) {
    return new ConfidentialClientApplication({
      auth: { ...auth, clientSecret: config.clientSecret },
    });
  }
  const identity = new ManagedIdentityApplication({
    managedIdentityIdParams: config.managedIdentityClientId
      ? { userAssignedClientId: config.managedIdentityClientId }
      : undefined,
  });
  return new ConfidentialClientApplication({
    auth: {
      ...auth,
      clientAssertion: async () =>
        (await identity.acquireToken({ resource: 'api://AzureADTokenExchange' })).accessToken,
    },
  });
}

/**
 * Retries a request whose connection failed (reset, cut, timed out) when repeating it is safe:
 * reads, idempotent writes and getSchedule. Never a create: a `transactionId` is no dedupe
 * promise (https://learn.microsoft.com/graph/api/resources/event), so booking looks its series up
 * by our own key instead (jobs/booking.ts). The SDK's RetryHandler only retries answered
 * 429/503/504.
 */
export class NetworkRetryHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly attempts = 3,
    private readonly delayMs = 200,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.next!.execute(context);
        return;
      } catch (error) {
        if (attempt >= this.attempts || !isSafeToRepeat(context)) throw error;
        const wait = this.delayMs * 2 ** attempt * (0.5 + Math.random());
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}

function isSafeToRepeat(context: Context): boolean {
  const method = (context.options?.method ?? 'GET').toUpperCase();
  if (['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'].includes(method)) return true;
  const url = typeof context.request === 'string' ? context.request : context.request.url;
  // getSchedule only reads. Not `$batch`: it may carry writes, and repeating it repeats them.
  return /\/getSchedule$/i.test(new URL(url).pathname) && method === 'POST';
}

/**
 * The official Graph client with its default middleware (authentication, retry on 429/503/504
 * honouring Retry-After, redirects), pointed at Graph or at the local tenant's simulator.
 */
export function createGraphClient(config: BackendConfig): Client {
  const cca = confidentialClient(config);
  const host = new URL(config.graphUrl).hostname;
  const authProvider = {
    getAccessToken: async () => {
      // The cloud's scope (config.ts CLOUDS), wherever TANDEM_GRAPH_URL points.
      const result = await cca.acquireTokenByClientCredential({ scopes: [config.graphScope] });
      if (!result) throw new Error('No Graph token was issued');
      return result.accessToken;
    },
  };
  // The default chain (auth, retry, redirect, telemetry, HTTP), with connection retries before
  // HTTP and up to 6 retries of 429/503/504, each honouring Retry-After — but only waits up to
  // graphMaxWaitSeconds: a longer one comes back as the error, for the caller to hand back
  // (throttling.ts: the queue keeps the message for the wait, a route answers 503).
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(authProvider).map((m) =>
    m instanceof RetryHandler
      ? new RetryHandler(new RetryHandlerOptions(3, 6, shortWaitsOnly(config.graphMaxWaitSeconds)))
      : m,
  );
  chain.splice(chain.length - 1, 0, new NetworkRetryHandler());
  return Client.initWithMiddleware({
    baseUrl: `${config.graphUrl}/`,
    defaultVersion: 'v1.0',
    // The client only sends the token to hosts it knows; the simulator's must be named (no port).
    ...(!GRAPH_HOSTS.has(host) ? { customHosts: new Set([host]) } : {}),
    middleware: chain,
  });
}
