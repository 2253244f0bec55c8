import {
  Body1,
  Button,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Rating,
  Subtitle1,
  Textarea,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useAction } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { useSectionStyles } from './AgendaSection';
import type { SectionProps } from './PairPage';

/** "Would you recommend it", 0 to 10, as the net promoter score asks it. */
const SCALE = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

const useScaleStyles = makeStyles({ scale: { flexWrap: 'wrap' } });

/** The end-of-programme evaluation (PRODUCT rule 8), once the programme is over for the pair. */
export function EvaluationSection({ space, pairs, onChange }: SectionProps) {
  const { t } = useTranslation();
  const styles = { ...useSectionStyles(), ...useScaleStyles() };
  const mine = space.evaluation.mine;
  const [satisfaction, setSatisfaction] = useState(mine?.satisfaction ?? 0);
  const [goalsReached, setGoalsReached] = useState(mine?.goalsReached ?? 0);
  // No answer is pre-filled (PRODUCT rule 8): every scale starts unanswered.
  const [recommend, setRecommend] = useState<number | undefined>(mine?.recommend);
  const [suggestion, setSuggestion] = useState(mine?.suggestion ?? '');
  const [act, failure] = useAction(onChange);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act(() =>
      pairs.evaluate(
        space.pair.id,
        { satisfaction, goalsReached, recommend: recommend ?? 0, suggestion: suggestion.trim() },
        mine,
      ),
    );
  };
  return (
    <Surface aria-labelledby="evaluation-title">
      <Subtitle1 as="h2" id="evaluation-title">
        {t('pair.evaluation.title')}
      </Subtitle1>
      <Body1>{t(mine ? 'pair.evaluation.thanks' : 'pair.evaluation.intro')}</Body1>
      {failure !== undefined && <ErrorState error={failure} />}
      <form className={styles.form} onSubmit={submit}>
        <Field label={t('pair.evaluation.satisfaction')}>
          <Rating value={satisfaction} onChange={(_, d) => setSatisfaction(d.value)} max={5} />
        </Field>
        <Field label={t('pair.evaluation.goalsReached')}>
          <Rating value={goalsReached} onChange={(_, d) => setGoalsReached(d.value)} max={5} />
        </Field>
        <Field
          label={t('pair.evaluation.recommend')}
          hint={`${t('pair.evaluation.recommendLow')} · ${t('pair.evaluation.recommendHigh')}`}
        >
          <RadioGroup
            layout="horizontal"
            className={styles.scale}
            value={recommend === undefined ? '' : String(recommend)}
            onChange={(_, d) => setRecommend(Number(d.value))}
          >
            {SCALE.map((n) => (
              <Radio key={n} value={n} label={n} />
            ))}
          </RadioGroup>
        </Field>
        <Field label={t('pair.evaluation.suggestion')} hint={t('pair.evaluation.suggestionHint')}>
          <Textarea
            value={suggestion}
            onChange={(_, d) => setSuggestion(d.value)}
            maxLength={2000}
          />
        </Field>
        <div>
          <Button
            type="submit"
            appearance="primary"
            disabled={satisfaction < 1 || goalsReached < 1 || recommend === undefined}
          >
            {t(mine ? 'pair.evaluation.update' : 'pair.evaluation.send')}
          </Button>
        </div>
      </form>
    </Surface>
  );
}
