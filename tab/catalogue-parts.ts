import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { START_SECTIONS } from './src/i18n/sections';

/**
 * `./es.json?part=start` and `?part=rest`: a catalogue's sections the first screen reads
 * (src/i18n/sections.ts) and the others, as two modules, so the first load fetches only the first.
 * The tab's build uses it (vite.config.ts), and so do the unit tests (vitest.config.ts).
 */
export function catalogueParts(): Plugin {
  const part = /\/i18n\/(?:es|en)\.json\?part=(start|rest)$/;
  return {
    name: 'tandem:catalogue-parts',
    enforce: 'pre',
    load(id) {
      const match = id.match(part);
      if (!match) return null;
      const whole = JSON.parse(readFileSync(id.slice(0, id.indexOf('?')), 'utf8')) as object;
      const start = new Set<string>(START_SECTIONS);
      const sections = Object.entries(whole).filter(
        ([key]) => start.has(key) === (match[1] === 'start'),
      );
      return {
        code: `export default ${JSON.stringify(Object.fromEntries(sections))};`,
        moduleType: 'js',
      };
    },
  };
}
