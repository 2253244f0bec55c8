import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ProgrammeView, ReviewApplicationView } from '../../api/client';
import type { hrApi, MatchingView } from '../../api/hr';
import { useTranslation } from '../../i18n/react';
import type { reasonText } from './reasons';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  pick: { minWidth: '200px', maxWidth: '100%' },
});

type Hr = ReturnType<typeof hrApi>;

/**
 * The people side of the matching board (PRODUCT rule 4): who is left out and why, each mentee
 * kept on the waiting list when the programme keeps one; a pair made by hand from a left-out
 * mentee and an approved mentor (PRODUCT rule 1 still judged: a refusal names the reporting
 * line); and each approved mentor's load, their capacity raised from here.
 */
export function BoardPeople({
  programme,
  matching: m,
  applications,
  canEdit,
  hr,
  act,
  reason,
}: {
  programme: ProgrammeView;
  matching: MatchingView;
  applications: readonly ReviewApplicationView[];
  canEdit: boolean;
  hr: Hr;
  act: (action: () => Promise<unknown>) => void;
  /** A reason in the reader's words, topics named from the programme's vocabulary. */
  reason: (r: Parameters<typeof reasonText>[1]) => string;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [mentee, setMentee] = useState<string>();
  const [mentor, setMentor] = useState<string>();
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const byId = new Map(applications.map((a) => [a.personId, a]));
  const leftOutMentees = m.unmatched.filter((u) => u.role === 'mentee');
  const mentors = applications
    .filter((a) => a.role === 'mentor' && a.status === 'approved')
    .map((a) => {
      const load = m.proposals.filter((p) => p.mentor === a.personId).length;
      const capacity = m.capacities?.[a.personId] ?? programme.mentorCapacity;
      return { id: a.personId, name: a.personName || a.personId, load, capacity };
    });
  const nameOfMentee = (id: string) => leftOutMentees.find((u) => u.personId === id)?.name ?? id;
  const nameOfMentor = (id: string) => mentors.find((x) => x.id === id)?.name ?? id;

  return (
    <div className={styles.stack}>
      <Subtitle2 as="h3">{t('matching.unmatched', { count: m.unmatched.length })}</Subtitle2>
      {m.unmatched.length === 0 ? (
        <Body1>{t('matching.everyoneMatched')}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t('board.leftOut')}>
          {m.unmatched.map((u) => {
            const since = byId.get(u.personId)?.waitingListSince;
            return (
              <li key={`${u.role}-${u.personId}`}>
                <div className={styles.item}>
                  <span>
                    <strong>{u.name}</strong> ({t(`admin.${u.role}`)}): {reason(u.reason)}
                  </span>
                  {since && (
                    <Badge appearance="tint" color="informative">
                      {t('board.waitingSince', { when: day.format(new Date(since)) })}
                    </Badge>
                  )}
                  {canEdit && u.role === 'mentee' && !since && programme.keepsWaitingList && (
                    <Button
                      size="small"
                      aria-label={t('board.keepWaitingFor', { name: u.name })}
                      onClick={() => act(() => hr.waitingList(programme.id, u.personId))}
                    >
                      {t('board.keepWaiting')}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && leftOutMentees.length > 0 && !programme.keepsWaitingList && (
        <Caption1>{t('board.noWaitingList')}</Caption1>
      )}
      {canEdit && (
        <section aria-labelledby="pair-by-hand" className={styles.stack}>
          <Subtitle2 as="h3" id="pair-by-hand">
            {t('board.byHand')}
          </Subtitle2>
          {leftOutMentees.length === 0 || mentors.length === 0 ? (
            <Body1>{t('board.byHandNone')}</Body1>
          ) : (
            <div className={styles.row}>
              <Field label={t('admin.mentee')} className={styles.pick}>
                <Dropdown
                  placeholder={t('board.chooseMentee')}
                  value={mentee ? nameOfMentee(mentee) : ''}
                  selectedOptions={mentee ? [mentee] : []}
                  onOptionSelect={(_, d) => setMentee(d.optionValue)}
                >
                  {leftOutMentees.map((u) => (
                    <Option key={u.personId} value={u.personId}>
                      {u.name}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label={t('admin.mentor')} className={styles.pick}>
                <Dropdown
                  placeholder={t('board.chooseMentor')}
                  value={mentor ? nameOfMentor(mentor) : ''}
                  selectedOptions={mentor ? [mentor] : []}
                  onOptionSelect={(_, d) => setMentor(d.optionValue)}
                >
                  {mentors.map((x) => (
                    <Option
                      key={x.id}
                      value={x.id}
                      text={x.name}
                    >{`${x.name} · ${t('board.load', { count: x.load, capacity: x.capacity })}`}</Option>
                  ))}
                </Dropdown>
              </Field>
              <Button
                appearance="primary"
                disabled={!mentee || !mentor}
                onClick={() =>
                  act(async () => {
                    await hr.pairByHand(m, mentee!, mentor!);
                    setMentee(undefined);
                    setMentor(undefined);
                  })
                }
              >
                {t('board.pair')}
              </Button>
            </div>
          )}
        </section>
      )}
      {canEdit && mentors.length > 0 && (
        <section aria-labelledby="mentor-capacity" className={styles.stack}>
          <Subtitle2 as="h3" id="mentor-capacity">
            {t('board.mentors')}
          </Subtitle2>
          <ul className={styles.list}>
            {mentors.map((x) => (
              <li key={x.id}>
                <div className={styles.item}>
                  <span>
                    <strong>{x.name}</strong>:{' '}
                    {t('board.load', { count: x.load, capacity: x.capacity })}
                  </span>
                  {x.capacity < 10 && (
                    <Button
                      size="small"
                      aria-label={t('board.raiseFor', { name: x.name, capacity: x.capacity + 1 })}
                      onClick={() => act(() => hr.setCapacity(m, x.id, x.capacity + 1))}
                    >
                      {t('board.raise', { capacity: x.capacity + 1 })}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
