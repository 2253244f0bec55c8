import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REFUSALS } from '../../../functions/src/http/refusals';
import { ApiError } from '../api/client';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import { createTranslator } from '../i18n/translator';
import { errorText } from './error-text';

const functionsDir = fileURLToPath(new URL('../../../functions/src', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every reason code the API's source can put in an answer: each `code: '…'` it writes. */
const apiCodes = [
  ...new Set(
    sources(functionsDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bcode: '([A-Za-z]+)'/g)].map((m) => m[1]!),
    ),
  ),
].sort();

const languages = { en, es };
const instances = new Map(
  Object.entries(languages).map(([lang, catalogue]) => [lang, createTranslator(lang, catalogue)]),
);
const textIn = (lang: string, error: unknown) => {
  const i18n = instances.get(lang)!;
  return errorText(i18n.t.bind(i18n), (key) => i18n.exists(key), error);
};

describe('the words for an API refusal', () => {
  it('finds the codes in the API source (the scan itself works)', () => {
    expect(apiCodes).toEqual(
      expect.arrayContaining(['reportingLine', 'slotNotFree', 'mentorFull']),
    );
    expect(apiCodes.length).toBeGreaterThan(40);
  });

  it.each(Object.keys(languages))(
    'has its own sentence in %s for every code the API sends',
    (lang) => {
      const generic = new Set(
        [409, 400, 404].flatMap((status) => textIn(lang, new ApiError(status)).lines),
      );
      const i18n = instances.get(lang)!;
      // Not refusals: an invitation's state on the booking panel, and the board's counted reasons.
      const shownElsewhere = (code: string) =>
        i18n.exists(`booking.flags.${code}`) || i18n.exists(`reasons.${code}_other`);
      const missing = apiCodes.filter((code) => {
        if (shownElsewhere(code)) return false;
        const problem = { type: 'about:blank', title: 'x', status: 409, code };
        const text = textIn(lang, new ApiError(409, problem));
        return text.lines.some((line) => generic.has(line) || line === code || !line.trim());
      });
      expect(missing).toEqual([]);
    },
  );

  // The API's one refusal registry (functions/src/http/refusals.ts): every code it can answer with.
  const registryCodes = Object.keys(REFUSALS).sort();

  it.each(Object.keys(languages))(
    'has its own sentence in %s for every code of the API’s refusal registry',
    (lang) => {
      expect(registryCodes.length).toBeGreaterThan(30);
      const i18n = instances.get(lang)!;
      const generic = new Set(
        [409, 400, 404, 403, 503].flatMap((status) => textIn(lang, new ApiError(status)).lines),
      );
      const missing = registryCodes.filter((code) => {
        if (!i18n.exists(`errors.codes.${code}`)) return true;
        const problem = {
          type: 'about:blank',
          title: 'x',
          status: REFUSALS[code as keyof typeof REFUSALS].status,
          code,
        };
        const text = textIn(lang, new ApiError(problem.status, problem));
        return (
          !text.refusal ||
          text.lines.some((line) => generic.has(line) || line === code || !line.trim())
        );
      });
      expect(missing).toEqual([]);
    },
  );

  it('says a refused swap breaks a reporting line, naming the line, not "changed at the same time"', () => {
    const refused = new ApiError(409, {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'The swap would make a pair that is not allowed. Reporting line: Ana → Luis',
      code: 'reportingLine',
      reason: {
        code: 'reportingLine',
        text: 'Reporting line: Ana → Luis',
        params: { line: 'Ana → Luis' },
      },
    });
    const inSpanish = textIn('es', refused);
    expect(inSpanish.refusal).toBe(true);
    expect(inSpanish.title).toBe(es.errors.refusedTitle);
    expect(inSpanish.lines.join(' ')).toContain('Ana → Luis');
    expect(inSpanish.lines.join(' ')).not.toContain(es.errors.conflict);
    expect(textIn('en', refused).lines.join(' ')).toContain('Reporting line: Ana → Luis');
  });

  it('fills in what a refusal names, one sentence per blocker', () => {
    const blocked = new ApiError(409, {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'erasureBlocked',
      blockers: [{ code: 'activePair', pairId: 'p1', programmeName: 'Liderazgo 2027' }],
    });
    expect(textIn('es', blocked).lines).toEqual([
      es.errors.codes.erasureBlocked,
      'Aún formas parte de una pareja activa en «Liderazgo 2027». Pide a RR. HH. que la finalice primero.',
    ]);
  });

  it('tells a fault from a refusal: a network or server failure offers a retry', () => {
    expect(textIn('en', new ApiError(0)).refusal).toBe(false);
    expect(textIn('en', new ApiError(500)).title).toBe(en.errors.title);
    expect(textIn('en', new Error('boom')).lines).toEqual([en.errors.server]);
    expect(textIn('en', new ApiError(412)).lines).toEqual([en.errors.conflict]);
  });
});
