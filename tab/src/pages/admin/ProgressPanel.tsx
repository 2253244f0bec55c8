import { HorizontalBarChart } from '@fluentui/react-charts';
import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { hrApi, type ProgressView } from '../../api/hr';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useStackedTable } from '../../components/stacked-table';
import { useAsync } from '../../components/useAsync';
import { formatDate } from '../../i18n/format';
import { useTranslation } from '../../i18n/react';
import { useLocale } from '../../i18n/use-locale';
import { CsvExport } from './report-download';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  figures: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
  },
  figure: { display: 'flex', flexDirection: 'column' },
  big: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/**
 * A programme's progress (PRODUCT rule 8): sessions held vs planned, invitations accepted, goals
 * progressed, feedback, pairs at risk — figures only. HR also sees each pair's row and the CSV.
 */
export function ProgressPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const stacked = useStackedTable();
  const { api, me } = useSession();
  const hr = useMemo(() => hrApi(api), [api]);
  const [progress, reload] = useAsync(() => hr.progress(programmeId), [programmeId, hr]);
  if (progress.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (progress.status === 'error') return <ErrorState error={progress.error} onRetry={reload} />;
  const p: ProgressView = progress.value;
  const invitations = p.invitations.accepted + p.invitations.tentativelyAccepted;
  const sent = invitations + p.invitations.declined + p.invitations.none;
  const bar = (title: string, value: number, total: number, color: string) => ({
    chartTitle: title,
    chartData: [{ legend: title, horizontalBarChartdata: { x: value, total }, color }],
  });
  const percent = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((n / d) * 100)} %`);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <div className={styles.stack}>
      {p.pairs.total === 0 ? (
        <Body1>{t('progress.noPairs')}</Body1>
      ) : (
        <>
          <div className={styles.figures}>
            <div className={styles.figure}>
              <span className={styles.big}>{p.pairs.total}</span>
              <Caption1>{t('progress.pairs', { count: p.pairs.total })}</Caption1>
            </div>
            <div className={styles.figure}>
              <span className={styles.big}>{percent(p.sessions.held, p.sessions.planned)}</span>
              <Caption1>{t('progress.sessionsHeld')}</Caption1>
            </div>
            <div className={styles.figure}>
              <span className={styles.big}>
                {p.feedback.averageRating === null ? '—' : number.format(p.feedback.averageRating)}
              </span>
              <Caption1>{t('progress.averageRating')}</Caption1>
            </div>
            <div className={styles.figure}>
              <span className={styles.big}>{p.atRisk.pairs}</span>
              <Caption1>{t('progress.atRisk', { count: p.atRisk.pairs })}</Caption1>
            </div>
          </div>
          <HorizontalBarChart
            chartDataMode="fraction"
            // A ratio of nothing (no goals set yet, no feedback due) has no bar to draw.
            data={[
              bar(
                t('progress.chart.sessions'),
                p.sessions.held,
                p.sessions.planned,
                tokens.colorPaletteBlueBorderActive,
              ),
              bar(
                t('progress.chart.invitations'),
                invitations,
                sent,
                tokens.colorPaletteGreenBorderActive,
              ),
              bar(
                t('progress.chart.goals'),
                p.goals.progressed,
                p.goals.total,
                tokens.colorPaletteBerryBorderActive,
              ),
              bar(
                t('progress.chart.feedback'),
                p.feedback.given,
                p.feedback.expected,
                tokens.colorPaletteMarigoldBorderActive,
              ),
            ].filter((b) => b.chartData[0]!.horizontalBarChartdata.total > 0)}
          />
          <Subtitle2 as="h3">{t('progress.risksTitle')}</Subtitle2>
          <ul>
            {Object.entries(p.atRisk.byReason)
              .filter(([, n]) => n > 0)
              .map(([code, n]) => (
                <li key={code}>{t(`progress.risk.${code}`, { count: n })}</li>
              ))}
          </ul>
          {p.atRisk.pairs === 0 && <Body1>{t('progress.noRisk')}</Body1>}
          {p.pairs.list && (
            <Table className={stacked.table} aria-label={t('progress.perPair')}>
              <TableHeader className={stacked.header}>
                <TableRow>
                  <TableHeaderCell>{t('admin.mentee')}</TableHeaderCell>
                  <TableHeaderCell>{t('admin.mentor')}</TableHeaderCell>
                  <TableHeaderCell>{t('progress.held')}</TableHeaderCell>
                  <TableHeaderCell>{t('progress.next')}</TableHeaderCell>
                  <TableHeaderCell>{t('progress.goals')}</TableHeaderCell>
                  <TableHeaderCell>{t('progress.risks')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody className={stacked.body}>
                {p.pairs.list.map((pair) => (
                  <TableRow className={stacked.row} key={pair.pairId}>
                    <TableCell className={stacked.cell} data-label={t('admin.mentee')}>
                      {pair.mentee.name}
                    </TableCell>
                    <TableCell className={stacked.cell} data-label={t('admin.mentor')}>
                      {pair.mentor.name}
                    </TableCell>
                    <TableCell className={stacked.cell} data-label={t('progress.held')}>
                      {pair.sessions.held} / {pair.sessions.planned}
                    </TableCell>
                    <TableCell className={stacked.cell} data-label={t('progress.next')}>
                      {pair.nextSession ? formatDate(pair.nextSession, locale) : '—'}
                    </TableCell>
                    <TableCell className={stacked.cell} data-label={t('progress.goals')}>
                      {pair.goals.total === 0
                        ? '—'
                        : `${pair.goals.total} · ${number.format(pair.goals.averageProgress ?? 0)} %`}
                    </TableCell>
                    <TableCell className={stacked.cell} data-label={t('progress.risks')}>
                      <div className={styles.row}>
                        {pair.risks.map((r) => (
                          <Badge key={r} appearance="tint" color="warning">
                            {t(`progress.riskShort.${r}`)}
                          </Badge>
                        ))}
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
      {me.isAdmin && (
        <CsvExport
          label={t('progress.exportCsv')}
          download={(reader) => hr.report(programmeId, reader)}
        />
      )}
    </div>
  );
}
