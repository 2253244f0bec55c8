import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle1,
  shorthands,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { NoteView } from '../../api/pairs';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useAction } from '../../components/useAsync';
import { formatDate } from '../../i18n/format';
import { useTranslation } from '../../i18n/react';
import { useLocale } from '../../i18n/use-locale';
import { useAuthor, useSectionStyles } from './AgendaSection';
import type { SectionProps } from './PairPage';

const useStyles = makeStyles({
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  private: {
    ...shorthands.borderLeft('3px', 'solid', tokens.colorBrandStroke1),
    paddingLeft: tokens.spacingHorizontalS,
  },
});

/**
 * Shared notes and my private notes (PRODUCT rule 6): the private ones are mine alone — not the
 * other member's, not HR's.
 */
export function NotesSection({ space, pairs, onChange }: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = { ...useSectionStyles(), ...useStyles() };
  const author = useAuthor(space);
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'shared' | 'private'>('shared');
  const [act, failure] = useAction(onChange);
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void act(async () => {
      await pairs.addNote(space.pair.id, text.trim(), visibility);
      setText('');
    });
  };
  const list = (notes: NoteView[], empty: string, mine: boolean) =>
    notes.length === 0 ? (
      <Body1>{empty}</Body1>
    ) : (
      <ul className={styles.list}>
        {notes.map((note) => (
          <li key={note.id} className={mine ? styles.private : undefined}>
            <Body1 as="p" className={styles.note}>
              {note.text}
            </Body1>
            <span className={styles.row}>
              <Caption1 className={styles.muted}>
                {author(note.authorId)} · {formatDate(note.createdAt, locale)}
              </Caption1>
              {(mine || note.authorId !== space.pair.other.id) && (
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t('pair.deleteItem', { text: note.text.slice(0, 40) })}
                  onClick={() => act(() => pairs.remove(note, 'notes'))}
                >
                  {t('pair.delete')}
                </Button>
              )}
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <Surface aria-labelledby="notes-title">
      <Subtitle1 as="h2" id="notes-title">
        {t('pair.notes.title')}
      </Subtitle1>
      <Caption1>{t('pair.notes.encourage')}</Caption1>
      {failure !== undefined && <ErrorState error={failure} />}
      {list(space.sharedNotes, t('pair.notes.emptyShared'), false)}
      <Subtitle1 as="h3">{t('pair.notes.privateTitle')}</Subtitle1>
      <Caption1>{t('pair.notes.privateHint')}</Caption1>
      {list(space.privateNotes, t('pair.notes.emptyPrivate'), true)}
      <form className={styles.form} onSubmit={add}>
        <Field label={t('pair.notes.add')}>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} maxLength={4000} />
        </Field>
        <RadioGroup
          aria-label={t('pair.notes.visibility')}
          layout="horizontal"
          value={visibility}
          onChange={(_, d) => setVisibility(d.value as 'shared' | 'private')}
        >
          <Radio value="shared" label={t('pair.notes.shared')} />
          <Radio value="private" label={t('pair.notes.private')} />
        </RadioGroup>
        <div>
          <Button type="submit" disabled={!text.trim()}>
            {t('pair.notes.save')}
          </Button>
        </div>
      </form>
    </Surface>
  );
}
