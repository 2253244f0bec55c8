import { execFile } from 'node:child_process';
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
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', script, JSON.stringify(input)],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as LoadResult;
}
