import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createI18n, LANGUAGES } from '../../i18n/i18n';
import { reasonText } from './reasons';

const matcherDir = fileURLToPath(
  new URL('../../../../functions/src/domain/matching', import.meta.url),
);

/**
 * Every reason code the matcher can emit, read from its source (`code: 'x'` and
 * `code: cond ? 'x' : 'y'`), so a new code without a translation fails here.
 */
function matcherCodes(): string[] {
  const codes = new Set<string>();
  for (const name of readdirSync(matcherDir)) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    const source = readFileSync(join(matcherDir, name), 'utf8');
    for (const [, expression] of source.matchAll(/\bcode:\s*([^,\n}]+)/g)) {
      for (const [, code] of expression!.matchAll(/'(\w+)'/g)) codes.add(code!);
    }
  }
  return [...codes].sort();
}

/** Values of the kinds the matcher sends with each code. */
const PARAMS = {
  met: 1,
  wanted: 2,
  topics: 'negotiation',
  from: 'Ventas',
  to: 'Tecnología',
  levels: 2,
  languages: 'es, en',
  hours: 6,
  line: 'Marta → Luis → Ana',
  eligible: 3,
  times: 'monday-morning, friday-afternoon',
};

describe('matching reasons in words', () => {
  const codes = matcherCodes();

  it('finds the codes the matcher emits in its source', () => {
    expect(codes).toEqual(
      expect.arrayContaining(['topics', 'sharedLanguage', 'capacityTaken', 'onlyReportingLine']),
    );
  });

  it.each(LANGUAGES)('translates every code with its values filled in, in %s', async (lang) => {
    const i18n = await createI18n(lang);
    for (const code of codes) {
      // Without a translation, reasonText falls back to the API's English text: make it unique.
      const text = reasonText(i18n.t, { code, text: `untranslated:${code}`, params: PARAMS });
      expect(text, code).not.toContain('untranslated');
      expect(text, code).not.toMatch(/\{\{/);
    }
  });

  it('counts levels and eligible mentors with the language’s plural rules', async () => {
    const i18n = await createI18n('en');
    const one = reasonText(i18n.t, { code: 'seniorMentor', params: { levels: 1 } });
    const two = reasonText(i18n.t, { code: 'seniorMentor', params: { levels: 2 } });
    expect(one).toBe('Mentor 1 level more senior');
    expect(two).toBe('Mentor 2 levels more senior');
    expect(reasonText(i18n.t, { code: 'onlyReportingLine', params: { line: PARAMS.line } })).toBe(
      'The only mentors who fit are in their reporting line (Marta → Luis → Ana)',
    );
  });

  it('names topics and preferred times in the reader’s language, whatever language the applicant used', async () => {
    const vocabulary = [{ id: 'negotiation', label: { es: 'Negociación', en: 'Negotiation' } }];
    const reason = {
      code: 'topics',
      params: { topics: 'negotiation, cerámica', met: 2, wanted: 2 },
    };
    expect(reasonText((await createI18n('en')).t, reason, 'en', vocabulary)).toBe(
      'Wants Negotiation, cerámica (2 of 2 topics)',
    );
    expect(reasonText((await createI18n('es')).t, reason, 'es', vocabulary)).toBe(
      'Quiere Negociación, cerámica (2 de 2 temas)',
    );
    const times = { code: 'availability', params: { met: 1, wanted: 2, times: 'monday-morning' } };
    expect(reasonText((await createI18n('es')).t, times, 'es')).toBe(
      '1 de 2 franjas preferidas en común: Lunes por la mañana',
    );
    expect(reasonText((await createI18n('en')).t, times, 'en')).toBe(
      '1 of 2 preferred times in common: Monday morning',
    );
  });

  it('names shared languages in the reader’s language, not by code', async () => {
    const reason = { code: 'sharedLanguage', params: { languages: 'es, en' } };
    expect(reasonText((await createI18n('es')).t, reason, 'es')).toBe(
      'Idioma en común: español, inglés',
    );
    expect(reasonText((await createI18n('en')).t, reason, 'en')).toBe(
      'Shared language: Spanish, English',
    );
  });
});
