import { ok, type Result, refused } from '../result';

/** The languages a programme's vocabulary is written in: every topic has a label in each. */
export const VOCABULARY_LANGUAGES = ['es', 'en'] as const;
export type VocabularyLanguage = (typeof VOCABULARY_LANGUAGES)[number];

/**
 * One topic of a programme's vocabulary: what a mentee can want and a mentor can offer. People pick
 * it in their own language; matching compares its `id`, so "Negociación" and "negotiation" meet.
 */
export interface Topic {
  /** Stable and language-free (`negotiation`): what applications store and matching compares. */
  id: string;
  label: Record<VocabularyLanguage, string>;
  /** Other words people use for it, in either language ("regateo", "bargaining"). */
  synonyms: readonly string[];
}

/** How many topics and synonyms a vocabulary may hold (the form lists them all; storage rows are bounded). */
export const VOCABULARY_LIMITS = { topics: 80, synonymsPerTopic: 12, termLength: 80 } as const;

/**
 * The form in which two words count as the same term: without case, accents or punctuation, spaces
 * collapsed — "Negociación", "negociacion" and " NEGOCIACIÓN. " are one term. Letters of any script
 * and digits stay (ñ loses only its tilde, as Spanish speakers type it without one on English keyboards).
 */
export function termKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('und')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What a person chose on the form: a topic of the vocabulary, or words of their own ("other"). */
export type TopicChoice = { topicId: string } | { other: string };

/**
 * What matching compares: a topic's id, or — for words of one's own that name no topic — the words'
 * term key. Two choices meet when their keys are equal.
 */
export type TopicKey = `topic:${string}` | `words:${string}`;

export type VocabularyProblem =
  | { code: 'duplicateTopicId'; topicId: string }
  | { code: 'badTopicId'; topicId: string }
  | { code: 'missingLabel'; topicId: string; language: VocabularyLanguage }
  | { code: 'termInTwoTopics'; term: string; topicIds: [string, string] }
  | { code: 'tooManyTopics'; limit: number }
  | { code: 'tooManySynonyms'; topicId: string; limit: number }
  | { code: 'termTooLong'; topicId: string; limit: number };

/** A checked vocabulary: every term (label or synonym, any language) names exactly one topic. */
export interface Vocabulary {
  readonly topics: readonly Topic[];
  /** The topic a term names, if any (labels and synonyms in both languages, by term key). */
  topicOf(words: string): Topic | undefined;
  byId(id: string): Topic | undefined;
  /** What matching compares for a choice; an unknown topic id is kept as given (a topic HR removed). */
  keyOf(choice: TopicChoice): TopicKey;
  /** How a choice reads in `language`: the topic's label there, or the person's own words. */
  labelOf(choice: TopicChoice, language: VocabularyLanguage): string;
}

export const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks a vocabulary HR wrote (or a template's) and indexes its terms. */
export function checkVocabulary(topics: readonly Topic[]): Result<Vocabulary, VocabularyProblem> {
  if (topics.length > VOCABULARY_LIMITS.topics) {
    return refused({ code: 'tooManyTopics', limit: VOCABULARY_LIMITS.topics });
  }
  const byId = new Map<string, Topic>();
  const byTerm = new Map<string, Topic>();
  for (const topic of topics) {
    if (!TOPIC_ID.test(topic.id)) return refused({ code: 'badTopicId', topicId: topic.id });
    if (byId.has(topic.id)) return refused({ code: 'duplicateTopicId', topicId: topic.id });
    byId.set(topic.id, topic);
    if (topic.synonyms.length > VOCABULARY_LIMITS.synonymsPerTopic) {
      const limit = VOCABULARY_LIMITS.synonymsPerTopic;
      return refused({ code: 'tooManySynonyms', topicId: topic.id, limit });
    }
    for (const language of VOCABULARY_LANGUAGES) {
      if (!termKey(topic.label[language] ?? '')) {
        return refused({ code: 'missingLabel', topicId: topic.id, language });
      }
    }
    const terms = [...VOCABULARY_LANGUAGES.map((l) => topic.label[l]), ...topic.synonyms];
    for (const term of terms) {
      if (term.length > VOCABULARY_LIMITS.termLength) {
        return refused({
          code: 'termTooLong',
          topicId: topic.id,
          limit: VOCABULARY_LIMITS.termLength,
        });
      }
      const key = termKey(term);
      if (!key) continue;
      const other = byTerm.get(key);
      if (other && other.id !== topic.id) {
        return refused({ code: 'termInTwoTopics', term, topicIds: [other.id, topic.id] });
      }
      byTerm.set(key, topic);
    }
  }
  const topicOf = (words: string) => byTerm.get(termKey(words));
  const vocabulary: Vocabulary = {
    topics,
    topicOf,
    byId: (id) => byId.get(id),
    keyOf(choice) {
      if ('topicId' in choice) return `topic:${choice.topicId}`;
      const named = topicOf(choice.other);
      return named ? `topic:${named.id}` : `words:${termKey(choice.other)}`;
    },
    labelOf(choice, language) {
      const topic = 'topicId' in choice ? byId.get(choice.topicId) : topicOf(choice.other);
      if (topic) return topic.label[language];
      return 'topicId' in choice ? choice.topicId : choice.other.trim();
    },
  };
  return ok(vocabulary);
}

/** The topics two people share: the wanted choices an offered one meets, as keys, in the wanted order. */
export function sharedTopics(
  vocabulary: Vocabulary,
  wanted: readonly TopicChoice[],
  offered: readonly TopicChoice[],
): TopicKey[] {
  const offers = new Set(offered.map((c) => vocabulary.keyOf(c)));
  const shared = wanted.map((c) => vocabulary.keyOf(c)).filter((k) => offers.has(k));
  return [...new Set(shared)];
}
