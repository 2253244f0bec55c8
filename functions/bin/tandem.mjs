#!/usr/bin/env node
// The `tandem` command's launcher (`npm run tandem -- …`). Plain JavaScript on purpose: it starts
// in milliseconds, where a TypeScript loader costs half a second on every run — and `tandem match`
// is measured as a whole process. It runs one minified bundle of the CLI and its dependencies
// (one file to parse, not hundreds of modules), first rebuilding it with esbuild whenever one of
// the sources it was built from is newer, so no build step is ever needed by hand.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// A tool cache, like other tools keep under node_modules/.cache: never deployed, never committed.
// Named after the checkout it is built from: git worktrees that share one node_modules (a symlink)
// would otherwise run each other's bundle, as the staleness check below only looks at the sources
// the bundle was built from, wherever they are.
// (FNV-1a of the path: node:crypto would cost a module load on every run.)
let checkout = 0x811c9dc5;
for (const ch of root) checkout = Math.imul(checkout ^ ch.codePointAt(0), 0x01000193) >>> 0;
const bundle = join(
  root,
  '..',
  'node_modules',
  '.cache',
  'tandem',
  `cli-${checkout.toString(16)}.mjs`,
);
// The project's own files the bundle was built from (esbuild's metafile), beside it: checking
// those few costs less than walking every folder of the sources on every run.
const inputs = `${bundle}.inputs.json`;

/** Writes beside, then renames: a command started meanwhile never reads half a file. */
function replaceFile(path, text) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Whether the bundle is missing, or older than this launcher or one of its sources. */
function stale() {
  try {
    const built = statSync(bundle).mtimeMs;
    const sources = JSON.parse(readFileSync(inputs, 'utf8'));
    return [fileURLToPath(import.meta.url), ...sources].some((f) => statSync(f).mtimeMs > built);
  } catch {
    return true; // no bundle yet, or a source was moved or deleted
  }
}

if (stale()) {
  const { buildSync } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  // Build beside, then rename: two commands started together never see half a file.
  const temporary = `${bundle}.${process.pid}.tmp`;
  const { metafile } = buildSync({
    absWorkingDir: root,
    entryPoints: [join(root, 'src', 'cli.ts')],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    keepNames: true,
    logLevel: 'error',
    metafile: true,
  });
  const sources = Object.keys(metafile.inputs)
    .filter((f) => !f.includes('node_modules'))
    .map((f) => join(root, f));
  // The list first: a bundle is never newer than a list that does not describe it.
  replaceFile(inputs, JSON.stringify(sources));
  renameSync(temporary, bundle);
}

// `tandem match … | head`: a reader that stops early is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// A command runs once and exits, where V8's tiering is tuned for pages and servers that run on:
// by default a function is sent to the optimising compiler after little work, and on a small
// machine those compilations (tens of milliseconds each, on the other core) cost `tandem match`
// more than they save. Asking for ten times the work first leaves the short phases to the quick
// baseline tiers and still optimises what is truly hot (the solver on a large sparse pool).
// Measured with `npm run bench -- matching`: the dense pool about 40 ms quicker, the sparse
// one unchanged (README, benchmarks). Set before the bundle is loaded, so all of it is covered.
setFlagsFromString('--interrupt-budget=675840');

const { runCli } = await import(pathToFileURL(bundle).href);
const { readFile } = await import('node:fs/promises');
const cacheDir = dirname(bundle);
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  // Small files a command keeps between runs, beside the bundle. Losing one costs time only,
  // so a read that fails is a miss and a write that fails is dropped.
  cache: {
    read(name) {
      try {
        return readFileSync(join(cacheDir, name), 'utf8');
      } catch {
        return undefined;
      }
    },
    write(name, text) {
      try {
        replaceFile(join(cacheDir, name), text);
      } catch {
        // a read-only install: the next run computes again
      }
    },
  },
});

// The command is done once its output is out: exit then, rather than when Node would on its own
// (after V8's pending background compilations of code that will never run again — some 15 ms of
// a `tandem match` that HR and IT time as a whole). Output still queued (pipes are asynchronous
// on some systems) is flushed first.
const queued = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
let left = queued.length;
if (left === 0) process.exit(code);
for (const stream of queued) {
  stream.once('drain', () => {
    if (--left === 0) process.exit(code);
  });
}
