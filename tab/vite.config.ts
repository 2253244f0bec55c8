import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';

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
