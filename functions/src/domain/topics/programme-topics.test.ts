import { describe, expect, it } from 'vitest';
import { editTopics, seedTopics, unmappedWords } from './programme-topics';
import { TEMPLATE_TOPICS } from './template-topics';
import { checkVocabulary, type Topic } from './vocabulary';

const now = new Date('2027-01-10T09:00:00Z');
const seeded = seedTopics('prog', 'executive', now);
const vocabulary = (topics: readonly Topic[]) => {
  const checked = checkVocabulary(topics);
  if (!checked.ok) throw new Error(checked.reason.code);
  return checked.value;
};

describe('a programme’s topic vocabulary', () => {
  it('starts as its template’s topics, a copy HR may change without touching the template', () => {
    const copy = seedTopics('prog', 'executive', now);
    expect(copy.topics.map((t) => t.id)).toEqual(TEMPLATE_TOPICS.executive.map((t) => t.id));
    copy.topics[0]!.label.es = 'Cambiado';
    expect(TEMPLATE_TOPICS.executive[0]!.label.es).not.toBe('Cambiado');
  });

  it('renames freely, but keeps a topic an application still names (by id or by its words)', () => {
    const fresh = seedTopics('prog', 'executive', now);
    const renamed = fresh.topics.map((t) =>
      t.id === 'negotiation' ? { ...t, label: { es: 'Negociar', en: 'Negotiating' } } : t,
    );
    const edit = editTopics(fresh, renamed, [['negotiation']], 'hr', now);
    expect(edit.ok && edit.value.updatedBy).toBe('hr');
    const without = fresh.topics.filter((t) => t.id !== 'negotiation');
    expect(editTopics(fresh, without, [['Negociación'], ['leadership']], 'hr', now)).toEqual({
      ok: false,
      reason: { code: 'topicInUse', topicId: 'negotiation', applications: 1 },
    });
    expect(editTopics(fresh, without, [['leadership']], 'hr', now).ok).toBe(true);
  });

  it('refuses a vocabulary in which one word names two topics', () => {
    const fresh = seedTopics('prog', 'executive', now);
    const clash = fresh.topics.map((t) =>
      t.id === 'leadership' ? { ...t, synonyms: [...t.synonyms, 'NEGOCIACIÓN'] } : t,
    );
    const edit = editTopics(fresh, clash, [], 'hr', now);
    expect(!edit.ok && edit.reason.code).toBe('termInTwoTopics');
  });

  it('lists the applicants’ own words no topic names, once per spelling without case or accents', () => {
    const v = vocabulary(seeded.topics);
    expect(
      unmappedWords(v, [
        ['negotiation', 'Cerámica industrial'],
        ['ceramica INDUSTRIAL', 'liderazgo'],
        ['Logística'],
      ]),
    ).toEqual([
      { words: 'Cerámica industrial', applications: 2 },
      { words: 'Logística', applications: 1 },
    ]);
    // Once HR adds the words as a synonym, they name the topic and leave the list.
    const mapped = vocabulary(
      seeded.topics.map((t) =>
        t.id === 'negotiation' ? { ...t, synonyms: [...t.synonyms, 'cerámica industrial'] } : t,
      ),
    );
    expect(unmappedWords(mapped, [['ceramica INDUSTRIAL']])).toEqual([]);
  });
});
