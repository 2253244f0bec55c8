import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import munkres from 'munkres';
import { parseMatchingInstance } from '../../functions/src/domain/matching/instance';
import { runMatching } from '../../functions/src/domain/matching/match';
import { MAX_SCORE_MILLIS } from '../../functions/src/domain/matching/score';
import { generatePool, generateVariedPool, randomMatrix } from './matching-pools';
import { median } from './median';
import type { BenchRow } from './run';

const root = fileURLToPath(new URL('../../', import.meta.url));
const probe = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));
const scipyScript = fileURLToPath(new URL('./scipy-lsa.py', import.meta.url));
const run = promisify(execFile);

/** Runs the real `tandem match` process; wall time, peak memory and the objective it printed. */
async function tandemMatch(file: string) {
  const started = performance.now();
  const { stdout, stderr } = await run(
    process.execPath,
    ['--import', probe, join(root, 'functions/bin/tandem.mjs'), 'match', '--in', file],
    { maxBuffer: 1 << 30 },
  );
  const ms = performance.now() - started;
  const rssKb = Number(/TANDEM_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  const result = JSON.parse(stdout) as { objective: { matched: number; totalScore: number } };
  return { ms, rssMb: rssKb / 1024, objective: result.objective };
}

type Instance = ReturnType<typeof generateVariedPool> | ReturnType<typeof generatePool>;

/**
 * The pool's assignment problem as one matrix: a row per mentee, a column per seat (a mentor of
 * capacity 3 is three columns), each eligible pair's weight as the matcher forms it (docs/matching.md:
 * maxParticipation makes every pair worth more than any total of scores), 0 where there is no pair
 * — taking a 0 is leaving the mentee out, so the best assignment of the matrix is the matcher's
 * optimum. Built from the matcher's own candidate list (`--candidates`), outside any timing.
 */
function scoreMatrix(pool: Instance) {
  const parsed = parseMatchingInstance(JSON.parse(JSON.stringify(pool)));
  if (!parsed.ok) throw new Error('the bench pool is not valid');
  const { instance } = parsed;
  const objective = instance.programme.objective;
  const rows = instance.mentees.length;
  const { scale, bias } =
    objective === 'maxParticipation'
      ? { scale: 1, bias: MAX_SCORE_MILLIS * rows + 1 }
      : { scale: rows + 1, bias: 1 };
  const menteeRow = new Map(instance.mentees.map((m, i) => [m.personId, i]));
  const seats = new Map<string, number[]>();
  let cols = 0;
  for (const m of instance.mentors) {
    const capacity = m.capacity ?? instance.programme.mentorCapacity;
    seats.set(
      m.personId,
      Array.from({ length: capacity }, () => cols++),
    );
  }
  const weights = new Float64Array(rows * cols);
  for (const c of runMatching(instance, { candidates: true }).candidates ?? []) {
    const row = menteeRow.get(c.mentee)!;
    const weight = Math.round(c.score * 1000) * scale + bias;
    for (const col of seats.get(c.mentor)!) weights[row * cols + col] = weight;
  }
  return { weights, rows, cols, scale, bias };
}

/** munkres's solve on a score matrix turned into costs (it minimises), median of two runs, ms. */
function munkresOn(matrix: ReturnType<typeof scoreMatrix>): number {
  let max = 0;
  for (const w of matrix.weights) if (w > max) max = w;
  const cost = Array.from({ length: matrix.rows }, (_, r) =>
    Array.from({ length: matrix.cols }, (_, c) => max - matrix.weights[r * matrix.cols + c]!),
  );
  const runs = [];
  for (let k = 0; k < 2; k++) {
    const started = performance.now();
    munkres(cost);
    runs.push(performance.now() - started);
  }
  return median(runs);
}

/** SciPy on the same matrix: the whole process (start, imports, reading, solving) and the solve. */
async function scipy(file: string, rows: number, cols: number) {
  const started = performance.now();
  const { stdout } = await run('python3', [scipyScript, file, String(rows), String(cols)]);
  const ms = performance.now() - started;
  const out = JSON.parse(stdout) as { solveMs: number; total: number; matched: number };
  return { ms, ...out };
}

async function scipyAvailable(): Promise<boolean> {
  try {
    await run('python3', ['-c', 'import numpy, scipy.optimize']);
    return true;
  } catch {
    return false;
  }
}

/** People on each side who differ in something the score reads (the grouping's unit). */
function distinctSides(pool: Instance) {
  const person = new Map(pool.people.map((p) => [p.id as string, p]));
  const depth = (id: string) => {
    let d = 0;
    for (let at = person.get(id)?.managerId as string | null | undefined; at; d++) {
      at = person.get(at)?.managerId as string | null | undefined;
    }
    return d;
  };
  const side = (id: string, lists: (string[] | undefined)[]) => {
    const p = person.get(id)!;
    return JSON.stringify([p.department, p.timeZone, depth(id), ...lists.map((l) => l ?? [])]);
  };
  const mentees = new Set(pool.mentees.map((m) => side(m.personId, [m.wants, m.languages])));
  const mentors = new Set(pool.mentors.map((m) => side(m.personId, [m.offers, m.languages])));
  return `${mentees.size} + ${mentors.size}`;
}

/**
 * Matching, measured as HR and IT run it: the whole `tandem match` process (start, read, check,
 * score, solve, explain, print), against `munkres` solving a bare 2,000 × 2,000 assignment in the
 * same run, and — when Python with SciPy is there — against SciPy's linear_sum_assignment given
 * the pool's own score matrix, as a whole process too. Pools: the dense one whose sides repeat
 * (the grouping's case), varied ones where nearly every side is distinct (on the matrix path, on
 * the sparse path, under maxScore, and with more mentees than seats), and a sparse 20,000 × 5,000
 * with capacity 4.
 */
export default async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-match-bench-'));
  try {
    const rows: BenchRow[] = [];
    const write = (name: string, pool: Instance) => {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(pool));
      return file;
    };
    const pools: { name: string; label: string; pool: Instance }[] = [
      {
        name: 'dense',
        label: 'dense 2,000 × 2,000',
        pool: generatePool({ mentees: 2000, mentors: 2000, capacity: 1, dense: true }),
      },
      {
        name: 'varied',
        label: 'varied 2,000 × 2,000',
        pool: generateVariedPool({ mentees: 2000, mentors: 2000 }),
      },
      {
        name: 'narrow',
        label: 'varied narrow 2,000 × 2,000',
        pool: generateVariedPool({ mentees: 2000, mentors: 2000, narrow: true, seed: 11 }),
      },
      {
        name: 'maxScore',
        label: 'varied 2,000 × 2,000 cap 1–3, maxScore',
        pool: generateVariedPool({
          mentees: 2000,
          mentors: 2000,
          capacity: 3,
          objective: 'maxScore',
          seed: 5,
        }),
      },
      {
        // More mentees than seats (about 2,000 for 3,000), as a popular programme has: a third
        // are left out, and every search for one of them used to reach every mentor first.
        name: 'oversubscribed',
        label: 'varied oversubscribed 3,000 × 1,000 cap 1–3',
        pool: generateVariedPool({ mentees: 3000, mentors: 1000, capacity: 3, seed: 17 }),
      },
    ];
    const files = pools.map((p) => write(p.name, p.pool));
    await tandemMatch(files[0]!); // builds the CLI bundle if sources changed; not measured

    const munkresRuns = [];
    for (let k = 0; k < 3; k++) {
      const matrix = randomMatrix(2000, k + 1);
      const started = performance.now();
      munkres(matrix);
      munkresRuns.push(performance.now() - started);
    }
    const munkresMs = median(munkresRuns);
    const withScipy = await scipyAvailable();

    let denseMs = 0;
    for (const [index, { name, label, pool }] of pools.entries()) {
      // Medians of several runs: a whole process is at the mercy of the machine's other work,
      // more than a solver timed inside a process already running.
      const runs = [];
      const loadBefore = loadavg()[0]!;
      for (let k = 0; k < 7; k++) runs.push(await tandemMatch(files[index]!));
      // The machine's load around the runs: a whole process measured on a shared machine is
      // only as good as its quiet, and the row says how quiet it was.
      const load = `load ${loadBefore.toFixed(1)}→${loadavg()[0]!.toFixed(1)}`;
      const ms = median(runs.map((r) => r.ms));
      if (name === 'dense') denseMs = ms;
      const { objective } = runs[0]!;
      rows.push({
        bench: 'matching',
        metric: `${label}, whole process`,
        value: ms,
        unit: 'ms',
        reference: { label: 'munkres on a random 2,000 × 2,000 (in-process)', value: munkresMs },
        ratio: ms / munkresMs,
        note: `distinct sides ${distinctSides(pool)}; matched ${objective.matched}; median of 7; ${load}; a random matrix is munkres's easy case: the row after this one compares on the pool's own matrix`,
      });
      // munkres on this pool's own score matrix (a cost matrix: the largest weight minus each),
      // solving in-process only: the anchor that sees what makes this pool hard or easy.
      const matrix = scoreMatrix(pool);
      const ownMunkresMs = munkresOn(matrix);
      rows.push({
        bench: 'matching',
        metric: `${label}, whole process vs munkres on its matrix`,
        value: ms,
        unit: 'ms',
        reference: { label: 'munkres on the same score matrix (in-process)', value: ownMunkresMs },
        ratio: ms / ownMunkresMs,
        note: `${matrix.rows} × ${matrix.cols}; median of 2 munkres solves; target ratio ≤ 1`,
      });
      if (!withScipy) {
        rows.push({
          bench: 'matching',
          metric: `${label}: SciPy linear_sum_assignment`,
          value: Number.NaN,
          unit: 'ms',
          note: 'skipped: python3 with numpy and SciPy is not available here',
        });
        continue;
      }
      const matrixFile = join(dir, `${name}.f64`);
      writeFileSync(matrixFile, new Uint8Array(matrix.weights.buffer));
      const scipyRuns = [];
      for (let k = 0; k < 3; k++) scipyRuns.push(await scipy(matrixFile, matrix.rows, matrix.cols));
      const scipyMs = median(scipyRuns.map((r) => r.ms));
      const solveMs = median(scipyRuns.map((r) => r.solveMs));
      // The same optimum: SciPy's total weight against the one the matcher's objective implies.
      const ours =
        objective.matched * matrix.bias + Math.round(objective.totalScore * 1000) * matrix.scale;
      const same = scipyRuns[0]!.total === ours && scipyRuns[0]!.matched === objective.matched;
      rows.push({
        bench: 'matching',
        metric: `${label}, whole process vs SciPy`,
        value: ms,
        unit: 'ms',
        reference: { label: 'SciPy whole process (python3, imports, read, solve)', value: scipyMs },
        ratio: ms / scipyMs,
        note: `SciPy's solve alone ${solveMs.toFixed(0)} ms on the same ${matrix.rows} × ${matrix.cols} matrix; same optimum: ${same ? 'yes' : `NO (SciPy ${scipyRuns[0]!.total}, Tandem ${ours})`}; median of 3; target ratio ≤ 0.5`,
      });
    }

    const sparse = write(
      'sparse',
      generatePool({ mentees: 20000, mentors: 5000, capacity: 4, dense: false, seed: 9 }),
    );
    const sparseRuns = [];
    for (let k = 0; k < 3; k++) sparseRuns.push(await tandemMatch(sparse));
    const sparseMs = median(sparseRuns.map((r) => r.ms));
    const sparseRss = Math.max(...sparseRuns.map((r) => r.rssMb));
    rows.push({
      bench: 'matching',
      metric: 'sparse 20,000 × 5,000 cap 4, whole process',
      value: sparseMs,
      unit: 'ms',
      reference: { label: 'dense whole process', value: denseMs },
      ratio: sparseMs / denseMs,
      note: `matched ${sparseRuns[0]!.objective.matched} of 20,000; peak ${sparseRss.toFixed(0)} MB; median of 3; target ratio < 20`,
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
