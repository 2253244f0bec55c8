import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Azurite's published development account (public, documented, not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface StorageEmulator {
  tableUrl: string;
  queueUrl: string;
  connectionString: string;
  stop(): Promise<void>;
}

/** Starts Azurite (Table + Queue, in memory, free ports) in a child process. */
export async function startStorageEmulator(): Promise<StorageEmulator> {
  const script = fileURLToPath(new URL('./azurite-child.cjs', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [script], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => resolve(l));
    child.once('exit', (code) => reject(new Error(`Azurite exited (${code}): ${stderr}`)));
  });
  const { table, queue } = JSON.parse(line) as { table: string; queue: string };
  const tableUrl = `${table}/${DEV_ACCOUNT}`;
  const queueUrl = `${queue}/${DEV_ACCOUNT}`;
  return {
    tableUrl,
    queueUrl,
    connectionString: [
      'DefaultEndpointsProtocol=http',
      `AccountName=${DEV_ACCOUNT}`,
      `AccountKey=${DEV_KEY}`,
      `TableEndpoint=${tableUrl}`,
      `QueueEndpoint=${queueUrl}`,
    ].join(';'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
