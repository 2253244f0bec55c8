import { describe, expect, it } from 'vitest';
import { ProgrammeSettingsSchema } from '../../../../functions/src/http/contracts';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import { createTranslator } from '../../i18n/translator';
import { settingsErrors } from './settings-errors';

async function translator(lng: 'es' | 'en') {
  return createTranslator(lng, lng === 'es' ? es : en).t;
}

const bad = {
  name: '   ',
  plannedSessions: 0,
  sessionMinutes: 500,
  description: { es: 'Hola', en: 'x'.repeat(4001) },
  callOpensOn: '11/01/2027',
  questions: ['¿Por qué?', ''],
  owners: [],
};

describe('settings errors, field by field, in the reader’s language', () => {
  for (const lng of ['es', 'en'] as const) {
    it(`words every objection in ${lng}`, async () => {
      const t = await translator(lng);
      const parsed = ProgrammeSettingsSchema.safeParse(bad);
      expect(parsed.success).toBe(false);
      if (parsed.success) return;
      const errors = settingsErrors(t, parsed.error.issues);
      expect(Object.keys(errors).sort()).toEqual([
        'callOpensOn',
        'description.en',
        'name',
        'owners',
        'plannedSessions',
        'questions.1',
        'sessionMinutes',
      ]);
      expect(errors.plannedSessions).toBe(lng === 'es' ? 'Como mínimo 1.' : 'At least 1.');
      expect(errors.sessionMinutes).toBe(lng === 'es' ? 'Como máximo 240.' : 'At most 240.');
      expect(errors.callOpensOn).toBe(
        lng === 'es' ? 'Elige un día del calendario.' : 'Choose a day from the calendar.',
      );
      for (const message of Object.values(errors)) {
        expect(message).not.toMatch(/expected|Too small|Too big|Invalid/);
        expect(message).not.toMatch(/^validation\./);
      }
    });
  }
});
