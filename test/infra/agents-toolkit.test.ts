// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the text is the Agents Toolkit's ${{NAME}} placeholders
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INFRA, readBicepFiles } from './bicep';
import { TYPES_DIR } from './bicep-types';

/**
 * m365agents.yml against the Agents Toolkit's own yaml schema (trimmed copy, refreshed by
 * test/infra/refresh-agents-toolkit-schema.ts), and the deploy path's own rules.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const text = readFileSync(join(root, 'm365agents.yml'), 'utf8');
const schemaFile = JSON.parse(readFileSync(join(TYPES_DIR, 'm365agents.yaml.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schemaFile.schema);

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
type Project = { version: string; provision: Step[]; deploy: Step[]; publish: Step[] };

function schemaErrors(yamlText: string): string[] {
  return validate(parse(yamlText))
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The deploy path's own rules beyond the schema. */
function pathProblems(yamlText: string, parametersText: string, envTemplate: string): string[] {
  const project = parse(yamlText) as Project;
  const problems: string[] = [];
  const steps = [...project.provision, ...project.deploy, ...project.publish];
  const uses = steps.map((s) => s.uses);
  const arm = project.provision.find((s) => s.uses === 'arm/deploy');
  const bicep = /^v(\d+)\.(\d+)\.(\d+)$/.exec(String(arm?.with?.bicepCliVersion ?? ''));
  const at = bicep ? bicep.slice(1).map(Number) : [0, 0, 0];
  // The Microsoft Graph Bicep extension needs Bicep 0.36.1 or later.
  if (at[0]! * 1e6 + at[1]! * 1e3 + at[2]! < 36001)
    problems.push('bicepCliVersion must be v0.36.1 or later');
  // azureFunctions/zipDeploy posts to /api/zipdeploy, which Flex Consumption does not have.
  if (uses.includes('azureFunctions/zipDeploy'))
    problems.push('azureFunctions/zipDeploy cannot deploy to Flex Consumption');
  for (const unchecked of ['teamsApp/validateManifest', 'teamsApp/publishAppPackage']) {
    if (uses.includes(unchecked))
      problems.push(
        `${unchecked}: the package is built by npm run package and published through Integrated apps`,
      );
  }
  if (!uses.includes('teamsApp/extendToM365'))
    problems.push('teamsApp/extendToM365 is missing (sideloading into Outlook)');
  // Every ${{NAME}} is in the env template or written by a step or the deployment's outputs.
  const declared = new Set([...envTemplate.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!));
  for (const step of steps)
    for (const name of Object.values(step.writeToEnvironmentFile ?? {})) declared.add(name);
  for (const name of [
    ...`${yamlText}\n${parametersText}`.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g),
  ].map((m) => m[1]!)) {
    if (!declared.has(name))
      problems.push(`\${{${name}}} has no line in env/.env.dev and no step writes it`);
  }
  return problems;
}

const parameters = readFileSync(join(INFRA, 'main.parameters.json'), 'utf8');
const envTemplate = readFileSync(join(root, 'env/.env.dev'), 'utf8');

describe('m365agents.yml', () => {
  it('names the schema it is checked against, with its source', () => {
    expect(schemaFile.source.repository).toBe(
      'https://github.com/OfficeDev/microsoft-365-agents-toolkit',
    );
    expect(schemaFile.source.package).toMatch(/^@microsoft\/m365agentstoolkit-cli@\d+\.\d+\.\d+$/);
    expect(schemaFile.schema.properties.version.const).toBe((parse(text) as Project).version);
  });

  it('is valid against the Agents Toolkit yaml schema', () => {
    expect(schemaErrors(text)).toEqual([]);
  });

  it('keeps the deploy path rules, and every value it uses has an env line', () => {
    expect(pathProblems(text, parameters, envTemplate)).toEqual([]);
  });

  it('every deployment output is a value the env template lists (the toolkit writes them there)', () => {
    const main = readBicepFiles().find((f) => f.path === 'main.bicep')!;
    const names = [...main.text.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(envTemplate).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});

describe('a broken m365agents.yml fails', () => {
  it.each([
    [
      'a misspelled parameter',
      'appPackagePath: ./appPackage/build/tandem-${{TEAMSFX_ENV}}.zip\n    writeToEnvironmentFile',
      'appPackagePth: ./x.zip\n    writeToEnvironmentFile',
    ],
    ['an unknown action', 'uses: teamsApp/extendToM365', 'uses: teamsApp/extendToMicrosoft365'],
    [
      'a required parameter left out',
      '      resourceGroupName: ${{AZURE_RESOURCE_GROUP_NAME}}\n',
      '',
    ],
    ['a wrong schema version', 'version: v1.13', 'version: v1.9'],
  ])('against the schema: %s', (_, from, to) => {
    const changed = text.replace(from, to);
    expect(changed).not.toBe(text);
    expect(schemaErrors(changed).length).toBeGreaterThan(0);
  });

  it.each([
    ['an old Bicep', 'bicepCliVersion: v0.36.1', 'bicepCliVersion: v0.30.23', /v0\.36\.1 or later/],
    [
      'zipDeploy to Flex',
      '  - uses: script\n    name: deploy the functions with OneDeploy\n    with:\n      run: bash ./infra/deploy.sh functions ${{TEAMSFX_ENV}}',
      '  - uses: azureFunctions/zipDeploy\n    with:\n      artifactFolder: ./functions/dist\n      resourceId: ${{FUNCTION_APP_RESOURCE_ID}}',
      /Flex Consumption/,
    ],
    [
      'a value with no env line',
      'bash ./infra/deploy.sh functions ${{TEAMSFX_ENV}}',
      'bash ./infra/deploy.sh code ${{TANDEM_SOMETHING}}',
      /TANDEM_SOMETHING/,
    ],
    [
      'no sideloading',
      '  - uses: teamsApp/extendToM365',
      '  - uses: teamsApp/update',
      /extendToM365/,
    ],
  ])('against the path rules: %s', (_, from, to, expected) => {
    const changed = text.replace(from, to);
    expect(changed).not.toBe(text);
    expect(pathProblems(changed, parameters, envTemplate).join('\n')).toMatch(expected);
  });

  it('a parameter file value with no env line', () => {
    const changed = parameters.replace('${{TANDEM_ORGANISER_MAILBOX}}', '${{ORGANISER}}');
    expect(pathProblems(text, changed, envTemplate).join('\n')).toMatch(/ORGANISER/);
  });
});
