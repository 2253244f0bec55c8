import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFunctions } from '../../functions/build';
import { routes } from '../../functions/src/http/routes';

const dir = mkdtempSync(join(tmpdir(), 'tandem-functions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Azure Functions package', () => {
  it('bundles index.ts, which registers every route of the table and every job', async () => {
    const out = await buildFunctions(dir);
    const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('index.mjs');
    expect(JSON.parse(readFileSync(join(out, 'host.json'), 'utf8')).version).toBe('2.0');
    // Outside the Functions host, @azure/functions runs in "test mode": it names each function
    // it was asked to register instead of registering it. That is exactly what we check.
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['-e', `import(${JSON.stringify(join(out, 'index.mjs'))})`],
      {
        env: {
          ...process.env,
          TANDEM_TENANT_ID: 'tenant',
          TANDEM_CLIENT_ID: 'client',
          TANDEM_STORAGE_ACCOUNT_URL: 'https://sttandem.table.core.windows.net/',
        },
      },
    );
    const registered = [...`${stdout}${stderr}`.matchAll(/register function "([^"]+)"/g)].map(
      (m) => m[1],
    );
    const jobs = [
      'org-sync',
      'booking',
      'booking-follow-up',
      'booking-sweep',
      'calendar-subscription',
      'calendar-changes',
      'notices',
    ];
    expect(registered.sort()).toEqual([...routes.map((r) => r.name), ...jobs].sort());
  });

  it('refuses to start without its configuration, naming what is missing', async () => {
    const out = await buildFunctions(join(dir, 'second'));
    const env = { ...process.env };
    delete env.TANDEM_TENANT_ID;
    delete env.TANDEM_CLIENT_ID;
    const run = promisify(execFile)(
      process.execPath,
      ['-e', `import(${JSON.stringify(join(out, 'index.mjs'))})`],
      { env },
    );
    await expect(run).rejects.toThrow(/TANDEM_TENANT_ID/);
  });
});
