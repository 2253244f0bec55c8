import {
  ConfidentialClientApplication,
  type Configuration,
  ManagedIdentityApplication,
} from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import type { BackendConfig } from '../../config';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const ENTRA_HOST = 'login.microsoftonline.com';

/**
 * App-only credentials for Graph. In Azure the user-assigned managed identity's token is the
 * client assertion of a federated credential (no secret anywhere, M365.md §7); the local tenant's
 * issuer hands out a generated secret instead.
 */
function confidentialClient(config: BackendConfig): ConfidentialClientApplication {
  const authorityHost = new URL(config.authority).host;
  const auth: Configuration['auth'] = {
    clientId: config.clientId,
    authority: config.authority,
    // Outside Entra's public cloud (the local tenant) msal-node must not ask Entra to discover it.
    ...(authorityHost !== ENTRA_HOST ? { knownAuthorities: [authorityHost] } : {}),
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
 * The official Graph client with its default middleware (authentication, retry on 429/503/504
 * honouring Retry-After, redirects), pointed at Graph or at the local tenant's simulator.
 */
export function createGraphClient(config: BackendConfig): Client {
  const cca = confidentialClient(config);
  const host = new URL(config.graphUrl).hostname;
  return Client.initWithMiddleware({
    baseUrl: `${config.graphUrl}/`,
    defaultVersion: 'v1.0',
    // The client only sends the token to hosts it knows; the simulator's must be named (no port).
    ...(host !== 'graph.microsoft.com' ? { customHosts: new Set([host]) } : {}),
    authProvider: {
      getAccessToken: async () => {
        const result = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
        if (!result) throw new Error('No Graph token was issued');
        return result.accessToken;
      },
    },
  });
}
