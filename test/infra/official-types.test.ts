import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import { type BicepFile, bicepParser, readBicepFiles } from './bicep';
import {
  loadTypeFile,
  moduleProblems,
  resources,
  TYPES_DIR,
  TypeIndex,
  typeProblems,
} from './bicep-types';
import { ALLOWED_ROLES } from './policies';

/**
 * infra/ against the official definitions: Azure/bicep-types-az and
 * microsoftgraph/msgraph-bicep-types (trimmed copies under test/infra/types, refreshed by
 * test/infra/refresh-types.ts) and the Azure built-in roles (MicrosoftDocs/azure-docs).
 */
const files = readBicepFiles();
const typeFiles = [loadTypeFile('bicep-types-az.json'), loadTypeFile('msgraph-bicep-types.json')];
const index = new TypeIndex(typeFiles);
const builtInRoles = JSON.parse(
  readFileSync(join(TYPES_DIR, 'azure-built-in-roles.json'), 'utf8'),
) as { source: { repository: string; commit: string }; roles: { id: string; roleName: string }[] };
let p: Parser;
beforeAll(async () => {
  p = await bicepParser();
});

function edited(path: string, from: string | RegExp, to: string): BicepFile[] {
  return files.map((f) => {
    if (f.path !== path) return f;
    const text = f.text.replace(from, to);
    if (text === f.text) throw new Error(`the edit of ${path} changed nothing: ${from}`);
    return { ...f, text };
  });
}

/** Role definition ids the templates assign (any GUID in a file that assigns roles). */
function assignedRoleIds(list: readonly BicepFile[]): string[] {
  return list
    .filter((f) => /roleDefinitions/.test(f.text))
    .flatMap(
      (f) => f.text.match(/'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'/gi) ?? [],
    )
    .map((id) => id.slice(1, -1).toLowerCase());
}

function roleProblems(list: readonly BicepFile[]): string[] {
  const official = new Map(builtInRoles.roles.map((r) => [r.id, r.roleName]));
  return assignedRoleIds(list)
    .filter((id) => !official.has(id))
    .map((id) => `role definition ${id} is not an Azure built-in role`);
}

describe('the official definitions under test/infra/types', () => {
  it.each([...typeFiles.map((f) => f.source), builtInRoles.source])(
    'name their source repository and commit ($repository)',
    (source) => {
      expect(source.repository).toMatch(/^https:\/\/github\.com\/[\w-]+\/[\w.-]+$/);
      expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
    },
  );

  it('hold every resource type and API version infra/ declares', () => {
    const declared = files.flatMap((f) => resources(p, f).map((r) => r.type));
    expect(declared.length).toBeGreaterThan(15);
    for (const type of declared) expect(index.resources.has(type.toLowerCase()), type).toBe(true);
  });
});

describe('infra/ against the official Azure and Graph Bicep types', () => {
  it('writes only known, writable properties, every required one, allowed values', () => {
    expect(typeProblems(p, files, index)).toEqual([]);
  });

  it('passes every module the parameters it declares, and reads only outputs it has', () => {
    expect(moduleProblems(p, files)).toEqual([]);
  });

  it('assigns only Azure built-in roles, named as Learn names them', () => {
    const ids = assignedRoleIds(files);
    expect(ids.length).toBeGreaterThan(0);
    expect(roleProblems(files)).toEqual([]);
    const official = new Map(builtInRoles.roles.map((r) => [r.id, r.roleName]));
    for (const [id, name] of ALLOWED_ROLES) expect(official.get(id)).toBe(name);
  });
});

