import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  ProgressBar,
  Radio,
  RadioGroup,
  Slider,
  Subtitle1,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { GoalView } from '../../api/pairs';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useAction } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { useSectionStyles } from './AgendaSection';
import type { PairsApi, SectionProps } from './PairPage';

function Goal({
  goal,
  role,
  pairs,
  onChange,
}: {
  goal: GoalView;
  role: 'mentor' | 'mentee';
  pairs: PairsApi;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  const [progress, setProgress] = useState(goal.progress);
  const [comment, setComment] = useState(goal.mentorComment);
  const [act, failure] = useAction(onChange);
  return (
    <li className={styles.form}>
      <Body1 as="p">
        <strong>{goal.title}</strong> ({t(`pair.goals.horizon.${goal.horizon}`)} ·{' '}
        {t(`pair.goals.status.${goal.status}`)})
      </Body1>
      {goal.description && <Caption1>{goal.description}</Caption1>}
      <Field
        label={t('pair.goals.progressOf', { title: goal.title })}
        validationMessage={`${goal.progress} %`}
        validationState="none"
      >
        <ProgressBar value={goal.progress / 100} thickness="large" />
      </Field>
      {failure !== undefined && <ErrorState error={failure} />}
      {role === 'mentee' ? (
        <div className={styles.row}>
          <Field label={t('pair.goals.setProgress', { title: goal.title })} className={styles.grow}>
            <Slider
              min={0}
              max={100}
              step={10}
              value={progress}
              onChange={(_, d) => setProgress(d.value)}
            />
          </Field>
          <Button
            size="small"
            disabled={progress === goal.progress}
            onClick={() => act(() => pairs.editGoal(goal, { progress }))}
          >
            {t('pair.save')}
          </Button>
        </div>
      ) : (
        <div className={styles.row}>
          <Field label={t('pair.goals.comment', { title: goal.title })} className={styles.grow}>
            <Input value={comment} onChange={(_, d) => setComment(d.value)} maxLength={2000} />
          </Field>
          <Button
            size="small"
            disabled={comment === goal.mentorComment}
            onClick={() => act(() => pairs.editGoal(goal, { mentorComment: comment.trim() }))}
          >
            {t('pair.save')}
          </Button>
        </div>
      )}
      {role === 'mentee' && goal.mentorComment && (
        <Caption1>{t('pair.goals.mentorSays', { comment: goal.mentorComment })}</Caption1>
      )}
    </li>
  );
}

/** The mentee's short- and long-term goals with progress; the mentor comments (PRODUCT rule 7). */
export function GoalsSection({ space, pairs, onChange }: SectionProps) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  const role = space.pair.role;
  const [title, setTitle] = useState('');
  const [horizon, setHorizon] = useState<'short' | 'long'>('short');
  const [act, failure] = useAction(onChange);
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    void act(async () => {
      await pairs.addGoal(space.pair.id, { horizon, title: title.trim() });
      setTitle('');
    });
  };
  return (
    <Surface aria-labelledby="goals-title">
      <Subtitle1 as="h2" id="goals-title">
        {t('pair.goals.title')}
      </Subtitle1>
      {space.goals.length === 0 ? (
        <Body1>{t(role === 'mentee' ? 'pair.goals.emptyMentee' : 'pair.goals.emptyMentor')}</Body1>
      ) : (
        <ul className={styles.list}>
          {space.goals.map((goal) => (
            <Goal
              key={`${goal.id}-${goal.etag}`}
              goal={goal}
              role={role}
              pairs={pairs}
              onChange={onChange}
            />
          ))}
        </ul>
      )}
      {failure !== undefined && <ErrorState error={failure} />}
      {role === 'mentee' && (
        <form className={styles.form} onSubmit={add}>
          <Field label={t('pair.goals.add')}>
            <Input value={title} onChange={(_, d) => setTitle(d.value)} maxLength={200} />
          </Field>
          <RadioGroup
            aria-label={t('pair.goals.horizonLabel')}
            layout="horizontal"
            value={horizon}
            onChange={(_, d) => setHorizon(d.value as 'short' | 'long')}
          >
            <Radio value="short" label={t('pair.goals.horizon.short')} />
            <Radio value="long" label={t('pair.goals.horizon.long')} />
          </RadioGroup>
          <div>
            <Button type="submit" disabled={!title.trim()}>
              {t('pair.add')}
            </Button>
          </div>
        </form>
      )}
    </Surface>
  );
}
