import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  ProgressBar,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { pairPage, tabAddress } from '../../../functions/src/domain/deep-link';
import type { NoteView, PairSpaceView } from '../../../functions/src/http/contracts';
import { formatSessionTime } from '../i18n/format';
import { useTranslation } from '../i18n/react';
import { type PaneApi, PaneApiError } from './pane-api';
import { type PaneSession, sessionsForPane } from './sessions';

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    maxWidth: '480px',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { marginBlockEnd: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Where the pane was opened and what it found there. */
export type PaneState =
  | { kind: 'outsideOutlook' }
  | { kind: 'notTandem' }
  /** Local run with nobody signed in (npm start). */
  | { kind: 'noToken' }
  /** An Outlook without Office SSO (IdentityAPI 1.3): it cannot sign in to Tandem. */
  | { kind: 'noSso' }
  | { kind: 'session'; pairId: string; itemStart?: Date };

export interface SessionPaneProps {
  state: PaneState;
  api: PaneApi;
  /** The tab's address, for the links out of the pane. */
  tabOrigin: string;
  locale: string;
}

export function SessionPane(props: SessionPaneProps) {
  const styles = useStyles();
  return (
    <main className={styles.main}>
      <PaneBody {...props} />
    </main>
  );
}

function PaneBody({ state, api, tabOrigin, locale }: SessionPaneProps) {
  const { t } = useTranslation();
  if (state.kind === 'outsideOutlook') {
    return (
      <Notice
        title={t('addin.outsideOutlook.title')}
        body={t('addin.outsideOutlook.body')}
        href={tabOrigin}
      />
    );
  }
  if (state.kind === 'notTandem') {
    return (
      <Notice
        title={t('addin.notTandem.title')}
        body={t('addin.notTandem.body')}
        href={tabOrigin}
      />
    );
  }
  if (state.kind === 'noSso') {
    return <Notice title={t('addin.title')} body={t('addin.noSso')} href={tabOrigin} />;
  }
  if (state.kind === 'noToken') {
    return <Notice title={t('addin.title')} body={t('addin.signInFirst')} href={tabOrigin} />;
  }
  return <PairSession {...state} api={api} tabOrigin={tabOrigin} locale={locale} />;
}

function Notice({ title, body, href }: { title: string; body: string; href: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Title3 as="h1">{title}</Title3>
      <Text as="p">{body}</Text>
      <Link href={`${href}/`} target="_blank" rel="noopener">
        {t('addin.openTab')}
      </Link>
    </>
  );
}

function PairSession({
  pairId,
  itemStart,
  api,
  tabOrigin,
  locale,
}: {
  pairId: string;
  itemStart?: Date;
  api: PaneApi;
  tabOrigin: string;
  locale: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [space, setSpace] = useState<PairSpaceView>();
  const [failure, setFailure] = useState<PaneApiError>();
  const load = useCallback(() => {
    setFailure(undefined);
    api.space(pairId).then(setSpace, (error: unknown) => {
      setFailure(error instanceof PaneApiError ? error : new PaneApiError(0));
    });
  }, [api, pairId]);
  useEffect(load, [load]);

  // 404: not a pair this person belongs to (or no pair at all) — for them it is no Tandem session.
  if (failure?.status === 404) {
    return (
      <Notice
        title={t('addin.notTandem.title')}
        body={t('addin.notTandem.body')}
        href={tabOrigin}
      />
    );
  }
  if (failure) {
    return (
      <>
        <Title3 as="h1">{t('addin.title')}</Title3>
        <MessageBar intent="error">
          <MessageBarBody>{t('addin.error', { detail: failure.message })}</MessageBarBody>
        </MessageBar>
        <Button onClick={load}>{t('addin.retry')}</Button>
      </>
    );
  }
  if (!space) return <Spinner label={t('addin.loading')} />;

  const { current, upcoming } = sessionsForPane(space.sessions, itemStart, new Date());
  const forThisSession = (entry: { sessionIndex: number | null }) =>
    !current || entry.sessionIndex === null || entry.sessionIndex === current.index;
  const pairLink = tabAddress(tabOrigin, pairPage(pairId));
  return (
    <>
      <header className={styles.section}>
        <Title3 as="h1">{t('addin.heading', { name: space.pair.other.name })}</Title3>
        <Text className={styles.muted}>
          {t(space.pair.role === 'mentor' ? 'addin.roleMentor' : 'addin.roleMentee', {
            programme: space.pair.programmeName,
          })}
        </Text>
        <Link href={pairLink} target="_blank" rel="noopener">
          {t('addin.openPair')}
        </Link>
      </header>

      <section className={styles.section} aria-labelledby="pane-sessions">
        <Subtitle2 as="h2" id="pane-sessions">
          {t('addin.sessions.title')}
        </Subtitle2>
        {space.ended ? (
          <Text className={styles.muted}>{t('pairEnded.pane')}</Text>
        ) : upcoming.length === 0 ? (
          <Text className={styles.muted}>{t('addin.sessions.none')}</Text>
        ) : (
          <ul className={styles.list}>
            {upcoming.map((s) => (
              <SessionLine key={s.index} session={s} current={s === current} locale={locale} />
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section} aria-labelledby="pane-agenda">
        <Subtitle2 as="h2" id="pane-agenda">
          {t('addin.agenda.title')}
        </Subtitle2>
        <Entries
          texts={space.agenda.filter(forThisSession).map((a) => ({
            id: a.id,
            text: a.done ? `${a.text} (${t('addin.agenda.done')})` : a.text,
          }))}
          empty={t('addin.agenda.empty')}
        />
        <AddForm
          label={t('addin.agenda.add')}
          submit={t('addin.agenda.submit')}
          onAdd={async (text) => {
            await api.addAgendaItem(pairId, text, current?.index);
            load();
          }}
        />
      </section>

      <section className={styles.section} aria-labelledby="pane-notes">
        <Subtitle2 as="h2" id="pane-notes">
          {t('addin.notes.title')}
        </Subtitle2>
        <Entries texts={space.sharedNotes.filter(forThisSession)} empty={t('addin.notes.empty')} />
        <AddForm
          label={t('addin.notes.add')}
          submit={t('addin.notes.submit')}
          multiline
          onAdd={async (text, visibility) => {
            await api.addNote(pairId, text, visibility, current?.index);
            load();
          }}
        />
      </section>

      <section className={styles.section} aria-labelledby="pane-private">
        <Subtitle2 as="h2" id="pane-private">
          {t('addin.notes.privateTitle')}
        </Subtitle2>
        <Entries
          texts={space.privateNotes.filter(forThisSession)}
          empty={t('addin.notes.privateEmpty')}
        />
      </section>

      <section className={styles.section} aria-labelledby="pane-goals">
        <Subtitle2 as="h2" id="pane-goals">
          {t('addin.goals.title')}
        </Subtitle2>
        {space.goals.length === 0 ? (
          <Text className={styles.muted}>{t('addin.goals.empty')}</Text>
        ) : (
          <ul className={styles.list}>
            {space.goals.map((goal) => (
              <li key={goal.id} className={styles.item}>
                <Text weight="semibold">{goal.title}</Text>{' '}
                <Text className={styles.muted}>
                  {t(`addin.goals.status.${goal.status}`)} ·{' '}
                  {t('addin.goals.progress', { progress: goal.progress })}
                </Text>
                <ProgressBar value={goal.progress / 100} aria-label={goal.title} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function SessionLine({
  session,
  current,
  locale,
}: {
  session: PaneSession;
  current: boolean;
  locale: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const marks = [
    current && t('addin.sessions.thisOne'),
    session.status === 'moved' && t('addin.sessions.moved'),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li className={styles.item} aria-current={current ? 'true' : undefined}>
      <Text weight={current ? 'semibold' : 'regular'}>
        {formatSessionTime(session.start, locale)}
      </Text>
      {marks && <Text className={styles.muted}> ({marks})</Text>}
    </li>
  );
}

function Entries({ texts, empty }: { texts: { id: string; text: string }[]; empty: string }) {
  const styles = useStyles();
  if (texts.length === 0) return <Text className={styles.muted}>{empty}</Text>;
  return (
    <ul className={styles.list}>
      {texts.map((entry) => (
        <li key={entry.id} className={styles.item}>
          <Text>{entry.text}</Text>
        </li>
      ))}
    </ul>
  );
}

/** A text box and a button; with `multiline`, a note, with its visibility (PRODUCT rule 6). */
function AddForm({
  label,
  submit,
  multiline,
  onAdd,
}: {
  label: string;
  submit: string;
  multiline?: boolean;
  onAdd(text: string, visibility: NoteView['visibility']): Promise<void>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<NoteView['visibility']>('shared');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    try {
      await onAdd(text.trim(), visibility);
      setText('');
      setOutcome({ ok: true, text: t('addin.saved') });
    } catch (error) {
      setOutcome({ ok: false, text: t('addin.saveFailed', { detail: (error as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={styles.form} onSubmit={onSubmit}>
      <Field label={label}>
        {multiline ? (
          <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
        ) : (
          <Input value={text} onChange={(_, d) => setText(d.value)} />
        )}
      </Field>
      {multiline && (
        <Field label={t('addin.notes.visibility')}>
          <RadioGroup
            value={visibility}
            onChange={(_, d) => setVisibility(d.value as NoteView['visibility'])}
          >
            <Radio value="shared" label={t('addin.notes.shared')} />
            <Radio value="private" label={t('addin.notes.private')} />
          </RadioGroup>
        </Field>
      )}
      <Button type="submit" appearance="primary" disabled={busy || !text.trim()}>
        {submit}
      </Button>
      <div role="status">{outcome?.text}</div>
    </form>
  );
}