describe('a template that breaks the official definitions fails', () => {
  it.each([
    [
      'a misspelled property',
      'modules/storage.bicep',
      'allowSharedKeyAccess: false',
      'allowSharedKeyAcess: false',
      /allowSharedKeyAcess is not a property/,
    ],
    [
      'a misspelled nested property',
      'modules/functions.bicep',
      'minTlsVersion:',
      'minTLSVersion:',
      /minTLSVersion is not a property/,
    ],
    [
      'a read-only property written',
      'modules/storage.bicep',
      'supportsHttpsTrafficOnly: true',
      "supportsHttpsTrafficOnly: true\n    provisioningState: 'Succeeded'",
      /provisioningState is read-only/,
    ],
    [
      'a required property missing',
      'modules/storage.bicep',
      "  sku: { name: 'Standard_LRS' }\n",
      '',
      /sku is required/,
    ],
    [
      'a value outside the enum',
      'modules/storage.bicep',
      "kind: 'StorageV2'",
      "kind: 'StorageV3'",
      /'StorageV3' is not one of/,
    ],
    [
      'an enum in a nested object',
      'modules/storage.bicep',
      "defaultAction: 'Allow'",
      "defaultAction: 'Permit'",
      /defaultAction 'Permit' is not one of/,
    ],
    [
      'a boolean where a string goes',
      'modules/monitoring.bicep',
      "Application_Type: 'web'",
      'Application_Type: true',
      /is a boolean/,
    ],
    [
      'an API version that does not exist',
      'modules/identity.bicep',
      '@2023-01-31',
      '@2099-01-01',
      /is not a resource type and version/,
    ],
    [
      'a misspelled read of a resource',
      'modules/static-web.bicep',
      'site.properties.defaultHostname',
      'site.properties.defaultHostName',
      /reads defaultHostName/,
    ],
    [
      'a misspelled Graph property',
      'modules/entra-app.bicep',
      "signInAudience: 'AzureADMyOrg'",
      "signinAudience: 'AzureADMyOrg'",
      /signinAudience is not a property/,
    ],
    [
      'a Graph property in the wrong place',
      'modules/entra-app.bicep',
      'requestedAccessTokenVersion: 2',
      'requestedAccessTokenVersion: 2\n    identifierUris: []',
      /api\.identifierUris is not a property/,
    ],
    [
      'a misspelled Graph child property',
      'modules/entra-app.bicep',
      'userConsentDisplayName:',
      'userConsentName:',
      /userConsentName is not a property/,
    ],
    [
      'a wrong discriminated config name',
      'modules/functions.bicep',
      "name: 'appsettings'",
      "name: 'appsetting'",
      /name 'appsetting' is not one of/,
    ],
  ] as const)('%s', (_, path, from, to, expected) => {
    const problems = typeProblems(p, edited(path, from, to), index);
    expect(problems.join('\n')).toMatch(expected);
  });

  it.each([
    [
      'an unknown module parameter',
      'main.bicep',
      "params: { location: location, name: 'id-",
      "params: { location: location, colour: 'red', name: 'id-",
      /has no parameter colour/,
    ],
    [
      'a required module parameter left out',
      'main.bicep',
      "params: { location: location, name: 'id-",
      "params: { location: location, label: 'id-",
      /needs parameter name/,
    ],
    [
      'an output the module does not have',
      'main.bicep',
      'tab.outputs.hostName',
      'tab.outputs.host',
      /has no output host/,
    ],
    [
      'a module file that is not there',
      'main.bicep',
      "'modules/identity.bicep'",
      "'modules/identities.bicep'",
      /not in infra/,
    ],
  ] as const)('%s', (_, path, from, to, expected) => {
    expect(moduleProblems(p, edited(path, from, to)).join('\n')).toMatch(expected);
  });

  it('an unknown role definition id', () => {
    const changed = edited(
      'modules/roles.bicep',
      '3913510d-42f4-4e42-8a64-420c390055eb',
      '3913510d-42f4-4e42-8a64-420c390055ec',
    );
    expect(roleProblems(changed)).toEqual([
      'role definition 3913510d-42f4-4e42-8a64-420c390055ec is not an Azure built-in role',
    ]);
  });
});
