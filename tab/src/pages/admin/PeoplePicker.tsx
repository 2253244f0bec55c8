import {
  Avatar,
  Field,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { type PersonChoice, programmeApi } from '../../api/programmes';
import { useSession } from '../../components/session';
import { useTranslation } from '../../i18n/react';

/** How long the picker waits after the last key before it asks the directory. */
const TYPING_PAUSE_MS = 250;

const detailOf = (p: PersonChoice) => [p.jobTitle, p.department].filter(Boolean).join(' · ');

/**
 * People chosen from the directory snapshot, searchable by name, department or title (Fluent v9's
 * TagPicker: https://react.fluentui.dev/?path=/docs/components-tagpicker--docs). The chosen are
 * tags (select one again, or its tag, to remove it); the list renders in Fluent's portal.
 */
export function PeoplePicker({
  label,
  hint,
  value,
  onChange,
  validationMessage,
}: {
  label: string;
  hint?: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  validationMessage?: string;
}) {
  const { t } = useTranslation();
  const { api } = useSession();
  const people = useMemo(() => programmeApi(api), [api]);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PersonChoice[]>([]);
  const [known, setKnown] = useState<Map<string, PersonChoice>>(new Map());

  // Names the chosen people the picker has not met yet (50 at a time, as the API takes them).
  useEffect(() => {
    const unknown = value.filter((id) => !known.has(id)).slice(0, 50);
    if (unknown.length === 0) return;
    let live = true;
    void people
      .peopleById(unknown)
      .then((list) => {
        if (!live) return;
        setKnown((m) => new Map([...m, ...list.map((p) => [p.id, p] as const)]));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [value, known, people]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      people
        .people(query)
        .then((list) => {
          if (!live) return;
          setFound(list);
          setKnown((m) => new Map([...m, ...list.map((p) => [p.id, p] as const)]));
        })
        .catch(() => live && setFound([]));
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, people]);

  const options = found.filter((p) => !value.includes(p.id));
  return (
    <Field label={label} hint={hint} validationMessage={validationMessage}>
      <TagPicker
        selectedOptions={[...value]}
        onOptionSelect={(_, data) => {
          if (data.value === 'no-matches') return;
          onChange(data.selectedOptions);
          setQuery('');
        }}
      >
        <TagPickerControl>
          <TagPickerGroup aria-label={t('admin.settings.chosen', { label })}>
            {value.map((id) => {
              const person = known.get(id);
              return (
                <Tag
                  key={id}
                  shape="rounded"
                  value={id}
                  media={<Avatar aria-hidden name={person?.name} color="colorful" />}
                >
                  {person?.name ?? t('admin.settings.unknownPerson')}
                </Tag>
              );
            })}
          </TagPickerGroup>
          <TagPickerInput
            aria-label={label}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={value.length === 0 ? t('admin.settings.searchPeople') : undefined}
          />
        </TagPickerControl>
        <TagPickerList>
          {options.length > 0 ? (
            options.map((p) => (
              <TagPickerOption
                key={p.id}
                value={p.id}
                text={p.name}
                secondaryContent={detailOf(p)}
                media={<Avatar aria-hidden name={p.name} color="colorful" />}
              >
                {p.name}
              </TagPickerOption>
            ))
          ) : (
            <TagPickerOption value="no-matches">{t('admin.settings.noPeople')}</TagPickerOption>
          )}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
