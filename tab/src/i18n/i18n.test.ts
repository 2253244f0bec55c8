import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';
import { languageOf } from './i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** The plural suffixes i18next needs for a language: exactly Intl.PluralRules' categories. */
const categories = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

function baseKeys(keys: Iterable<string>): Set<string> {
  return new Set([...keys].map((k) => k.replace(PLURAL, '')));
}

const sourceDir = fileURLToPath(new URL('..', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const languages = { en: flatten(en), es: flatten(es) };

describe('translations', () => {
  it('has the same keys in Spanish and English', () => {
    expect([...baseKeys(languages.es.keys())].sort()).toEqual(
      [...baseKeys(languages.en.keys())].sort(),
    );
  });

  it.each(Object.entries(languages))(
    'gives every plural in %s each form its rules need',
    (lang, keys) => {
      const plurals = new Set(
        [...keys.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')),
      );
      for (const base of plurals) {
        for (const category of categories(lang)) {
          expect(keys.has(`${base}_${category}`), `${lang}: ${base}_${category}`).toBe(true);
        }
      }
    },
  );

  it('has no empty string and keeps every {{placeholder}} in both languages', () => {
    for (const [key, text] of languages.en) {
      const other = languages.es.get(key);
      expect(text.trim(), `en ${key}`).not.toBe('');
      if (other === undefined) continue;
      expect(other.trim(), `es ${key}`).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(other), key).toEqual(names(text));
    }
  });

  it('defines every literal key the code asks for', () => {
    const known = baseKeys(languages.en.keys());
    const missing: string[] = [];
    for (const file of sources(sourceDir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) {
        if (!known.has(m[1]!)) missing.push(`${file.slice(sourceDir.length)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('languageOf', () => {
  it('speaks Spanish to every Spanish locale and English to everything else', () => {
    expect(['es-es', 'es-MX', 'es', 'ES_419'].map(languageOf)).toEqual(['es', 'es', 'es', 'es']);
    expect(['en-gb', 'en-US', 'fr-fr', '', undefined].map(languageOf)).toEqual([
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });
});
