import { describe, expect, it } from 'vitest';
import { PROGRAMME_KINDS } from '../../../functions/src/domain/programme/kinds';
import { TEMPLATES, templateIn } from '../../../functions/src/domain/programme/programme';
import en from './en.json';
import es from './es.json';

/** A programme kind added to the one list (domain/programme/kinds.ts) needs a label and a template. */
describe('every programme kind', () => {
  it.each(PROGRAMME_KINDS)(
    '%s has a label in both catalogues and a template in both languages',
    (kind) => {
      expect(en.programmes.kind).toHaveProperty(kind);
      expect(es.programmes.kind).toHaveProperty(kind);
      expect(TEMPLATES[kind].kind).toBe(kind);
      expect(templateIn(kind, 'es').name.length).toBeGreaterThan(0);
    },
  );

  it('are the kinds the catalogues label, no more', () => {
    expect(Object.keys(en.programmes.kind).sort()).toEqual([...PROGRAMME_KINDS].sort());
    expect(Object.keys(es.programmes.kind).sort()).toEqual([...PROGRAMME_KINDS].sort());
  });
});
