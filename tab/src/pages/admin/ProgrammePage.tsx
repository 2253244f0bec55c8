import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  Spinner,
  Subtitle1,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useSession } from '../../components/session';
import { useAction, useAsync } from '../../components/useAsync';
import { Applications } from './ApplicationsPanel';
import { BookingPanel } from './BookingPanel';
import { EvaluationPanel } from './EvaluationPanel';
import { MatchingBoard } from './MatchingBoard';
import { ProgressPanel } from './ProgressPanel';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
});

const PANELS = ['applications', 'matching', 'booking', 'progress', 'evaluation'] as const;
type Panel = (typeof PANELS)[number];

/** Where a programme's stage puts HR first. */
function panelFor(status: string): Panel {
  if (status === 'matching') return 'matching';
  if (status === 'running') return 'booking';
  if (status === 'closed') return 'evaluation';
  return 'applications';
}

/** One programme for HR: applications, matching, booking, progress and the evaluation. */
export function ProgrammePage({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const [programme, reload] = useAsync(() => api.getProgramme(programmeId), [programmeId]);
  const [panel, setPanel] = useState<Panel>();
  const [act, failure] = useAction(reload);

  if (programme.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (programme.status === 'error') return <ErrorState error={programme.error} onRetry={reload} />;
  const p = programme.value;
  // The stage picks the first section; after that the section stays where HR put it (confirming
  // moves the programme to running, and HR still reads the confirmation on the board).
  const shown = panel ?? panelFor(p.status);
  if (panel === undefined) setPanel(shown);
  return (
    <div className={styles.page}>
      <Link href="/admin">{t('admin.back')}</Link>
      <Surface>
        <div className={styles.header}>
          <Title2 as="h1">{p.name}</Title2>
          <Badge appearance="tint">
            {t(`programmes.kind.${p.kind}`)} · {t(`programmes.status.${p.status}`)}
          </Badge>
        </div>
        <Caption1>{p.objectives}</Caption1>
        {failure !== undefined && <ErrorState error={failure} />}
        {p.status === 'running' && (
          <div>
            <ConfirmAction
              title={t('confirm.closeProgramme.title', { name: p.name })}
              body={t('confirm.closeProgramme.body')}
              confirmLabel={t('confirm.closeProgramme.action')}
              onConfirm={() => act(() => api.changeStatus(p.id, 'closed', p.etag))}
            >
              {t('admin.closeProgramme')}
            </ConfirmAction>
          </div>
        )}
      </Surface>
      {/* Sections as a plain navigation: TabList's arrow-key focus guards read as hidden focusable
          elements to screen readers (axe aria-hidden-focus). */}
      <nav aria-label={t('admin.sections')} className={styles.nav}>
        {PANELS.map((name) => (
          <Button
            key={name}
            appearance={name === shown ? 'primary' : 'subtle'}
            aria-current={name === shown ? 'true' : undefined}
            onClick={() => setPanel(name)}
          >
            {t(`admin.panels.${name}`)}
          </Button>
        ))}
      </nav>
      <section aria-labelledby="panel-title">
        <Subtitle1 as="h2" id="panel-title">
          {t(`admin.panels.${shown}`)}
        </Subtitle1>
        {shown === 'applications' && <Applications programme={p} />}
        {shown === 'matching' && <MatchingBoard programme={p} onProgrammeChange={reload} />}
        {shown === 'booking' && <BookingPanel programme={p} />}
        {shown === 'progress' && <ProgressPanel programmeId={p.id} />}
        {shown === 'evaluation' && (
          <EvaluationPanel programmeId={p.id} programme={p} onProgrammeChange={reload} />
        )}
      </section>
    </div>
  );
}
