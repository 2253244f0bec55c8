import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Rating,
  Spinner,
  Subtitle1,
  shorthands,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { PairSpaceView } from '../../api/pairs';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useAction } from '../../components/useAsync';
import { formatSessionTime } from '../../i18n/format';
import { useTranslation } from '../../i18n/react';
import { useLocale } from '../../i18n/use-locale';
import type { PairsApi, SectionProps } from './PairPage';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  session: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    paddingBlock: tokens.spacingVerticalXS,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  // The number above the date: a column, so the two never run together as one word.
  when: { minWidth: '16em', flexGrow: 1, display: 'flex', flexDirection: 'column' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, width: '100%' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type Session = PairSpaceView['sessions'][number];

function statusOf(session: Session): {
  key: string;
  color: 'success' | 'informative' | 'warning' | 'danger';
} {
  if (session.status === 'cancelled') return { key: 'cancelled', color: 'danger' };
  if (session.held) return { key: 'held', color: 'success' };
  if (session.status === 'moved') return { key: 'moved', color: 'warning' };
  return { key: 'planned', color: 'informative' };
}

/** Quick feedback after a session (PRODUCT rule 8): a rating, "was it useful", a comment. */
function FeedbackForm({
  pairId,
  session,
  pairs,
  onDone,
}: {
  pairId: string;
  session: Session;
  pairs: PairsApi;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const previous = session.myFeedback;
  const [rating, setRating] = useState(previous?.rating ?? 0);
  // No answer is pre-filled (PRODUCT rule 8): "useful" stays unanswered until the person says.
  const [useful, setUseful] = useState<boolean | undefined>(previous?.useful);
  const [comment, setComment] = useState(previous?.comment ?? '');
  const [act, failure] = useAction(onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act(() =>
      pairs.feedback(
        pairId,
        session.index,
        { rating, useful: useful === true, comment: comment.trim() },
        previous,
      ),
    );
  };
  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label={t('pair.feedback.title', { n: session.index + 1 })}
    >
      {failure !== undefined && <ErrorState error={failure} />}
      <Field label={t('pair.feedback.rating')}>
        <Rating value={rating} onChange={(_, d) => setRating(d.value)} max={5} />
      </Field>
      <Field label={t('pair.feedback.useful')}>
        <RadioGroup
          layout="horizontal"
          value={useful === undefined ? '' : String(useful)}
          onChange={(_, d) => setUseful(d.value === 'true')}
        >
          <Radio value="true" label={t('pair.feedback.yes')} />
          <Radio value="false" label={t('pair.feedback.no')} />
        </RadioGroup>
      </Field>
      <Field label={t('pair.feedback.comment')} hint={t('pair.feedback.commentHint')}>
        <Textarea value={comment} onChange={(_, d) => setComment(d.value)} maxLength={1000} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={rating < 1 || useful === undefined}>
          {t(previous ? 'pair.feedback.update' : 'pair.feedback.send')}
        </Button>
      </div>
    </form>
  );
}

/** Move one session to a slot free for both (PRODUCT rule 5: the series stays). */
function MoveSession({
  pairId,
  session,
  pairs,
  onDone,
}: {
  pairId: string;
  session: Session;
  pairs: PairsApi;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const [slots, setSlots] = useState<{ start: string }[] | 'loading' | undefined>();
  const [chosen, setChosen] = useState('');
  // Once moved, the panel closes and says where the session went (both calendars have it).
  const [moved, setMoved] = useState<string>();
  const [act, failure] = useAction(() => {
    setMoved(chosen);
    setSlots(undefined);
    setChosen('');
    onDone();
  });
  const [loadFailure, setLoadFailure] = useState<unknown>();
  const open = async () => {
    setSlots('loading');
    setLoadFailure(undefined);
    try {
      setSlots(await pairs.alternatives(pairId, session.index));
    } catch (error) {
      setSlots(undefined);
      setLoadFailure(error);
    }
  };
  if (slots === undefined) {
    return (
      <>
        {moved && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>
              {t('pair.move.done', {
                n: session.index + 1,
                when: formatSessionTime(moved, locale),
              })}
            </MessageBarBody>
          </MessageBar>
        )}
        {loadFailure !== undefined && <ErrorState error={loadFailure} />}
        <Button size="small" onClick={open}>
          {t('pair.move.open', { n: session.index + 1 })}
        </Button>
      </>
    );
  }
  if (slots === 'loading') return <Spinner size="tiny" label={t('pair.move.looking')} />;
  if (slots.length === 0) return <Caption1>{t('pair.move.none')}</Caption1>;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) void act(() => pairs.move(pairId, session.index, chosen));
      }}
    >
      {failure !== undefined && <ErrorState error={failure} />}
      <Field label={t('pair.move.choose', { n: session.index + 1 })}>
        <RadioGroup value={chosen} onChange={(_, d) => setChosen(d.value)}>
          {slots.slice(0, 6).map((slot) => (
            <Radio
              key={slot.start}
              value={slot.start}
              label={formatSessionTime(slot.start, locale)}
            />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={!chosen}>
          {t('pair.move.confirm')}
        </Button>
        <Button onClick={() => setSlots(undefined)}>{t('pair.cancel')}</Button>
      </div>
    </form>
  );
}

/** The series' sessions: when, held or not, feedback after each, moving one. */
export function SessionsSection({ space, pairs, onChange }: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const [open, setOpen] = useState<number | null>(null);
  // An ended pair has nothing ahead: no next session, nothing to move.
  const next = space.ended
    ? undefined
    : space.sessions.find((s) => !s.held && s.status !== 'cancelled');
  return (
    <Surface aria-labelledby="sessions-title">
      <Subtitle1 as="h2" id="sessions-title">
        {t('pair.sessions.title')}
      </Subtitle1>
      {space.sessions.length === 0 ? (
        <Body1>{t('pair.sessions.none')}</Body1>
      ) : (
        <>
          <Body1>
            {t('pair.sessions.summary', {
              count: space.sessions.length,
              held: space.sessions.filter((s) => s.held).length,
            })}
            {next && ` ${t('pair.sessions.next', { when: formatSessionTime(next.start, locale) })}`}
          </Body1>
          {space.ended && <Body1>{t('pairEnded.sessions')}</Body1>}
          <ol className={styles.list}>
            {space.sessions.map((session) => {
              const status = statusOf(session);
              return (
                <li key={session.index} className={styles.session}>
                  <span className={styles.when}>
                    <Caption1>{t('pair.sessions.number', { n: session.index + 1 })}</Caption1>
                    <Body1>{formatSessionTime(session.start, locale)}</Body1>
                  </span>
                  <Badge appearance="tint" color={status.color}>
                    {t(`pair.sessions.status.${status.key}`)}
                  </Badge>
                  {session.held && session.myFeedback && (
                    <Caption1>
                      {t('pair.feedback.given', { rating: session.myFeedback.rating })}
                    </Caption1>
                  )}
                  {session.held && session.otherGaveFeedback && (
                    <Caption1>{t('pair.feedback.otherGave')}</Caption1>
                  )}
                  {session.held && (
                    <Button
                      size="small"
                      aria-expanded={open === session.index}
                      onClick={() => setOpen(open === session.index ? null : session.index)}
                    >
                      {t(session.myFeedback ? 'pair.feedback.edit' : 'pair.feedback.give', {
                        n: session.index + 1,
                      })}
                    </Button>
                  )}
                  {!space.ended && !session.held && session.status !== 'cancelled' && (
                    <MoveSession
                      pairId={space.pair.id}
                      session={session}
                      pairs={pairs}
                      onDone={onChange}
                    />
                  )}
                  {open === session.index && (
                    <FeedbackForm
                      pairId={space.pair.id}
                      session={session}
                      pairs={pairs}
                      onDone={() => {
                        setOpen(null);
                        onChange();
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Surface>
  );
}
