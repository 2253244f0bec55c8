import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
}

/** Drives a URL from a separate process for a fixed time with `concurrency` clients in a loop. */
export async function runLoad(input: {
  url: string;
  paths?: string[];
  clients?: { headers: Record<string, string> }[];
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
}): Promise<LoadResult> {
  const script = fileURLToPath(new URL('./load-child.ts', import.meta.url));
  // Through a file: 200 tokens do not fit in a command line.
  const dir = mkdtempSync(join(tmpdir(), 'tandem-load-'));
  const file = join(dir, 'input.json');
  writeFileSync(file, JSON.stringify(input));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', script, file],
      { maxBuffer: 1 << 20 },
    );
    return JSON.parse(stdout) as LoadResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
