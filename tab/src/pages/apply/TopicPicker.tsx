import {
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  type TagPickerProps,
} from '@fluentui/react-components';
import { forwardRef, useState } from 'react';
import { termKey } from '../../../../functions/src/domain/topics/vocabulary';
import type { TopicsView } from '../../api/topics';
import { useTranslation } from '../../i18n/react';

type Topic = TopicsView['topics'][number];

/** The reader's label of a topic: Spanish for a Spanish page, English otherwise. */
export const topicLabel = (topic: Topic, language: string) =>
  topic.label[language.startsWith('es') ? 'es' : 'en'];

/**
 * The topics whose names or other words contain what the person typed, without case or accents
 * ("negociacion" finds "Negociación", "bargaining" finds it too), in the reader's order.
 */
export function matchingTopics(topics: readonly Topic[], query: string, language: string) {
  const typed = termKey(query);
  const found = typed
    ? topics.filter((t) =>
        [t.label.es, t.label.en, ...t.synonyms].some((term) => termKey(term).includes(typed)),
      )
    : [...topics];
  return found.sort((a, b) => topicLabel(a, language).localeCompare(topicLabel(b, language)));
}

/**
 * A searchable multi-select of the programme's topics in the reader's language (Fluent's
 * TagPicker): type to filter, arrow keys and Enter or the pointer to pick, Backspace or a tag's
 * button to remove one. The value is topic ids, what applications store and matching compares.
 * Composed as the package documents it (TagPicker › TagPickerControl › TagPickerGroup of Tags +
 * TagPickerInput, then TagPickerList of options; `onOptionSelect` gives the new selection):
 * https://www.npmjs.com/package/@fluentui/react-tag-picker
 */
export const TopicPicker = forwardRef<
  HTMLInputElement,
  {
    topics: readonly Topic[];
    selected: readonly string[];
    onChange(ids: string[]): void;
    label: string;
  }
>(function TopicPicker({ topics, selected, onChange, label }, ref) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  const options = matchingTopics(topics, query, i18n.language).filter(
    (topic) => !selected.includes(topic.id),
  );
  const onOptionSelect: TagPickerProps['onOptionSelect'] = (_, data) => {
    if (data.value === 'no-matches') return;
    onChange(data.selectedOptions.filter((id) => byId.has(id)));
    setQuery('');
  };
  return (
    <TagPicker onOptionSelect={onOptionSelect} selectedOptions={[...selected]}>
      <TagPickerControl>
        <TagPickerGroup aria-label={t('apply.topicsPicked')}>
          {selected.map((id) => (
            <Tag key={id} shape="rounded" value={id}>
              {byId.has(id) ? topicLabel(byId.get(id)!, i18n.language) : id}
            </Tag>
          ))}
        </TagPickerGroup>
        <TagPickerInput
          ref={ref}
          aria-label={label}
          placeholder={selected.length === 0 ? t('apply.topicsSearch') : undefined}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </TagPickerControl>
      <TagPickerList>
        {options.length > 0 ? (
          options.map((topic) => (
            <TagPickerOption key={topic.id} value={topic.id}>
              {topicLabel(topic, i18n.language)}
            </TagPickerOption>
          ))
        ) : (
          <TagPickerOption value="no-matches">{t('apply.topicsNone')}</TagPickerOption>
        )}
      </TagPickerList>
    </TagPicker>
  );
});
