import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from '../../../functions/src/adapters/graph/graph-client';
import { type BackendConfig, loadConfig } from '../../../functions/src/config';
import { type LocalIssuer, startIssuer } from '../../sim/entra/issuer';
import { type GraphSimulator, startGraphSimulator } from '../../sim/graph/graph-simulator';
import type { GraphRoute } from '../../sim/graph/router';
import type { SimPerson, SimTenant } from '../../sim/graph/tenant';
import { ensureLocalTls } from '../../sim/tls/local-tls';

export interface SimTenantFixture {
  issuer: LocalIssuer;
  graph: GraphSimulator;
  /** The backend's configuration as Azure would hold it, pointed at the local tenant. */
  config: BackendConfig;
  /** The production Graph client (msal-node token, default middleware) for the app. */
  client: Client;
  /** A Graph client for another app holding these application permissions. */
  clientWith(roles: string[]): Client;
  close(): Promise<void>;
}

const TENANT = '11111111-2222-4333-8444-555555555555';
const API = 'a0a0a0a0-0000-4000-8000-000000000001';

/** The local tenant without storage or the API: issuer + Graph simulator + the app's client. */
export async function startSimTenant(
  people: SimPerson[],
  options: {
    roles?: string[];
    extraRoutes?: (tenant: SimTenant, root: () => string) => GraphRoute[];
  } = {},
): Promise<SimTenantFixture> {
  const tls = await ensureLocalTls();
  const issuer = await startIssuer({
    tenantId: TENANT,
    apiClientId: API,
    apiAppIdUri: `api://localhost/${API}`,
    people: () => [],
    tls,
  });
  const graph = await startGraphSimulator({
    issuer,
    tls,
    people,
    extraRoutes: options.extraRoutes,
  });
  // A tenant-wide app that exercises the simulator's own routes (mailbox settings too, which
  // Tandem never reads); Tandem's grant is test/sim/stack.ts registerTandemApp.
  const roles = options.roles ?? ['User.Read.All', 'MailboxSettings.Read', 'Calendars.ReadWrite'];
  const app = issuer.registerClient({ 'https://graph.microsoft.com': roles }, API);
  const configOf = (clientId: string, secret: string) =>
    loadConfig({
      TANDEM_TENANT_ID: TENANT,
      TANDEM_CLIENT_ID: clientId,
      TANDEM_ISSUER: issuer.issuer,
      TANDEM_JWKS_URL: issuer.jwksUrl,
      TANDEM_STORAGE_CONNECTION: 'UseDevelopmentStorage=true',
      TANDEM_GRAPH_URL: graph.url,
      TANDEM_AUTHORITY: issuer.authority,
      TANDEM_CLIENT_SECRET: secret,
    });
  const config = configOf(app.clientId, app.secret);
  return {
    issuer,
    graph,
    config,
    client: createGraphClient(config),
    clientWith(otherRoles) {
      const other = graph.registerApp(otherRoles);
      return createGraphClient(configOf(other.clientId, other.secret));
    },
    close: async () => {
      await graph.close();
      await issuer.close();
    },
  };
}

/** A deterministic organisation tree for directory tests: `size` people, spans of `span`. */
export function treeOrganisation(size: number, span = 7): SimPerson[] {
  const people: SimPerson[] = [];
  for (let i = 0; i < size; i++) {
    const n = String(i).padStart(6, '0');
    people.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      displayName: `Persona ${n}`,
      givenName: 'Persona',
      surname: n,
      mail: `persona.${n}@contoso.test`,
      userPrincipalName: `persona.${n}@contoso.test`,
      accountEnabled: true,
      jobTitle: i === 0 ? 'CEO' : 'Analista',
      department: ['Tecnología', 'Ventas', 'Personas'][i % 3]!,
      officeLocation: i % 5 === 0 ? 'Ciudad de México' : 'Madrid',
      preferredLanguage: i % 4 === 0 ? 'en-GB' : 'es-ES',
      managerId:
        i === 0
          ? null
          : `00000000-0000-4000-8000-${String(Math.floor((i - 1) / span)).padStart(12, '0')}`,
      mailboxSettings: {
        timeZone: i % 5 === 0 ? 'Central Standard Time (Mexico)' : 'Europe/Madrid',
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '09:00:00.0000000',
          endTime: '18:00:00.0000000',
          timeZone: {
            name: i % 5 === 0 ? 'Central Standard Time (Mexico)' : 'Romance Standard Time',
          },
        },
      },
    });
  }
  return people;
}
