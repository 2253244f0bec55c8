import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_TOPICS } from './template-topics';
import {
  checkVocabulary,
  sharedTopics,
  type Topic,
  termKey,
  VOCABULARY_LIMITS,
  type Vocabulary,
} from './vocabulary';

const checked = (topics: readonly Topic[]): Vocabulary => {
  const result = checkVocabulary(topics);
  if (!result.ok) throw new Error(`vocabulary refused: ${JSON.stringify(result.reason)}`);
  return result.value;
};

const executive = checked(TEMPLATE_TOPICS.executive);

/** Changes a word's case and accents the way people type it: upper/lower per letter, accents dropped or added. */
const retyped = (text: string) =>
  fc
    .array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: text.length, maxLength: text.length })
    .map((flags) =>
      [...text.normalize('NFD').replace(/\p{M}/gu, '')]
        .map((c, i) => {
          const [upper, accent] = flags[i] ?? [false, false];
          const cased = upper ? c.toUpperCase() : c.toLowerCase();
          return accent && /[aeiou]/i.test(c) ? `${cased}\u0301` : cased;
        })
        .join('')
        .normalize('NFC'),
    );

describe('the topic vocabulary', () => {
  it('reads "Negociación", "negociacion" and " NEGOCIACIÓN. " as one term', () => {
    expect(new Set(['Negociación', 'negociacion', ' NEGOCIACIÓN. '].map(termKey))).toEqual(
      new Set(['negociacion']),
    );
  });

  it('finds a topic by its label or synonym in either language, whatever the case and accents', () => {
    const terms = TEMPLATE_TOPICS.executive.flatMap((t) =>
      [t.label.es, t.label.en, ...t.synonyms].map((term) => ({ id: t.id, term })),
    );
    fc.assert(
      fc.property(
        fc
          .constantFrom(...terms)
          .chain(({ id, term }) => retyped(term).map((typed) => ({ id, typed }))),
        ({ id, typed }) => {
          expect(executive.topicOf(typed)?.id).toBe(id);
        },
      ),
    );
  });

  it('pairs a Spanish word with its English topic: choices meet through the topic id', () => {
    const wanted = [{ other: 'negociacion' }, { other: 'Liderazgo' }];
    const offered = [{ topicId: 'negotiation' }, { other: 'bargaining' }];
    expect(sharedTopics(executive, wanted, offered)).toEqual(['topic:negotiation']);
    expect(executive.labelOf({ other: 'negociacion' }, 'en')).toBe('Negotiation');
    expect(executive.labelOf({ topicId: 'negotiation' }, 'es')).toBe('Negociación');
  });

  it('compares words of one’s own that name no topic without case or accents', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Cerámica industrial', 'Logística inversa', 'Química verde'),
        fc.constantFrom('Cerámica industrial', 'Logística inversa', 'Química verde'),
        (a, b) => {
          const [wants, offers] = [
            { other: a.toUpperCase() },
            { other: b.normalize('NFD').replace(/\p{M}/gu, '') },
          ];
          const meet = sharedTopics(executive, [wants], [offers]).length === 1;
          expect(meet).toBe(a === b);
        },
      ),
    );
    expect(executive.keyOf({ other: 'Logística  inversa!' })).toBe('words:logistica inversa');
  });

  it('keeps an unknown topic id as given, and shows it as is (a topic HR removed later)', () => {
    expect(executive.keyOf({ topicId: 'gone' })).toBe('topic:gone');
    expect(executive.labelOf({ topicId: 'gone' }, 'en')).toBe('gone');
  });

  it('has, for every template, topics whose every term names exactly one topic', () => {
    for (const [kind, topics] of Object.entries(TEMPLATE_TOPICS)) {
      const result = checkVocabulary(topics);
      expect(result.ok, `${kind}: ${JSON.stringify(!result.ok && result.reason)}`).toBe(true);
      expect(topics.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('refuses a term that would name two topics, a repeated id, a missing label and sizes past the limits', () => {
    const negotiation = TEMPLATE_TOPICS.executive.find((t) => t.id === 'negotiation')!;
    const clash: Topic = {
      id: 'haggling',
      label: { es: 'Regateo', en: 'Haggling' },
      synonyms: ['NEGOCIAR'],
    };
    expect(checkVocabulary([negotiation, clash])).toEqual({
      ok: false,
      reason: { code: 'termInTwoTopics', term: 'NEGOCIAR', topicIds: ['negotiation', 'haggling'] },
    });
    expect(checkVocabulary([negotiation, negotiation])).toMatchObject({
      ok: false,
      reason: { code: 'duplicateTopicId', topicId: 'negotiation' },
    });
    expect(
      checkVocabulary([{ id: 'x', label: { es: ' ¡! ', en: 'X' }, synonyms: [] }]),
    ).toMatchObject({ ok: false, reason: { code: 'missingLabel', topicId: 'x', language: 'es' } });
    expect(checkVocabulary([{ ...negotiation, id: 'Not An Id' }])).toMatchObject({
      ok: false,
      reason: { code: 'badTopicId' },
    });
    const many = Array.from({ length: VOCABULARY_LIMITS.topics + 1 }, (_, i) => ({
      id: `t${i}`,
      label: { es: `tema ${i}`, en: `topic ${i}` },
      synonyms: [],
    }));
    expect(checkVocabulary(many)).toMatchObject({ ok: false, reason: { code: 'tooManyTopics' } });
    expect(
      checkVocabulary([
        { ...negotiation, synonyms: Array.from({ length: 13 }, (_, i) => `s${i}`) },
      ]),
    ).toMatchObject({ ok: false, reason: { code: 'tooManySynonyms' } });
    expect(
      checkVocabulary([
        { ...negotiation, synonyms: ['x'.repeat(VOCABULARY_LIMITS.termLength + 1)] },
      ]),
    ).toMatchObject({ ok: false, reason: { code: 'termTooLong' } });
  });
});
