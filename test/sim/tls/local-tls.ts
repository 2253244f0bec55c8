import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * The local tenant speaks HTTPS like the real one (Graph and Entra only exist over HTTPS, and
 * msal-node refuses an http authority). At start-up a throw-away certificate authority and a
 * `localhost` certificate it signs are generated into a private temporary folder; Node processes
 * trust that authority through NODE_EXTRA_CA_CERTS, which Node reads once, when it starts. Nothing
 * is ever written into the repository, and nothing outlives the run.
 */
export interface LocalTls {
  dir: string;
  caFile: string;
  cert: string;
  key: string;
}

const DIR_VARIABLE = 'TANDEM_SIM_TLS_DIR';

function read(dir: string): LocalTls | undefined {
  const caFile = join(dir, 'ca.pem');
  const certFile = join(dir, 'localhost.pem');
  const keyFile = join(dir, 'localhost-key.pem');
  if (![caFile, certFile, keyFile].every((file) => existsSync(file))) return undefined;
  return { dir, caFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

async function create(): Promise<LocalTls> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-tls-'));
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 7 * 24 * 3600_000);
  const ca = await generate([{ name: 'commonName', value: 'Tandem local tenant CA' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  writeFileSync(join(dir, 'ca.pem'), ca.cert, { mode: 0o600 });
  writeFileSync(join(dir, 'localhost.pem'), leaf.cert, { mode: 0o600 });
  writeFileSync(join(dir, 'localhost-key.pem'), leaf.private, { mode: 0o600 });
  return read(dir)!;
}

/**
 * The run's certificates: the ones a parent process made (inherited through the environment), or
 * new ones, which this process and its children will then use. Children started afterwards
 * inherit NODE_EXTRA_CA_CERTS and trust them; this process only does if it was started with it.
 */
export async function ensureLocalTls(): Promise<LocalTls> {
  const inherited = process.env[DIR_VARIABLE];
  const found = inherited ? read(inherited) : undefined;
  if (found) return found;
  const made = await create();
  process.env[DIR_VARIABLE] = made.dir;
  process.env.NODE_EXTRA_CA_CERTS = made.caFile;
  process.once('exit', () => rmSync(made.dir, { recursive: true, force: true }));
  return made;
}

/** Whether this process trusts the run's authority (it was started with NODE_EXTRA_CA_CERTS). */
export function trustsLocalTls(tls: LocalTls, startupCa = STARTUP_CA): boolean {
  return startupCa === tls.caFile;
}

/** NODE_EXTRA_CA_CERTS as it was when this process started — the only value Node honours. */
const STARTUP_CA = process.env.NODE_EXTRA_CA_CERTS;

/**
 * Runs this very script again in a child that trusts the local authority, unless this process
 * already does; resolves with the child's exit code (or undefined when no relaunch was needed).
 * Ctrl-C reaches the child through the process group; the parent just waits for it.
 */
export async function relaunchTrustingLocalTls(): Promise<number | undefined> {
  const tls = await ensureLocalTls();
  if (trustsLocalTls(tls)) return undefined;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: process.env,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
  });
}
