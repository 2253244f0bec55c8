import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  Spinner,
  Subtitle2,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { termKey } from '../../../../functions/src/domain/topics/vocabulary';
import type { ProgrammeView } from '../../api/client';
import { hrApi } from '../../api/hr';
import { type TopicInput, type TopicsView, topicsApi } from '../../api/topics';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useAction, useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { topicLabel } from '../apply/TopicPicker';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  topic: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** A topic as HR edits it: other words as one comma-separated text. */
interface Row {
  id: string;
  es: string;
  en: string;
  synonyms: string;
  /** Added in this edit: its id is made from its English name on saving. */
  fresh?: boolean;
}

const rowOf = (t: TopicsView['topics'][number]): Row => ({
  id: t.id,
  es: t.label.es,
  en: t.label.en,
  synonyms: t.synonyms.join(', '),
});

/** A new topic's id from its name: `design-thinking` from "Design thinking", unique in the list. */
export function idFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    termKey(name)
      .replace(/[^a-z0-9 ]/g, '')
      .trim()
      .replace(/ +/g, '-') || 'topic';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function toTopics(rows: readonly Row[]): TopicInput[] {
  const taken = new Set(rows.filter((r) => !r.fresh).map((r) => r.id));
  return rows.map((r) => {
    const id = r.fresh ? idFor(r.en || r.es, taken) : r.id;
    taken.add(id);
    const synonyms = r.synonyms
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return { id, label: { es: r.es.trim(), en: r.en.trim() }, synonyms };
  });
}

/**
 * HR's topic vocabulary of one programme (issue #20): the topics the form offers, with their
 * Spanish and English names and other words people use; the applicants' own words that name no
 * topic yet, each to add as another word of a topic or as a new topic. Saved at once as a whole,
 * quoting the ETag read; a refusal (a word in two topics, a topic still named by an application)
 * is worded by ErrorState in the reader's language.
 */
