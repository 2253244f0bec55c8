import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { envFromOutputs } from '../../appPackage/scripts/env-from-outputs';

/**
 * The CLI deploy path (infra/deploy.sh, docs/deploy.md) up to where Azure is needed: the env
 * template as an admin fills it, a deployment's outputs written into it, the app package built
 * from it — and that package's manifest valid against the official schema.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const outputs = fileURLToPath(new URL('./fixtures/deployment-outputs.json', import.meta.url));
const require = createRequire(import.meta.url);
const schemaDir = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams/v1.29',
);

/** env/.env.dev copied to a scratch env folder as `<name>`, with the admin's values set. */
function adminEnv(name: string, set: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-env-'));
  const file = join(dir, `.env.${name}`);
  copyFileSync(join(root, 'env/.env.dev'), file);
  let text = readFileSync(file, 'utf8').replace(/^TEAMSFX_ENV=.*$/m, `TEAMSFX_ENV=${name}`);
  for (const [key, value] of Object.entries(set)) {
    text = text.replace(new RegExp(`^${key}=.*$`, 'm'), `${key}=${value}`);
  }
  writeFileSync(file, text);
  return dir;
}

function deploySh(args: string[], envDir: string, packageDir: string) {
  return spawnSync('bash', [join(root, 'infra/deploy.sh'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TANDEM_ENV_DIR: envDir, TANDEM_PACKAGE_DIR: packageDir },
  });
}

const ADMIN = {
  PUBLISHER_NAME: 'Contoso Ibérica',
  TEAMS_APP_ID: '3f2b1c9e-7a4d-4e2b-9c1f-5d6e7f8a9b0c',
  AZURE_SUBSCRIPTION_ID: '00000000-0000-0000-0000-000000000000',
  AZURE_RESOURCE_GROUP_NAME: 'rg-tandem-prod',
  TANDEM_ORGANISER_MAILBOX: 'tandem@contosoiberica.example',
  TAB_CUSTOM_DOMAIN: 'tandem.contosoiberica.example',
};

describe('infra/deploy.sh from a deployment outputs file', () => {
  it('writes the outputs to env/.env.<name> and builds a package the official schema accepts', () => {
    const envDir = adminEnv('prod', ADMIN);
    const packageDir = mkdtempSync(join(tmpdir(), 'tandem-pkg-'));
    const run = deploySh(['env', 'prod', outputs], envDir, packageDir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const env = readFileSync(join(envDir, '.env.prod'), 'utf8');
    expect(env).toMatch(/^AAD_APP_CLIENT_ID=7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e$/m);
    expect(env).toMatch(/^FUNCTION_APP_NAME=func-tandem-prod-k3x9q2$/m);
    expect(env).toMatch(/^SERVICE_PRINCIPAL_OBJECT_ID=5b6c7d8e-9f01-4a2b-8c3d-4e5f60718293$/m);
    expect(env).toMatch(/^TANDEM_ORGANISER_MAILBOX=tandem@contosoiberica\.example$/m);

    const zip = unzipSync(readFileSync(join(packageDir, 'tandem-prod.zip')));
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(schemaDir, 'MicrosoftTeams.schema.json'), 'utf8')),
    );
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(manifest.webApplicationInfo.resource).toBe(env.match(/^AAD_APP_ID_URI=(.*)$/m)![1]);
    expect(manifest.developer.name).toBe('Contoso Ibérica');
  });

  it('names the admin value that is missing instead of building a broken package', () => {
    const envDir = adminEnv('pilot', { ...ADMIN, PUBLISHER_NAME: '' });
    const packageDir = mkdtempSync(join(tmpdir(), 'tandem-pkg-'));
    const run = deploySh(['env', 'pilot', outputs], envDir, packageDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no value for PUBLISHER_NAME/);
  });

  it('stops before Azure, naming the value, when provisioning has not run yet', () => {
    const envDir = adminEnv('prod', ADMIN);
    const run = deploySh(['functions', 'prod'], envDir, envDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/FUNCTION_APP_NAME is empty/);
  });

  it('refuses a file that is not a deployment outputs file, and an env name that is not one', () => {
    expect(() => envFromOutputs('A=1\n', '{"x": 1}')).toThrow(/Not a deployment's outputs/);
    expect(() => envFromOutputs('A=1\n', '{"bad name": {"type": "String", "value": "v"}}')).toThrow(
      /bad name/,
    );
    const envDir = adminEnv('prod', ADMIN);
    expect(deploySh(['env', '../prod', outputs], envDir, envDir).status).toBe(2);
  });

  it('keeps the lines it does not own and adds outputs it has no line for', () => {
    const text = envFromOutputs(
      '# comment\nA=1\nTAB_DOMAIN=\n',
      '{"taB_DOMAIN": {"type": "String", "value": "x.example"}, "neW_ONE": {"type": "Int", "value": 3}}',
    );
    expect(text).toBe('# comment\nA=1\nTAB_DOMAIN=x.example\nNEW_ONE=3\n');
  });
});
