import {
  Badge,
  Body1,
  makeStyles,
  Spinner,
  Subtitle1,
  Subtitle2,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useSession } from '../../components/session';
import { useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { EvaluationPanel } from '../admin/EvaluationPanel';
import { ProgressPanel } from '../admin/ProgressPanel';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // A badge as wide as its words, not stretched across a narrow card's column.
  badge: { alignSelf: 'flex-start' },
});

/**
 * The external advisor's view (Tandem.Advisor): each programme's aggregates and evaluation scores,
 * never a person's notes or a pair's details.
 */
export function AdvisorPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const [programmes, reload] = useAsync(() => api.listProgrammes(), [api]);
  if (programmes.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (programmes.status === 'error')
    return <ErrorState error={programmes.error} onRetry={reload} />;
  const running = programmes.value.filter((p) => p.status === 'running' || p.status === 'closed');
  return (
    <div className={styles.page}>
      <Title2 as="h1">{t('advisor.title')}</Title2>
      <Body1>{t('advisor.intro')}</Body1>
      {running.length === 0 && <Body1>{t('advisor.none')}</Body1>}
      {running.map((p) => (
        <Surface key={p.id} aria-labelledby={`advisor-${p.id}`}>
          <Subtitle1 as="h2" id={`advisor-${p.id}`}>
            {p.name}
          </Subtitle1>
          <Badge appearance="tint" className={styles.badge}>
            {t(`programmes.kind.${p.kind}`)} · {t(`programmes.status.${p.status}`)}
          </Badge>
          <ProgressPanel programmeId={p.id} />
          <Subtitle2 as="h3">{t('admin.panels.evaluation')}</Subtitle2>
          <EvaluationPanel programmeId={p.id} />
        </Surface>
      ))}
    </div>
  );
}