export function TopicsPanel({
  programme,
  onProgrammeChange,
}: {
  programme: ProgrammeView;
  onProgrammeChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const topics = useMemo(() => topicsApi(api), [api]);
  const hr = useMemo(() => hrApi(api), [api]);
  const [stored, reload] = useAsync(() => topics.get(programme.id), [programme.id, topics]);
  const [rows, setRows] = useState<Row[]>([]);
  const [target, setTarget] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [act, failure] = useAction(() => {
    setSaved(true);
    reload();
  });
  const [toggle, toggleFailure] = useAction(onProgrammeChange);
  useEffect(() => {
    if (stored.status === 'ready') setRows(stored.value.topics.map(rowOf));
  }, [stored]);

  if (stored.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (stored.status === 'error') return <ErrorState error={stored.error} onRetry={reload} />;
  const view = stored.value;
  const change = (k: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((all) => all.map((r, i) => (i === k ? { ...r, ...patch } : r)));
  };
  const mapWords = (words: string) => {
    const to = target[words] ?? '';
    setSaved(false);
    if (to === '') {
      setRows((all) => [...all, { id: '', es: words, en: words, synonyms: '', fresh: true }]);
    } else {
      setRows((all) =>
        all.map((r) =>
          r.id === to ? { ...r, synonyms: r.synonyms ? `${r.synonyms}, ${words}` : words } : r,
        ),
      );
    }
  };
  const mapped = (words: string) =>
    rows.some((r) =>
      [r.es, r.en, ...r.synonyms.split(',')].some((w) => termKey(w) === termKey(words)),
    );

  return (
    <div className={styles.stack}>
      <Body1 as="p">{t('admin.vocabulary.intro')}</Body1>
      {toggleFailure !== undefined && <ErrorState error={toggleFailure} />}
      <Switch
        label={t('admin.vocabulary.allowRepeatPairs')}
        checked={programme.allowRepeatPairs}
        onChange={(_, d) =>
          toggle(() => hr.setMatchingSetting(programme, 'allowRepeatPairs', d.checked))
        }
      />
      <section aria-labelledby="unmapped-title" className={styles.stack}>
        <Subtitle2 as="h3" id="unmapped-title">
          {t('admin.vocabulary.unmapped')}
        </Subtitle2>
        {(view.unmapped ?? []).length === 0 ? (
          <Caption1>{t('admin.vocabulary.noUnmapped')}</Caption1>
        ) : (
          <ul className={styles.list}>
            {(view.unmapped ?? []).map((u) => (
              <li key={u.words} className={styles.row}>
                <span>
                  «{u.words}» ({t('admin.vocabulary.applications', { count: u.applications })})
                </span>
                {mapped(u.words) ? (
                  <Caption1>{t('admin.vocabulary.mappedUnsaved')}</Caption1>
                ) : (
                  <>
                    <Dropdown
                      aria-label={t('admin.vocabulary.mapTo', { words: u.words })}
                      value={
                        target[u.words]
                          ? topicLabel(
                              {
                                ...rowOfTarget(rows, target[u.words]!),
                              },
                              i18n.language,
                            )
                          : t('admin.vocabulary.newTopic')
                      }
                      selectedOptions={[target[u.words] ?? '']}
                      onOptionSelect={(_, d) =>
                        setTarget((all) => ({ ...all, [u.words]: d.optionValue ?? '' }))
                      }
                    >
                      <Option value="">{t('admin.vocabulary.newTopic')}</Option>
                      {rows
                        .filter((r) => !r.fresh)
                        .map((r) => (
                          <Option key={r.id} value={r.id}>
                            {i18n.language.startsWith('es') ? r.es : r.en}
                          </Option>
                        ))}
                    </Dropdown>
                    <Button onClick={() => mapWords(u.words)}>{t('admin.vocabulary.map')}</Button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="topics-title" className={styles.stack}>
        <Subtitle2 as="h3" id="topics-title">
          {t('admin.vocabulary.list', { count: rows.length })}
        </Subtitle2>
        {rows.map((r, k) => (
          <fieldset key={r.fresh ? `new-${k}` : r.id} className={styles.topic}>
            <Field label={t('admin.vocabulary.labelEs')}>
              <Input value={r.es} onChange={(_, d) => change(k, { es: d.value })} />
            </Field>
            <Field label={t('admin.vocabulary.labelEn')}>
              <Input value={r.en} onChange={(_, d) => change(k, { en: d.value })} />
            </Field>
            <Field label={t('admin.vocabulary.synonyms')}>
              <Input value={r.synonyms} onChange={(_, d) => change(k, { synonyms: d.value })} />
            </Field>
            <Button
              aria-label={t('admin.vocabulary.remove', {
                name: (i18n.language.startsWith('es') ? r.es : r.en) || r.id,
              })}
              onClick={() => {
                setSaved(false);
                setRows((all) => all.filter((_, i) => i !== k));
              }}
            >
              {t('admin.vocabulary.removeShort')}
            </Button>
          </fieldset>
        ))}
        <div className={styles.row}>
          <Button
            onClick={() =>
              setRows((all) => [...all, { id: '', es: '', en: '', synonyms: '', fresh: true }])
            }
          >
            {t('admin.vocabulary.add')}
          </Button>
          <Button appearance="primary" onClick={() => act(() => topics.save(view, toTopics(rows)))}>
            {t('admin.vocabulary.save')}
          </Button>
        </div>
        {failure !== undefined && <ErrorState error={failure} />}
        {saved && failure === undefined && (
          <MessageBar intent="success">
            <MessageBarBody>{t('admin.vocabulary.saved')}</MessageBarBody>
          </MessageBar>
        )}
      </section>
    </div>
  );
}

function rowOfTarget(rows: readonly Row[], id: string) {
  const r = rows.find((row) => row.id === id);
  return { id, label: { es: r?.es ?? id, en: r?.en ?? id }, synonyms: [] };
}
