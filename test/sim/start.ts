import { ensureTabBuilt } from './build-tab';
import { DEMO_PROGRAMMES, seedDemo } from './demo/seed';
import { INBOX_PATH, startLocalStack } from './stack';
import { relaunchTrustingLocalTls } from './tls/local-tls';

/**
 * `npm start`: the whole app locally, no Azure account. Azurite, the Entra-like issuer and the
 * functions behind the local host, serving the tab. Ctrl-C stops everything it started.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? process.env.TANDEM_PORT ?? 7071);
  console.log('Building the tab…');
  const staticDir = await ensureTabBuilt();
  // TANDEM_GRAPH_URL points the backend at another Graph endpoint than the bundled simulator.
  const graphUrl = process.env.TANDEM_GRAPH_URL || undefined;
  const stack = await startLocalStack({
    port,
    staticDir,
    bookingWorker: true,
    timers: true,
    graphUrl,
    calendarSync: true,
    noticeWorker: true,
  });
  // A living demo unless asked for an empty start (`npm start -- --empty` or TANDEM_DEMO=empty).
  const empty = process.argv.includes('--empty') || process.env.TANDEM_DEMO === 'empty';
  if (!empty) {
    console.log('Seeding the demo (programmes, pairs, sessions held a few weeks ago)…');
    await seedDemo(stack);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Tandem…`);
    await stack.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  console.log(
    [
      '',
      'Tandem is running locally.',
      `  Open the tab:        ${stack.url}/`,
      `  API:                 ${stack.url}/api/health (storage and Graph reachability)`,
      `  Teams notices:       ${stack.url}${INBOX_PATH} (each person's activity feed, as it arrives)`,
      `  Sign-in (issuer):    ${stack.issuer.url}/${stack.issuer.tenantId}/v2.0/.well-known/openid-configuration`,
      graphUrl
        ? `  Microsoft Graph:     ${graphUrl} (TANDEM_GRAPH_URL; tokens from the issuer above)`
        : `  Microsoft Graph:     ${stack.graph.serviceRoot} (simulated; a token: ${stack.graph.url}/_sim/token)`,
      `  Its certificate:     ${process.env.NODE_EXTRA_CA_CERTS} (curl --cacert …)`,
      `  Table storage:       ${stack.storage.tableUrl}`,
      empty
        ? '  Started empty (--empty): no programmes yet; sign in as Lucía Fernández (HR) to create one.'
        : `  Demo: "${DEMO_PROGRAMMES.running}" running, "${DEMO_PROGRAMMES.open}" open to apply, "${DEMO_PROGRAMMES.matching}" in matching.`,
      '  The sign-in screen says who is HR, the advisor, a mentor or a mentee.',
      `  Move time forward: the clock at the foot of the tab, or curl -X POST ${stack.url}/_local/clock -H 'content-type: application/json' -d '{"days":7}'`,
      '  In English or Spanish: add ?lang=en or ?lang=es; themes: ?theme=dark or ?theme=contrast.',
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

// The local tenant speaks HTTPS with a certificate made now; Node trusts it only from start-up,
// so the app runs in a child started with it (the parent just waits and passes Ctrl-C on).
const relaunched = await relaunchTrustingLocalTls();
if (relaunched !== undefined) process.exit(relaunched);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
