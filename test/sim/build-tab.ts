import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const TAB_DIR = fileURLToPath(new URL('../../tab/', import.meta.url));
export const TAB_DIST = join(TAB_DIR, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the tab with Vite unless tab/dist is newer than every source file. Returns the folder. */
export async function ensureTabBuilt(options: { force?: boolean; quiet?: boolean } = {}) {
  const marker = join(TAB_DIST, 'index.html');
  const fresh =
    !options.force &&
    existsSync(marker) &&
    statSync(marker).mtimeMs >= newestMtime(TAB_DIR) &&
    statSync(marker).mtimeMs >= newestMtime(join(TAB_DIR, '..', 'functions', 'src', 'http'));
  if (!fresh) {
    // Vite keeps a NODE_ENV it finds set, and vitest sets `test`: React would then be bundled in
    // its development build (≈ 55 kB gzip more, slower) for the browser tests, and `npm start` or
    // the benchmark would reuse that folder. The tab is always built as it ships.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(TAB_DIR, 'vite.config.ts'),
        mode: 'production',
        logLevel: options.quiet ? 'warn' : 'info',
      });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  }
  return TAB_DIST;
}
