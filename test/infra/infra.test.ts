import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import { parse as parseYaml } from 'yaml';
import {
  type BicepFile,
  bicepParser,
  INFRA,
  parameters,
  readBicepFiles,
  syntaxProblems,
} from './bicep';
import { policyProblems } from './policies';

const root = join(INFRA, '..');
const config = JSON.parse(readFileSync(join(INFRA, 'bicepconfig.json'), 'utf8'));
const extensions = Object.keys(config.extensions ?? {});
const files = readBicepFiles();
let p: Parser;
beforeAll(async () => {
  p = await bicepParser();
});

/** A copy of the templates with one file changed, as a careless edit would change it. */
function edited(path: string, from: string | RegExp, to: string): BicepFile[] {
  return files.map((f) => {
    if (f.path !== path) return f;
    const text = f.text.replace(from, to);
    if (text === f.text) throw new Error(`the edit of ${path} changed nothing: ${from}`);
    return { ...f, text };
  });
}

describe('the Bicep templates', () => {
  it('are all there: main, its modules, parameters and config', () => {
    expect(files.map((f) => f.path).sort()).toEqual(
      expect.arrayContaining([
        'main.bicep',
        'modules/functions.bicep',
        'modules/storage.bicep',
        'modules/entra-app.bicep',
      ]),
    );
    expect(existsSync(join(INFRA, 'main.parameters.json'))).toBe(true);
  });

  it.each(files.map((f) => [f.path, f] as const))('%s parses with tree-sitter-bicep', (_, file) => {
    expect(syntaxProblems(p, file, extensions)).toEqual([]);
  });

  it('accepts an extension line only for an extension bicepconfig.json declares', () => {
    const file = files.find((f) => f.text.startsWith('extension microsoftGraphV1'))!;
    expect(syntaxProblems(p, file, extensions)).toEqual([]);
    expect(
      syntaxProblems(
        p,
        {
          ...file,
          text: file.text.replace('extension microsoftGraphV1', 'extension unknownThing'),
        },
        extensions,
      ),
    ).not.toEqual([]);
  });

  it('keeps every security policy', () => {
    expect(policyProblems(p, files)).toEqual([]);
  });
});

describe('a broken or weakened template fails the checks', () => {
  it('a broken file', () => {
    const broken = {
      ...files.find((f) => f.path === 'modules/storage.bicep')!,
      text: files
        .find((f) => f.path === 'modules/storage.bicep')!
        .text.replace("kind: 'StorageV2'", "kind: 'StorageV2"),
    };
    expect(syntaxProblems(p, broken, extensions).length).toBeGreaterThan(0);
  });

  it.each([
    [
      'shared keys allowed',
      'modules/storage.bicep',
      'allowSharedKeyAccess: false',
      'allowSharedKeyAccess: true',
    ],
    [
      'public blobs',
      'modules/storage.bicep',
      'allowBlobPublicAccess: false',
      'allowBlobPublicAccess: true',
    ],
    [
      'old TLS',
      'modules/storage.bicep',
      "minimumTlsVersion: 'TLS1_2'",
      "minimumTlsVersion: 'TLS1_0'",
    ],
    [
      'HTTP allowed',
      'modules/storage.bicep',
      'supportsHttpsTrafficOnly: true',
      'supportsHttpsTrafficOnly: false',
    ],
    ['a public container', 'modules/storage.bicep', "publicAccess: 'None'", "publicAccess: 'Blob'"],
    [
      'key-based telemetry',
      'modules/monitoring.bicep',
      'DisableLocalAuth: true',
      'DisableLocalAuth: false',
    ],
    ['Node 20', 'modules/functions.bicep', "version: '22'", "version: '20'"],
    ['another plan', 'modules/functions.bicep', "tier: 'FlexConsumption'", "tier: 'Dynamic'"],
    [
      'a storage key in settings',
      'modules/functions.bicep',
      "AzureWebJobsStorage__credential: 'managedidentity'",
      "AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountKey=x'",
    ],
    [
      'an output with a key',
      'main.bicep',
      'output TENANT_ID string = tenant().tenantId',
      "output STORAGE_KEY string = 'k'",
    ],
    [
      'an undescribed parameter',
      'modules/identity.bicep',
      "@description('Azure region of the identity.')\n",
      '',
    ],
    [
      'an Owner role',
      'modules/roles.bicep',
      'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
      '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    ],
    [
      'a client secret',
      'modules/entra-app.bicep',
      "signInAudience: 'AzureADMyOrg'",
      "signInAudience: 'AzureADMyOrg'\n  passwordCredentials: [ { displayName: 's' } ]",
    ],
    [
      'no federated credential',
      'modules/entra-app.bicep',
      /resource managedIdentity 'federatedIdentityCredentials@v1\.0'/,
      "resource managedIdentity 'somethingElse@v1.0'",
    ],
  ] as const)('%s', (_, path, from, to) => {
    expect(policyProblems(p, edited(path, from, to)).length).toBeGreaterThan(0);
  });
});

describe('the deployment path', () => {
  it('gives every parameter of main.bicep without a default a value in main.parameters.json', () => {
    const declared = parameters(p, files.find((f) => f.path === 'main.bicep')!);
    const given = Object.keys(
      JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')).parameters,
    );
    for (const name of given) expect(declared.map((d) => d.name)).toContain(name);
    for (const d of declared.filter((d) => !d.hasDefault)) expect(given).toContain(d.name);
  });

  it('has an Agents Toolkit project whose steps point at files that exist', () => {
    const project = parseYaml(readFileSync(join(root, 'm365agents.yml'), 'utf8'));
    expect(Object.keys(project)).toEqual(
      expect.arrayContaining(['provision', 'deploy', 'publish']),
    );
    const arm = project.provision.find((s: { uses: string }) => s.uses === 'arm/deploy');
    for (const template of arm.with.templates) {
      expect(existsSync(join(root, template.path))).toBe(true);
      expect(existsSync(join(root, template.parameters))).toBe(true);
      // arm/deploy deploys into a resource group.
      expect(readFileSync(join(root, template.path), 'utf8')).toMatch(
        /^targetScope = 'resourceGroup'$/m,
      );
    }
    const steps = [...project.provision, ...project.deploy, ...project.publish];
    for (const step of steps) {
      const manifest = step.with?.manifestPath;
      if (manifest) expect(existsSync(join(root, manifest))).toBe(true);
    }
  });

  it('commits env files without secrets and ignores the .user ones', () => {
    const ignore = readFileSync(join(root, '.gitignore'), 'utf8');
    expect(ignore).toMatch(/^env\/\.env\.\*\.user$/m);
    const assignments = readFileSync(join(root, 'env/.env.dev'), 'utf8')
      .split('\n')
      .filter((line) => /^\w+=/.test(line));
    expect(assignments.length).toBeGreaterThan(0);
    for (const line of assignments) expect(line).not.toMatch(/^\w*(SECRET|PASSWORD|KEY)\w*=./i);
  });
});
