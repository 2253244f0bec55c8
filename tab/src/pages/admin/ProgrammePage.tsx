import {
  Badge,
  Caption1,
  makeStyles,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect } from 'react';
import { useLocation } from 'wouter';
import { AppLink } from '../../components/AppLink';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useSession } from '../../components/session';
import { useAction, useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';

// Each section's code loads when HR opens it: the progress charts alone are ≈ 48 kB gzip.
const ApplicantSettings = lazy(() =>
  import('./ApplicantSettings').then((m) => ({ default: m.ApplicantSettings })),
);
const Applications = lazy(() =>
  import('./ApplicationsPanel').then((m) => ({ default: m.Applications })),
);
const MatchingBoard = lazy(() =>
  import('./MatchingBoard').then((m) => ({ default: m.MatchingBoard })),
);
const BookingPanel = lazy(() =>
  import('./BookingPanel').then((m) => ({ default: m.BookingPanel })),
);
const ProgressPanel = lazy(() =>
  import('./ProgressPanel').then((m) => ({ default: m.ProgressPanel })),
);
const EvaluationPanel = lazy(() =>
  import('./EvaluationPanel').then((m) => ({ default: m.EvaluationPanel })),
);

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  nav: { flexWrap: 'wrap' },
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

const isPanel = (value: string | undefined): value is Panel =>
  (PANELS as readonly string[]).includes(value ?? '');

/**
 * One programme for HR: applications, matching, booking, progress and the evaluation. The section
 * is part of the address (`/admin/programmes/:id/:section`), so a reload or a deep link lands on it.
 */
export function ProgrammePage({ programmeId, section }: { programmeId: string; section?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const [programme, reload] = useAsync(() => api.getProgramme(programmeId), [programmeId]);
  const [, navigate] = useLocation();
  const [act, failure] = useAction(reload);
  const open = (name: Panel, replace = false) =>
    navigate(`/admin/programmes/${programmeId}/${name}`, { replace });
  // Without a section in the address the stage picks one, written into the address at once: it
  // then stays where HR is (confirming moves the programme to running, and HR still reads the
  // confirmation on the board).
  const stage = programme.status === 'ready' ? programme.value.status : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address is written once per arrival
  useEffect(() => {
    if (stage && !isPanel(section)) open(panelFor(stage), true);
  }, [stage, section]);

  if (programme.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (programme.status === 'error') return <ErrorState error={programme.error} onRetry={reload} />;
  const p = programme.value;
  const shown = isPanel(section) ? section : panelFor(p.status);
  return (
    <div className={styles.page}>
      <AppLink href="/admin">{t('admin.back')}</AppLink>
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
      {/* Teams' own section switcher. Its arrow-key focus sentinels are tabster's, which axe
          reports as aria-hidden-focus: the documented false positive (test/e2e/browser.ts). */}
      <TabList
        aria-label={t('admin.sections')}
        className={styles.nav}
        selectedValue={shown}
        onTabSelect={(_, data) => isPanel(String(data.value)) && open(data.value as Panel)}
      >
        {PANELS.map((name) => (
          <Tab key={name} value={name}>
            {t(`admin.panels.${name}`)}
          </Tab>
        ))}
      </TabList>
      <section aria-labelledby="panel-title">
        <Subtitle1 as="h2" id="panel-title">
          {t(`admin.panels.${shown}`)}
        </Subtitle1>
        <Suspense fallback={<Spinner label={t('app.loading')} />}>
          {shown === 'applications' && (
            <div className={styles.page}>
              <ApplicantSettings programme={p} onProgrammeChange={reload} />
              <Applications programme={p} />
            </div>
          )}
          {shown === 'matching' && <MatchingBoard programme={p} onProgrammeChange={reload} />}
          {shown === 'booking' && <BookingPanel programme={p} />}
          {shown === 'progress' && <ProgressPanel programmeId={p.id} />}
          {shown === 'evaluation' && (
            <EvaluationPanel programmeId={p.id} programme={p} onProgrammeChange={reload} />
          )}
        </Suspense>
      </section>
    </div>
  );
}
