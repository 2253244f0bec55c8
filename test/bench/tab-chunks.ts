/**
 * What is in the tab's chunks, by gzip size: `npx tsx test/bench/tab-chunks.ts [chunk …]`.
 *
 * Builds the tab as it ships (tab/vite.config.ts, production) but with source maps, into a
 * temporary folder, and charges every minified byte of a chunk to the source its map names (the
 * bytes from one mapping to the next). A chunk's gzip size is then shared among its sources in
 * proportion to their minified bytes: an estimate (gzip does not add up per module), good enough to
 * say where the kilobytes are. Sources are grouped by package (`react-dom`, `@fluentui/react-tabs`,
 * …) and the tab's own files by folder.
 *
 * With no argument it prints every chunk, marking those index.html loads (script or modulepreload);
 * name chunks (a part of their file name, `main`, `render-tab`, `es`) to see what is inside them,
 * by package and folder, or by file with `--files`.
 * The bench (tab.bench.ts) counts what the browser actually fetched; this says what it was.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type PluginOption, type UserConfig } from 'vite';
import { TAB_DIR } from '../sim/build-tab';

// --files: one line per source file rather than per package or folder.
const byFile = process.argv.includes('--files');
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source map v3 `mappings`: per generated line, the segments [column, source index]. */
function decodeMappings(mappings: string): [number, number][][] {
  const lines: [number, number][][] = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments: [number, number][] = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length > 1) {
        source += fields[1] ?? 0;
        segments.push([column, source]);
      } else segments.push([column, -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** `node_modules/@scope/name/...` → `@scope/name`; the tab's own files → `tab/src/<folder>`. */
function groupOf(source: string): string {
  if (byFile) return source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source);
  }
  const own = source.match(/(tab\/src\/(?:[^/]+\/)?|functions\/src\/(?:[^/]+\/)?)/);
  return own ? own[1]!.replace(/\/$/, '') : source;
}

interface ChunkReport {
  file: string;
  gzip: number;
  minified: number;
  groups: Map<string, number>;
}

function attribute(
  code: string,
  map: { sources: string[]; mappings: string },
): Map<string, number> {
  const bytes = new Map<string, number>();
  const lines = code.split('\n');
  decodeMappings(map.mappings).forEach((segments, i) => {
    const length = lines[i]?.length ?? 0;
    segments.forEach(([column, source], j) => {
      const end = segments[j + 1]?.[0] ?? length;
      const name = source < 0 ? '(unmapped)' : groupOf(map.sources[source] ?? '?');
      bytes.set(name, (bytes.get(name) ?? 0) + end - column);
    });
  });
  return bytes;
}

function tracePlugin(reports: ChunkReport[]): Plugin {
  return {
    name: 'tandem:trace-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !output.map) continue;
        const gzip = gzipSync(output.code, { level: 9 }).length;
        reports.push({
          file: output.fileName,
          gzip,
          minified: output.code.length,
          groups: attribute(output.code, output.map),
        });
      }
    },
  };
}

const kB = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);

const config = (await import(join(TAB_DIR, 'vite.config.ts'))).default as (env: {
  command: 'build';
  mode: string;
}) => UserConfig;
const shipped = config({ command: 'build', mode: 'production' });
const outDir = mkdtempSync(join(tmpdir(), 'tandem-tab-chunks-'));
const reports: ChunkReport[] = [];
process.env.NODE_ENV = 'production';
try {
  await build({
    ...shipped,
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    // The Outlook pane's own build (tandem:addin-page) is not the tab's start.
    plugins: [
      ...(shipped.plugins ?? []).filter(
        (p: PluginOption) => !(p && 'name' in p && p.name === 'tandem:addin-page'),
      ),
      tracePlugin(reports),
    ],
    build: { ...shipped.build, outDir, emptyOutDir: true, sourcemap: 'hidden' },
  });
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  reports.sort((a, b) => b.gzip - a.gzip);
  console.log('gzip kB  min kB  chunk (* = loaded by index.html)');
  for (const r of reports) {
    const mark = html.includes(`/${r.file}"`) ? '*' : ' ';
    console.log(`${kB(r.gzip)}  ${kB(r.minified)}  ${mark} ${r.file}`);
  }
  for (const r of reports.filter((c) => wanted.some((w) => c.file.includes(w)))) {
    console.log(`\n${r.file}: ${kB(r.gzip).trim()} kB gzip (shares estimated)`);
    const total = [...r.groups.values()].reduce((a, b) => a + b, 0);
    for (const [name, bytes] of [...r.groups].sort((a, b) => b[1] - a[1])) {
      if (bytes / total < 0.002) continue;
      console.log(`${kB((r.gzip * bytes) / total)}  ${kB(bytes)}  ${name}`);
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
