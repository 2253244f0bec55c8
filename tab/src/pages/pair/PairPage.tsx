import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  Spinner,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { pairsApi } from '../../api/pairs';
import { AppLink } from '../../components/AppLink';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useSession } from '../../components/session';
import { useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { ActivitiesSection } from './ActivitiesSection';
import { AgendaSection } from './AgendaSection';
import { EvaluationSection } from './EvaluationSection';
import { GoalsSection } from './GoalsSection';
import { NotesSection } from './NotesSection';
import { SessionsSection } from './SessionsSection';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
  grid: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(320px, 100%), 1fr))',
    alignItems: 'start',
  },
});

/**
 * A pair's page (deep link `pairs/{id}`): the series' sessions, the shared agenda and notes, my
 * private notes, the mentee's goals, executive activities, feedback and the evaluation.
 */
export function PairPage({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const pairs = useMemo(() => pairsApi(api), [api]);
  const [space, reload] = useAsync(() => pairs.space(pairId), [pairId, pairs]);

  if (space.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (space.status === 'error') {
    return (
      <div className={styles.page}>
        <ErrorState error={space.error} onRetry={reload} />
        <AppLink href="/">{t('notFound.home')}</AppLink>
      </div>
    );
  }
  const s = space.value;
  const other = s.pair.other.name;
  return (
    <div className={styles.page}>
      <Surface>
        <div className={styles.header}>
          <Title2 as="h1">
            {t(s.pair.role === 'mentee' ? 'pair.titleMentee' : 'pair.titleMentor', { name: other })}
          </Title2>
          {s.ended ? (
            <Badge appearance="tint" color="informative">
              {t('pairEnded.badge')}
            </Badge>
          ) : (
            <Badge appearance="tint">{t(`pairs.status.${s.pair.status}`)}</Badge>
          )}
        </div>
        <Caption1>{s.pair.programmeName}</Caption1>
        {s.joinUrl ? (
          <div>
            <Button as="a" appearance="primary" href={s.joinUrl} target="_blank" rel="noreferrer">
              {t('pair.join')}
            </Button>
          </div>
        ) : (
          <Body1>{t('pair.notBookedYet')}</Body1>
        )}
      </Surface>
      <SessionsSection space={s} pairs={pairs} onChange={reload} />
      <div className={styles.grid}>
        <AgendaSection space={s} pairs={pairs} onChange={reload} />
        <GoalsSection space={s} pairs={pairs} onChange={reload} />
        <NotesSection space={s} pairs={pairs} onChange={reload} />
        {s.activities && <ActivitiesSection space={s} pairs={pairs} onChange={reload} />}
      </div>
      {s.evaluation.open && <EvaluationSection space={s} pairs={pairs} onChange={reload} />}
    </div>
  );
}

export type PairsApi = ReturnType<typeof pairsApi>;
export interface SectionProps {
  space: import('../../api/pairs').PairSpaceView;
  pairs: PairsApi;
  onChange: () => void;
}
