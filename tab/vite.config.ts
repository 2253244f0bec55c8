import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { build as esbuild } from 'esbuild';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import { catalogueParts } from './catalogue-parts';

/**
 * `<link rel="modulepreload">` for a chunk the entry imports dynamically at start-up, and for the
 * chunks it imports: the browser fetches and parses them alongside the entry, not after it ran.
 */
function preloadAtStartUp(source: string): Plugin {
  return {
    name: 'tandem:preload-at-start-up',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, path }) {
        // The tab's page only: the Outlook pane (addin.html) needs none of the tab's screens.
        if (path !== '/index.html') return [];
        const chunks = Object.values(bundle ?? {}).filter((c) => c.type === 'chunk');
        const start = chunks.find((c) => c.facadeModuleId?.endsWith(source));
        if (!start) throw new Error(`preloadAtStartUp: no chunk for ${source}`);
        const files = new Set<string>();
        const add = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? []) {
            add(imported);
          }
        };
        add(start.fileName);
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * Bundles one module with its own private, tree-shaken copy of its dependencies (esbuild), so the
 * tab's graph sees a module that imports nothing. For the config reader (host/tab-config.ts, read
 * before the first screen): zod/mini and the screens' full zod share `zod/v4/core`, and a module
 * shared by two chunks goes into the first load whole, with every schema any screen uses — 15 kB
 * gzip of zod on the home page where the config's own schema needs about 5 (`npx tsx
 * test/bench/tab-chunks.ts main`). The screens that validate forms download zod with their chunk.
 */
function bundledAlone(suffix: string): Plugin {
  return {
    name: 'tandem:bundled-alone',
    apply: 'build',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(suffix)) return null;
      const result = await esbuild({
        entryPoints: [id],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      return { code: result.outputFiles[0]?.text ?? '', moduleType: 'js' };
    },
  };
}

/**
 * The Outlook pane (`addin.html`, manifest `extensions[0].runtimes`) is built on its own once the
 * tab is written, into the same folder: built as a second entry of the tab's graph, the chunks the
 * two pages share split the tab's start-up code into more files (4 → 8 scripts, +2 kB gzip).
 */
function addinPage(): Plugin {
  let logLevel: UserConfig['logLevel'];
  return {
    name: 'tandem:addin-page',
    apply: 'build',
    configResolved(config) {
      logLevel = config.logLevel;
    },
    async closeBundle() {
      await build({ ...pageConfig('build', 'addin'), configFile: false, logLevel });
    },
  };
}

// The tab is static files: the local host (npm start, tests) or Azure static hosting serves them,
// with /tab-config.json telling the page where the API and sign-in are.
function pageConfig(command: 'build' | 'serve', page: 'tab' | 'addin'): UserConfig {
  return {
    root: import.meta.dirname,
    plugins: [
      bundledAlone('/src/host/tab-config.ts'),
      catalogueParts(),
      react(),
      // Griffel's ahead-of-time pass: the tab's own makeStyles are compiled to class names and CSS
      // rules at build time (as Fluent's own styles already are), so the page ships neither the
      // style resolver nor the RTL and CSS parsers it needs at run time.
      command === 'build' && griffel(),
      // main.tsx imports the screens once it has sent the first requests (see there).
      page === 'tab' && preloadAtStartUp('/src/render-tab.tsx'),
      page === 'tab' && addinPage(),
    ],
    build: {
      outDir: 'dist',
      // The pane's build adds its page to the tab's.
      emptyOutDir: page === 'tab',
      // No source maps in the built tab: production would publish its source (docs/security.md).
      sourcemap: false,
      target: 'es2022',
      chunkSizeWarningLimit: 800,
      rolldownOptions: {
        input: {
          [page === 'tab' ? 'main' : 'addin']:
            `${import.meta.dirname}/${page === 'tab' ? 'index' : 'addin'}.html`,
        },
      },
    },
  };
}

export default defineConfig(({ command }) => pageConfig(command, 'tab'));
