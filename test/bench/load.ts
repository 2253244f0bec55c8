import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { LoopResult } from './closed-loop';

export type LoadResult = LoopResult;

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
  return runChild('./load-child.ts', input);
}

/**
 * The Table Storage reads the home page's routes need, sent straight to storage by a separate
 * process with the same concurrency (storage-floor-child.ts): the floor the API is measured against.
 */
export interface StorageFloorInput {
  connectionString: string;
  /** One person per client, in the API run's order. */
  personIds: string[];
  routes: string[];
  /** The programme list read as the API reads it (from memory, PROGRAMME_LIST_TTL_MS). */
  programmeListInMemory?: boolean;
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
}

export async function runStorageFloor(input: StorageFloorInput): Promise<LoadResult> {
  return runChild('./storage-floor-child.ts', input);
}

async function runChild(child: string, input: unknown): Promise<LoadResult> {
  const script = fileURLToPath(new URL(child, import.meta.url));
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
