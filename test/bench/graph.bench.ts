import { graphDirectorySource } from '../../functions/src/adapters/graph/directory-delta';
import { createGraphClient } from '../../functions/src/adapters/graph/graph-client';
import { directoryTable } from '../../functions/src/adapters/tables/directory-table';
import { loadConfig } from '../../functions/src/config';
import { syncDirectory } from '../../functions/src/jobs/org-sync';
import { startIssuer } from '../sim/entra/issuer';
import { DELTA_MAX_PAGE, USERS_MAX_PAGE } from '../sim/graph/directory/directory-routes';
import { startGraphSimulator } from '../sim/graph/graph-simulator';
import { generateOrganisation } from '../sim/org/organisation';
import { DEMO_API_CLIENT_ID, DEMO_TENANT_ID, TANDEM_GRAPH_PERMISSIONS } from '../sim/stack';
import { startStorageEmulator } from '../sim/storage/storage-emulator';
import { ensureLocalTls } from '../sim/tls/local-tls';
import type { BenchRow } from './run';

const PEOPLE = 100_000;

/**
 * The directory at scale, through the production Graph code (msal-node token, official client,
 * retry middleware) against the simulator over HTTPS: reading 100,000 people with their managers,
 * and org sync of the same directory into Table Storage (Azurite).
 */
export default async function bench(): Promise<BenchRow[]> {
  const organisation = generateOrganisation({ people: PEOPLE, now: new Date(), calendars: false });
  const tls = await ensureLocalTls();
  const storage = await startStorageEmulator();
  const issuer = await startIssuer({
    tenantId: DEMO_TENANT_ID,
    apiClientId: DEMO_API_CLIENT_ID,
    apiAppIdUri: `api://localhost/${DEMO_API_CLIENT_ID}`,
    people: () => [],
    tls,
  });
  const graph = await startGraphSimulator({ issuer, tls, people: organisation.users });
  try {
    const app = issuer.registerClient(
      { 'https://graph.microsoft.com': TANDEM_GRAPH_PERMISSIONS },
      DEMO_API_CLIENT_ID,
    );
    const config = loadConfig({
      TANDEM_TENANT_ID: DEMO_TENANT_ID,
      TANDEM_CLIENT_ID: DEMO_API_CLIENT_ID,
      TANDEM_STORAGE_CONNECTION: storage.connectionString,
      TANDEM_GRAPH_URL: graph.url,
      TANDEM_AUTHORITY: issuer.authority,
      TANDEM_CLIENT_SECRET: app.secret,
    });
    const client = createGraphClient(config);
    const source = graphDirectorySource(client);
    const minimum999 = Math.ceil(PEOPLE / USERS_MAX_PAGE);
    const minimumDelta = Math.ceil(PEOPLE / DELTA_MAX_PAGE);

    // Reading everyone with their manager: a delta round selecting `manager` (manager@delta).
    await client.api('/users').top(1).get(); // token acquired and connection warm: not measured
    graph.resetStats();
    let read = 0;
    let withManager = 0;
    let started = performance.now();
    for await (const page of source.readRound(null)) {
      for (const change of page.changes) {
        read++;
        if (change.kind === 'upsert' && change.fields.managerId) withManager++;
      }
    }
    const readMs = performance.now() - started;
    const readRequests = graph.stats().requests;

    // The same people without managers, 999 a page: the floor ⌈n/999⌉ the issue measures against.
    graph.resetStats();
    started = performance.now();
    let listed = 0;
    let page = await client.api('/users').select('id,displayName,department').top(999).get();
    for (;;) {
      listed += page.value.length;
      if (!page['@odata.nextLink']) break;
      page = await client.api(page['@odata.nextLink']).get();
    }
    const listMs = performance.now() - started;
    const listRequests = graph.stats().requests;

    // Org sync: a full round into Table Storage, then a round with 100 changes.
    const snapshot = directoryTable({
      kind: 'connectionString',
      connectionString: storage.connectionString,
    });
    graph.resetStats();
    started = performance.now();
    const full = await syncDirectory(source, snapshot, () => new Date());
    const fullMs = performance.now() - started;
    const fullRequests = graph.stats().requests;
    const users = graph.tenant.list();
    for (let i = 1; i <= 100; i++) {
      graph.tenant.update(users[i * 97]!.id, { jobTitle: `Cambio ${i}` });
    }
    graph.resetStats();
    started = performance.now();
    const changes = await syncDirectory(source, snapshot, () => new Date());
    const changesMs = performance.now() - started;
    const changesRequests = graph.stats().requests;

    return [
      {
        bench: 'graph',
        metric: `read ${PEOPLE.toLocaleString('en-US')} users with managers (delta, manager@delta)`,
        value: readRequests,
        unit: 'requests',
        reference: { label: '⌈n/999⌉', value: minimum999 },
        ratio: readRequests / minimum999,
        note: `${read.toLocaleString('en-US')} users, ${withManager.toLocaleString('en-US')} with a manager, ${Math.round(read / (readMs / 1000)).toLocaleString('en-US')} users/s; the simulator serves ${DELTA_MAX_PAGE} users per delta page, so ⌈n/${DELTA_MAX_PAGE}⌉ = ${minimumDelta} here; Graph's delta page size is its own choice and can vary`,
      },
      {
        bench: 'graph',
        metric: `list ${PEOPLE.toLocaleString('en-US')} users without managers ($top=999)`,
        value: listRequests,
        unit: 'requests',
        reference: { label: '⌈n/999⌉', value: minimum999 },
        ratio: listRequests / minimum999,
        note: `${listed.toLocaleString('en-US')} users, ${Math.round(listed / (listMs / 1000)).toLocaleString('en-US')} users/s`,
      },
      {
        bench: 'org-sync',
        metric: `full org sync, ${PEOPLE.toLocaleString('en-US')} people into Table Storage`,
        value: fullMs,
        unit: 'ms',
        reference: { label: 'simulator pages ⌈n/200⌉', value: minimumDelta },
        ratio: fullRequests / minimumDelta,
        note: `${fullRequests} requests (ratio = requests / minimum), ${full.people.toLocaleString('en-US')} people stored`,
      },
      {
        bench: 'org-sync',
        metric: 'org sync of 100 changes',
        value: changesMs,
        unit: 'ms',
        reference: { label: 'minimum requests', value: 1 },
        ratio: changesRequests,
        note: `${changes.changes} changes read in ${changesRequests} request(s)`,
      },
    ];
  } finally {
    await graph.close();
    await issuer.close();
    await storage.stop();
  }
}
