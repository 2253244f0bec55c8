import { describe, expect, it } from 'vitest';
import { TEMPLATE_TOPICS } from '../../../../functions/src/domain/topics/template-topics';
import { idFor } from '../admin/TopicsPanel';
import { matchingTopics } from './TopicPicker';

const executive = TEMPLATE_TOPICS.executive.map((t) => ({ ...t, synonyms: [...t.synonyms] }));

describe('searching the topic picker', () => {
  it('finds a topic by part of either name or another word, without case or accents', () => {
    for (const typed of ['negociacion', 'NEGOTI', 'bargain', 'Negociar']) {
      expect(matchingTopics(executive, typed, 'es').map((t) => t.id)).toEqual(['negotiation']);
    }
    expect(matchingTopics(executive, 'cerámica', 'en')).toEqual([]);
  });

  it('lists every topic in the reader’s alphabetical order when nothing is typed', () => {
    const es = matchingTopics(executive, '', 'es').map((t) => t.label.es);
    expect(es).toEqual([...es].sort((a, b) => a.localeCompare(b, 'es')));
    expect(es).toHaveLength(executive.length);
  });
});

describe('a new topic’s id', () => {
  it('is made from its name, kept unique, in the form the vocabulary accepts', () => {
    expect(idFor('Design Thinking', new Set())).toBe('design-thinking');
    expect(idFor('Negociación', new Set(['negociacion']))).toBe('negociacion-2');
    expect(idFor('¡!', new Set())).toBe('topic');
  });
});
