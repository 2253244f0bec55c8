import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relaunchTrustingLocalTls } from '../sim/tls/local-tls';

// Benchmarks start the local tenant (HTTPS): run in a process that trusts its certificate.
const relaunched = await relaunchTrustingLocalTls();
if (relaunched !== undefined) process.exit(relaunched);

/** One measured figure. `ratio` compares against a reference measured in the same run. */
export interface BenchRow {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  /** What the figure is compared against, and that reference's value. */
  reference?: { label: string; value: number };
  /** value / reference (or as the bench defines it, stated in `note`). */
  ratio?: number;
  note?: string;
}

export type Bench = () => Promise<BenchRow[]>;

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '';
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

const rows: BenchRow[] = [];
for (const file of files) {
  console.log(`▶ ${file}`);
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { default: Bench };
  const started = Date.now();
  const result = await mod.default();
  rows.push(...result);
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const header = ['bench', 'metric', 'value', 'unit', 'reference', 'ratio', 'note'];
const table = rows.map((r) => [
  r.bench,
  r.metric,
  fmt(r.value),
  r.unit,
  r.reference ? `${r.reference.label}: ${fmt(r.reference.value)}` : '',
  r.ratio === undefined ? '' : fmt(r.ratio),
  r.note ?? '',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of table) console.log(line(row));

const markdownRow = (row: string[]) => `| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const today = new Date().toISOString().slice(0, 10);
const resultsFile = `${dir}RESULTS.md`;

/** The sections written below the table (findings, traces): every run keeps them as they are. */
function sectionsAfterTable(): string[] {
  if (!existsSync(resultsFile)) return [];
  const lines = readFileSync(resultsFile, 'utf8').replace(/\n+$/, '').split('\n');
  const start = lines.findIndex((l) => l.startsWith('## '));
  return start < 0 ? [] : ['', ...lines.slice(start)];
}

if (only.length === 0) {
  const md = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${today} — ${machine}.`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...table.map(markdownRow),
    ...sectionsAfterTable(),
    '',
  ].join('\n');
  writeFileSync(resultsFile, md);
  console.log('\nWrote test/bench/RESULTS.md');
} else if (existsSync(resultsFile)) {
  // A filtered run (`npm run bench -- matching`) rewrites only its benches' rows, where they
  // stood, and says so under the title; every other row stays as the last run wrote it.
  const ran = new Set(rows.map((r) => r.bench));
  const lines = readFileSync(resultsFile, 'utf8').replace(/\n+$/, '').split('\n');
  const benchOf = (l: string) => (l.startsWith('| ') ? l.slice(2).split(' | ')[0] : undefined);
  const out: string[] = [];
  let placed = false;
  for (const l of lines) {
    const bench = benchOf(l);
    if (bench !== undefined && ran.has(bench)) {
      if (!placed) out.push(...table.map(markdownRow));
      placed = true;
    } else out.push(l);
  }
  if (!placed) out.push(...table.map(markdownRow));
  const note = `Rows of ${[...ran].join(', ')}: \`npm run bench -- ${only.join(' ')}\` on ${today} — ${machine}.`;
  const at = out.findIndex((l) => l.startsWith('| bench |'));
  const notes = out.slice(0, at).filter((l) => !l.startsWith(`Rows of ${[...ran].join(', ')}:`));
  writeFileSync(resultsFile, [...notes.slice(0, -1), note, '', ...out.slice(at), ''].join('\n'));
  console.log("\nUpdated these benches' rows in test/bench/RESULTS.md");
}
process.exit(0);
