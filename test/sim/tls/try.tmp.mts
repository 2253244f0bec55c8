import { ConfidentialClientApplication } from '@azure/msal-node';
import { startIssuer } from '../entra/issuer';
import { ensureLocalTls, relaunchTrustingLocalTls } from './local-tls';

const code = await relaunchTrustingLocalTls();
if (code !== undefined) process.exit(code);
const tls = await ensureLocalTls();
const issuer = await startIssuer({
  tenantId: 't1',
  apiClientId: 'api',
  apiAppIdUri: 'api://x',
  people: () => [],
  tls,
});
const client = issuer.registerClient({ 'https://graph.microsoft.com': ['User.Read.All'] });
console.log(issuer.authority);
const cca = new ConfidentialClientApplication({
  auth: {
    clientId: client.clientId,
    clientSecret: client.secret,
    authority: issuer.authority!,
    knownAuthorities: [new URL(issuer.authority!).host],
  },
});
const r = await cca.acquireTokenByClientCredential({
  scopes: ['https://graph.microsoft.com/.default'],
});
console.log(r?.accessToken.slice(0, 20), r?.expiresOn);
const r2 = await cca.acquireTokenByClientCredential({
  scopes: ['https://graph.microsoft.com/.default'],
});
console.log('cached', r2?.fromCache);
await issuer.close();
