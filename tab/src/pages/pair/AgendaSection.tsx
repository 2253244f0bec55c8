import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { ownsAgendaItem, TANDEM_AUTHOR } from '../../../../functions/src/domain/pair-space/authors';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useSession } from '../../components/session';
import { useAction } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import type { SectionProps } from './PairPage';

export const useSectionStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  grow: { flexGrow: 1, overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Who wrote it, as the viewer reads it: "you" or the other member's name. */
export function useAuthor(space: SectionProps['space']) {
  const { me } = useSession();
  const { t } = useTranslation();
  return (authorId: string) =>
    authorId === me.id
      ? t('pair.you')
      : authorId === TANDEM_AUTHOR
        ? t('pair.byTandem')
        : space.pair.other.name;
}

/**
 * The shared agenda (rule 6): both add items; the author rewrites or deletes (either member, the
 * first session's items Tandem wrote), either ticks done.
 */
export function AgendaSection({ space, pairs, onChange }: SectionProps) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  const { me } = useSession();
  const author = useAuthor(space);
  const [text, setText] = useState('');
  const [act, failure] = useAction(onChange);
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void act(async () => {
      await pairs.addAgenda(space.pair.id, text.trim());
      setText('');
    });
  };
  return (
    <Surface aria-labelledby="agenda-title">
      <Subtitle1 as="h2" id="agenda-title">
        {t('pair.agenda.title')}
      </Subtitle1>
      {failure !== undefined && <ErrorState error={failure} />}
      {space.agenda.length === 0 ? (
        <Body1>{t('pair.agenda.empty')}</Body1>
      ) : (
        <ul className={styles.list}>
          {space.agenda.map((item) => (
            <li key={item.id} className={styles.item}>
              <Checkbox
                checked={item.done}
                onChange={(_, d) => act(() => pairs.editAgenda(item, { done: Boolean(d.checked) }))}
                label={
                  <span>
                    {item.text}{' '}
                    <Caption1 className={styles.muted}>— {author(item.authorId)}</Caption1>
                  </span>
                }
                className={styles.grow}
              />
              {ownsAgendaItem(item, me.id) && (
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t('pair.deleteItem', { text: item.text })}
                  onClick={() => act(() => pairs.remove(item, 'agenda'))}
                >
                  {t('pair.delete')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className={styles.row} onSubmit={add}>
        <Field label={t('pair.agenda.add')} className={styles.grow}>
          <Input value={text} onChange={(_, d) => setText(d.value)} maxLength={500} />
        </Field>
        <Button type="submit" disabled={!text.trim()}>
          {t('pair.add')}
        </Button>
      </form>
    </Surface>
  );
}
