import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import munkres from 'munkres';
import { generatePool, randomMatrix } from './matching-pools';
import { median } from './median';
import type { BenchRow } from './run';

const root = fileURLToPath(new URL('../../', import.meta.url));
const probe = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));

/** Runs the real `tandem match` process; wall time, peak memory and the objective it printed. */
async function tandemMatch(file: string) {
  const started = performance.now();
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', probe, join(root, 'functions/bin/tandem.mjs'), 'match', '--in', file],
    { maxBuffer: 1 << 30 },
  );
  const ms = performance.now() - started;
  const rssKb = Number(/TANDEM_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  const result = JSON.parse(stdout) as { objective: { matched: number; totalScore: number } };
  return { ms, rssMb: rssKb / 1024, objective: result.objective };
}

/**
 * Matching, measured as HR and IT run it: the whole `tandem match` process (start, read, check,
 * score, solve, explain, print). Dense 2,000 × 2,000 against `munkres` solving a bare 2,000 × 2,000
 * assignment in the same run; sparse 20,000 × 5,000 with capacity 4.
 */
export default async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-match-bench-'));
  try {
    const dense = join(dir, 'dense.json');
    writeFileSync(
      dense,
      JSON.stringify(generatePool({ mentees: 2000, mentors: 2000, capacity: 1, dense: true })),
    );
    const sparse = join(dir, 'sparse.json');
    writeFileSync(
      sparse,
      JSON.stringify(
        generatePool({ mentees: 20000, mentors: 5000, capacity: 4, dense: false, seed: 9 }),
      ),
    );
    await tandemMatch(dense); // builds the CLI bundle if sources changed; not measured
    // Medians of several runs: a whole process is at the mercy of the machine's other work, more
    // than a solver timed inside a process already running.
    const denseRuns = [];
    for (let k = 0; k < 7; k++) denseRuns.push(await tandemMatch(dense));
    const munkresRuns = [];
    for (let k = 0; k < 3; k++) {
      const matrix = randomMatrix(2000, k + 1);
      const started = performance.now();
      munkres(matrix);
      munkresRuns.push(performance.now() - started);
    }
    const denseMs = median(denseRuns.map((r) => r.ms));
    const munkresMs = median(munkresRuns);
    const sparseRuns = [];
    for (let k = 0; k < 3; k++) sparseRuns.push(await tandemMatch(sparse));
    const sparseMs = median(sparseRuns.map((r) => r.ms));
    const sparseRun = sparseRuns[0]!;
    const sparseRss = Math.max(...sparseRuns.map((r) => r.rssMb));
    return [
      {
        bench: 'matching',
        metric: 'dense 2,000 × 2,000, whole process',
        value: denseMs,
        unit: 'ms',
        reference: { label: 'munkres 2,000 × 2,000 (in-process)', value: munkresMs },
        ratio: denseMs / munkresMs,
        note: `matched ${denseRuns[0]!.objective.matched}, median of 7, target ratio ≤ 1`,
      },
      {
        bench: 'matching',
        metric: 'sparse 20,000 × 5,000 cap 4, whole process',
        value: sparseMs,
        unit: 'ms',
        reference: { label: 'dense whole process', value: denseMs },
        ratio: sparseMs / denseMs,
        note: `matched ${sparseRun.objective.matched} of 20,000; peak ${sparseRss.toFixed(0)} MB; median of 3; target ratio < 20`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
