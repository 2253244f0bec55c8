import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import { START_SECTIONS } from './sections';

const srcDir = fileURLToPath(new URL('..', import.meta.url));
/** What the first screen runs: the entry, the app with home, the local sign-in and demo clock. */
const FIRST_SCREEN = [
  'main.tsx',
  'render-tab.tsx',
  'pages/sign-in/SignInPage.tsx',
  'components/local/LocalClock.tsx',
];

function resolve(from: string, spec: string): string | undefined {
  const base = join(dirname(from), spec);
  return ['', '.ts', '.tsx']
    .map((ext) => base + ext)
    .find((p) => existsSync(p) && p !== dirname(p));
}

/** Files reached from `entries` by value imports (not `import type`, not `import()`): one chunk's worth. */
function staticClosure(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
      const target = resolve(file, m[1]!);
      if (target && /\.tsx?$/.test(target)) visit(target);
    }
  };
  for (const entry of entries) visit(join(srcDir, entry));
  return [...seen];
}

const sections = new Set(Object.keys(en));

/** Every catalogue section a file names in a string or template literal: `'home.title'`, `` `errors.codes.${…}` ``. */
function sectionsNamedIn(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  const named = [...text.matchAll(/['`]([a-zA-Z]+)\.[\w.$]/g)].map((m) => m[1]!);
  return new Set(named.filter((s) => sections.has(s)));
}

describe('the first screen reads only the catalogue sections the first load brings', () => {
  const files = staticClosure(FIRST_SCREEN);

  it('follows the imports (the scan itself works)', () => {
    const names = files.map((f) => relative(srcDir, f));
    expect(names).toEqual(
      expect.arrayContaining(['pages/home/HomePage.tsx', 'components/error-text.ts']),
    );
    expect(names).not.toContain('pages/apply/ApplyPage.tsx');
    expect(sectionsNamedIn(join(srcDir, 'pages/apply/ApplyPage.tsx'))).toContain('validation');
  });

  it('lists only sections the catalogue has', () => {
    for (const section of START_SECTIONS) expect(sections, section).toContain(section);
  });

  it('has every section a first-screen file names among START_SECTIONS', () => {
    const start = new Set<string>(START_SECTIONS);
    const missing = files.flatMap((file) =>
      [...sectionsNamedIn(file)]
        .filter((s) => !start.has(s))
        .map((s) => `${relative(srcDir, file)}: ${s}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the catalogue in two parts', () => {
  it('has the first screen’s sections first and the rest once a later screen asks', async () => {
    const { catalogueComplete, createI18n } = await import('./i18n');
    const i18n = await createI18n('es');
    expect(i18n.exists('home.title')).toBe(true);
    expect(i18n.exists('validation.required')).toBe(false);
    await catalogueComplete();
    expect(i18n.exists('validation.required')).toBe(true);
    expect(i18n.t('validation.required')).toBe(
      (await import('./es.json')).default.validation.required,
    );
  });
});
