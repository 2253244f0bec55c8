import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import en from './en.json';
import es from './es.json';
import { type Catalogue, createTranslator } from './translator';

type Tree = { [key: string]: string | Tree };
function entriesOf(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value]] : entriesOf(value, path);
  });
}

/** Every blank a catalogue sentence has, each given a value that names it. */
function valuesFor(catalogue: Tree): Record<string, string> {
  const names = new Set(
    entriesOf(catalogue).flatMap(([, text]) =>
      [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!),
    ),
  );
  return Object.fromEntries([...names].map((n) => [n, `<${n}>`]));
}

describe('the translator reads the catalogues as i18next did (the tab used i18next before)', () => {
  it.each([
    ['en', en],
    ['es', es],
  ] as const)('%s: every key, with and without counts and blanks', async (lang, catalogue) => {
    const reference = i18next.createInstance();
    await reference.init({
      lng: lang,
      fallbackLng: false,
      resources: { [lang]: { translation: catalogue } },
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    const ours = createTranslator(lang, catalogue as Catalogue, () => {});
    const values = valuesFor(catalogue as Tree);
    const bases = new Set(
      entriesOf(catalogue as Tree).map(([k]) => k.replace(/_(one|many|other)$/, '')),
    );
    expect(bases.size).toBeGreaterThan(300);
    for (const key of bases) {
      for (const options of [
        undefined,
        values,
        ...[0, 1, 2, 7, 1_000_000].map((count) => ({ ...values, count })),
      ]) {
        expect(ours.t(key, options), `${key} ${JSON.stringify(options)}`).toBe(
          reference.t(key, options),
        );
      }
      expect(ours.exists(key), key).toBe(reference.exists(key));
    }
  });

  it('answers a missing key with the default value, else the key, and reports it', async () => {
    const missing = vi.fn();
    const t = createTranslator('en', { a: { b: 'B {{x}}' } }, missing).t;
    expect(t('a.b', { x: 1 })).toBe('B 1');
    expect(t('a.b')).toBe('B {{x}}');
    expect(t('a.c')).toBe('a.c');
    expect(t('a.c', { defaultValue: 'Reason: {{x}}', x: 'y' })).toBe('Reason: y');
    expect(t('a')).toBe('a');
    expect(missing.mock.calls).toEqual([['a.c'], ['a.c'], ['a']]);
  });
});
