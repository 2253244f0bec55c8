import { parseArgs } from 'node:util';
import { startIssuer } from './entra/issuer';
import { startGraphSimulator } from './graph/graph-simulator';
import { TANDEM_APPLICATION_PERMISSIONS } from './graph/server';
import {
  DEMO_API_CLIENT_ID,
  DEMO_TENANT_ID,
  demoOrganisation,
  ORGANISER,
  registerTandemApp,
} from './stack';
import { ensureLocalTls, relaunchTrustingLocalTls } from './tls/local-tls';

/**
 * `npm run --silent tandem -- sim`: the simulated tenant alone (Entra-like issuer + Microsoft
 * Graph with the demo organisation), to explore with curl or any Graph client.
 */
const relaunched = await relaunchTrustingLocalTls();
if (relaunched !== undefined) process.exit(relaunched);

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.TANDEM_GRAPH_PORT ?? '8443' },
    people: { type: 'string' },
    seed: { type: 'string' },
  },
});
const tls = await ensureLocalTls();
const { people, busy } = await demoOrganisation({
  people: values.people ? Number(values.people) : undefined,
  seed: values.seed ? Number(values.seed) : undefined,
});
const issuer = await startIssuer({
  tenantId: DEMO_TENANT_ID,
  apiClientId: DEMO_API_CLIENT_ID,
  apiAppIdUri: `api://localhost/${DEMO_API_CLIENT_ID}`,
  people: () => [],
  tls,
});
let graph: Awaited<ReturnType<typeof startGraphSimulator>>;
try {
  graph = await startGraphSimulator({ issuer, tls, people, busy, port: Number(values.port) });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  console.warn(`Port ${values.port} is busy; using a free one.`);
  graph = await startGraphSimulator({ issuer, tls, people, busy, port: 0 });
}
const app = registerTandemApp(issuer, graph, ORGANISER.id);
const ca = tls.caFile;
console.log(
  [
    '',
    `Microsoft Graph (simulated) for Contoso Ibérica: ${graph.serviceRoot} — ${graph.tenant.size} people`,
    `  Its certificate authority (made for this run): ${ca}`,
    '',
    `  A token with ${TANDEM_APPLICATION_PERMISSIONS.join(', ')} (tenant-wide, infra/graph-permissions.json):`,
    `    TOKEN=$(curl -s --cacert ${ca} ${graph.url}/_sim/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')`,
    `    curl -s --cacert ${ca} -H "Authorization: Bearer $TOKEN" '${graph.serviceRoot}/users?$top=5&$select=displayName,department'`,
    '',
    "  Or as Tandem's app (User.Read.All; calendars of the organiser mailbox only), with msal-node:",
    `    authority ${issuer.authority}  (knownAuthorities: ["${new URL(issuer.authority!).host}"])`,
    `    clientId ${app.clientId}  clientSecret ${app.secret}`,
    '',
    `  Control: ${graph.url}/_sim/{stats,faults,throttling,clock,users}  (README: "The simulated tenant")`,
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);
const stop = async () => {
  await graph.close();
  await issuer.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
