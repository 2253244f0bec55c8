import type { ProgrammeKind } from '../programme/kinds';
import { ok, type Result, refused } from '../result';
import { TEMPLATE_TOPICS } from './template-topics';
import {
  checkVocabulary,
  type Topic,
  termKey,
  type Vocabulary,
  type VocabularyProblem,
} from './vocabulary';

/**
 * A programme's topic vocabulary (issue #20), kept on a row of its own beside the programme: what
 * the form offers, what matching compares, in Spanish and English. Seeded from the programme
 * kind's template topics the first time it is read; HR edits it from then on.
 */
export interface ProgrammeTopics {
  programmeId: string;
  topics: Topic[];
  updatedAt: string;
  /** Who last changed it; absent while it is the template's. */
  updatedBy?: string;
}

/** The vocabulary a programme starts with: its template's topics. */
export function seedTopics(programmeId: string, kind: ProgrammeKind, now: Date): ProgrammeTopics {
  return {
    programmeId,
    topics: TEMPLATE_TOPICS[kind].map((t) => ({
      ...t,
      label: { ...t.label },
      synonyms: [...t.synonyms],
    })),
    updatedAt: now.toISOString(),
  };
}

export type TopicsRefusal =
  | VocabularyProblem
  /** HR removed a topic some application still names: map those first, or keep it. */
  | { code: 'topicInUse'; topicId: string; applications: number };

/**
 * HR's new vocabulary, checked: every term names one topic, and no topic an application names is
 * removed (renaming labels and synonyms is free; ids stay what applications store).
 */
export function editTopics(
  current: ProgrammeTopics,
  topics: readonly Topic[],
  inUse: readonly (readonly string[])[],
  by: string,
  now: Date,
): Result<ProgrammeTopics, TopicsRefusal> {
  const checked = checkVocabulary(topics);
  if (!checked.ok) return checked;
  const kept = new Set(topics.map((t) => t.id));
  const before = checkVocabulary(current.topics);
  for (const removed of current.topics.filter((t) => !kept.has(t.id))) {
    const naming = inUse.filter((list) =>
      list.some(
        (text) =>
          before.ok && before.value.keyOf(choiceOf(before.value, text)) === `topic:${removed.id}`,
      ),
    ).length;
    if (naming > 0)
      return refused({ code: 'topicInUse', topicId: removed.id, applications: naming });
  }
  return ok({
    programmeId: current.programmeId,
    topics: topics.map((t) => ({ id: t.id, label: { ...t.label }, synonyms: [...t.synonyms] })),
    updatedAt: now.toISOString(),
    updatedBy: by,
  });
}

/**
 * How an application's topic string reads against the vocabulary: a topic id the vocabulary
 * knows is that topic; anything else is the person's own words ("other" on the form), which may
 * still name a topic by a label or synonym.
 */
export function choiceOf(vocabulary: Vocabulary, text: string) {
  return vocabulary.byId(text) ? { topicId: text } : { other: text };
}

/**
 * The words applicants wrote that name no topic yet, with how many applications wrote them — what
 * HR maps to a topic (as a synonym) or adds as a new one. Spellings that differ only in case and
 * accents are one entry, shown as first written.
 */
export function unmappedWords(
  vocabulary: Vocabulary,
  lists: readonly (readonly string[])[],
): { words: string; applications: number }[] {
  const found = new Map<string, { words: string; applications: number }>();
  for (const list of lists) {
    const seen = new Set<string>();
    for (const text of list) {
      const key = vocabulary.keyOf(choiceOf(vocabulary, text));
      if (key.startsWith('topic:') || seen.has(key) || !termKey(text)) continue;
      seen.add(key);
      const entry = found.get(key) ?? { words: text.trim(), applications: 0 };
      entry.applications++;
      found.set(key, entry);
    }
  }
  return [...found.values()].sort(
    (a, b) => b.applications - a.applications || a.words.localeCompare(b.words),
  );
}
