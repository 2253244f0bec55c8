// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Bicep and Agents Toolkit placeholders
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFRA } from './bicep';

/**
 * SSO that Teams, Outlook and the Microsoft 365 app accept, and that a redeploy never breaks.
 * Client ids: https://learn.microsoft.com/en-us/microsoftteams/platform/m365-apps/extend-m365-teams-personal-tab#update-microsoft-entra-app-registration-for-sso
 * and (Office, for the add-in pane) https://learn.microsoft.com/en-us/office/dev/add-ins/develop/register-sso-add-in-aad-v2
 */
const CLIENTS = {
  'Teams desktop, mobile': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  'Teams web': '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  'Microsoft 365 web': '4765445b-32c6-49b0-83e6-1d93765276ca',
  'Microsoft 365 desktop': '0ec893e0-5785-4de6-99da-4ed124e5296c',
  'Microsoft 365 mobile, Outlook desktop': 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  'Outlook web': 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  'Outlook mobile': '27922004-5251-4030-b22d-91ecd9a37ea4',
  Office: 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e',
};
const read = (path: string) => readFileSync(join(INFRA, path), 'utf8');
const files = {
  main: read('main.bicep'),
  app: read('modules/entra-app.bicep'),
  grants: read('modules/entra-grants.bicep'),
  parameters: read('main.parameters.json'),
};
type Files = typeof files;

/** The declarations of the app registration module in main.bicep: condition and parameters. */
function appModules(main: string) {
  return [
    ...main.matchAll(
      /^module (\w+) 'modules\/entra-app\.bicep' = (if \(([^)]*\)?)\) )?\{([\s\S]*?)^\}/gm,
    ),
  ].map((m) => ({ symbol: m[1]!, condition: m[3], body: m[4]! }));
}

function ssoProblems(f: Files): string[] {
  const problems: string[] = [];
  const clients = /var microsoft365Clients = \[([\s\S]*?)\]/.exec(f.app)?.[1] ?? '';
  for (const [client, id] of Object.entries(CLIENTS)) {
    if (!clients.includes(`'${id}'`)) problems.push(`${client} (${id}) is not pre-authorised`);
  }
  if (!/preAuthorizedApplications: !preAuthorize \? \[\] : map\(microsoft365Clients/.test(f.app))
    problems.push('preAuthorizedApplications must list microsoft365Clients');
  if (!/requiredResourceAccess:[\s\S]*resourceAppId: graphAppId[\s\S]*type: 'Scope'/.test(f.app))
    problems.push('the app must request the delegated openid and profile scopes');
  if (
    !/resource ssoConsent 'Microsoft\.Graph\/oauth2PermissionGrants@v1\.0'[\s\S]*consentType: 'AllPrincipals'[\s\S]*scope: delegatedScopes/.test(
      f.grants,
    )
  )
    problems.push('openid and profile must be consented for the organisation');
  if (!/^param customDomain string = ''$/m.test(f.main))
    problems.push('no optional customDomain parameter');
  if (!/var tabHost = empty\(customDomain\) \? tab\.outputs\.hostName : customDomain/.test(f.main))
    problems.push('the tab host must be the custom domain when there is one');
  if (!/var appIdUri = 'api:\/\/\$\{tabHost\}\/\$\{clientId\}'/.test(f.main))
    problems.push('the Application ID URI must be api://<tab host>/<client id>');
  // Redeploys: every declaration of the registration writes the URI and the clients, except
  // one that runs only while the app does not exist yet (appClientId empty).
  const modules = appModules(f.main);
  if (modules.length === 0) problems.push('no app registration module');
  for (const m of modules) {
    const complete =
      /identifierUris: \[ appIdUri \]/.test(m.body) && /preAuthorize: true/.test(m.body);
    const firstDeployOnly = m.condition === 'empty(appClientId)';
    if (!complete && !firstDeployOnly)
      problems.push(
        `module ${m.symbol} would reset the Application ID URI or the pre-authorised clients on a redeploy`,
      );
  }
  if (
    !modules.some((m) => m.condition === undefined && /identifierUris: \[ appIdUri \]/.test(m.body))
  )
    problems.push('one unconditional declaration must write the Application ID URI');
  if (!/"appClientId": \{ "value": "\$\{\{AAD_APP_CLIENT_ID\}\}" \}/.test(f.parameters))
    problems.push('provisioning must pass AAD_APP_CLIENT_ID back as appClientId');
  return problems;
}

describe('SSO in the templates', () => {
  it('pre-authorises every Microsoft 365 client, consents openid/profile, survives redeploys', () => {
    expect(ssoProblems(files)).toEqual([]);
    expect(appModules(files.main)).toHaveLength(2);
  });

  it.each([
    [
      'Outlook mobile left out',
      'app',
      "  '27922004-5251-4030-b22d-91ecd9a37ea4' // Outlook mobile\n",
      '',
      /Outlook mobile/,
    ],
    [
      'Office left out',
      'app',
      "'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e'",
      "'00000000-0000-0000-0000-000000000000'",
      /Office/,
    ],
    [
      'no consent',
      'grants',
      "consentType: 'AllPrincipals'",
      "consentType: 'Principal'",
      /consented/,
    ],
    ['a first pass on every deploy', 'main', 'if (empty(appClientId)) ', '', /would reset/],
    [
      'the URI on the static host always',
      'main',
      'var tabHost = empty(customDomain) ? tab.outputs.hostName : customDomain',
      'var tabHost = tab.outputs.hostName',
      /custom domain/,
    ],
    [
      'the client id not passed back',
      'parameters',
      '"appClientId": { "value": "${{AAD_APP_CLIENT_ID}}" },\n',
      '',
      /AAD_APP_CLIENT_ID/,
    ],
  ] as const)('fails with %s', (_, file, from, to, expected) => {
    const changed = { ...files, [file]: files[file].replace(from, to) };
    expect(changed[file]).not.toBe(files[file]);
    expect(ssoProblems(changed).join('\n')).toMatch(expected);
  });
});
