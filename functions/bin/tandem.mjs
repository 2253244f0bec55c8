#!/usr/bin/env node
// The `tandem` command's launcher (`npm run tandem -- …`). Plain JavaScript on purpose: it starts
// in milliseconds, where a TypeScript loader costs half a second on every run — and `tandem match`
// is measured as a whole process. It runs one minified bundle of the CLI and its dependencies
// (one file to parse, not hundreds of modules), first rebuilding it with esbuild whenever a
// source file is newer, so no build step is ever needed by hand.
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// A tool cache, like other tools keep under node_modules/.cache: never deployed, never committed.
const bundle = join(root, '..', 'node_modules', '.cache', 'tandem', 'cli.mjs');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function builtAt() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

// Rebuilt when a source file, or this launcher's own build options, changed since.
const launcher = statSync(fileURLToPath(import.meta.url)).mtimeMs;
if (builtAt() < Math.max(launcher, newest(join(root, 'src')))) {
  const { buildSync } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  // Build beside, then rename: two commands started together never see half a file.
  const temporary = `${bundle}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [join(root, 'src', 'cli.ts')],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    keepNames: true,
    logLevel: 'error',
  });
  renameSync(temporary, bundle);
}

const { runCli } = await import(pathToFileURL(bundle).href);
const { readFile } = await import('node:fs/promises');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
});
