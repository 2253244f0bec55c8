import {
  Body1,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ProgrammeView } from '../../api/client';
import { type AuditEntryView, programmeApi } from '../../api/programmes';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useStackedTable } from '../../components/stacked-table';
import { useAsync } from '../../components/useAsync';
import { formatSessionTime } from '../../i18n/format';
import { useTranslation } from '../../i18n/react';
import { useLocale } from '../../i18n/use-locale';
import { CsvExport } from './report-download';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** What an entry names, in words: the fields changed, the status moved to, how many pairs. */
function useDetail() {
  const { t } = useTranslation();
  return (e: AuditEntryView): string => {
    const d = e.details;
    switch (e.action) {
      case 'settingsChanged':
        return (Array.isArray(d.fields) ? d.fields : [])
          .map((f) => t(`admin.settings.fieldName.${f}`, { defaultValue: f }))
          .join(', ');
      case 'statusChanged':
        return t('audit.moved', {
          from: t(`programmes.status.${String(d.from)}`),
          to: t(`programmes.status.${String(d.to)}`),
        });
      case 'confirmed':
        return t('audit.pairs', { count: Array.isArray(d.pairs) ? d.pairs.length : 0 });
      default:
        return '';
    }
  };
}

/**
 * The programme's audit trail for its HR owners (issue #19): every action with who and when,
 * oldest first, and its CSV export. Advisors never reach it (the API answers them 403).
 */
export function AuditPanel({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stacked = useStackedTable();
  const locale = useLocale();
  const { api } = useSession();
  const calls = useMemo(() => programmeApi(api), [api]);
  const [trail, reload] = useAsync(() => calls.audit(programme), [programme.id, programme.etag]);
  const detail = useDetail();

  if (trail.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (trail.status === 'error') return <ErrorState error={trail.error} onRetry={reload} />;
  return (
    <div className={styles.stack}>
      <CsvExport
        label={t('audit.export')}
        download={(reader) => calls.auditReport(programme, reader)}
      />
      {trail.value.length === 0 ? (
        <Body1>{t('audit.none')}</Body1>
      ) : (
        <Table className={stacked.table} aria-label={t('admin.panels.audit')}>
          <TableHeader className={stacked.header}>
            <TableRow>
              <TableHeaderCell>{t('audit.when')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.who')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.what')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.detail')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody className={stacked.body}>
            {trail.value.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the trail is append-only, in order
              <TableRow className={stacked.row} key={`${e.at}-${i}`}>
                <TableCell className={stacked.cell} data-label={t('audit.when')}>
                  {formatSessionTime(e.at, locale)}
                </TableCell>
                <TableCell className={stacked.cell} data-label={t('audit.who')}>
                  {e.by.name}
                </TableCell>
                <TableCell className={stacked.cell} data-label={t('audit.what')}>
                  {t(`audit.action.${e.action}`)}
                </TableCell>
                <TableCell className={stacked.cell} data-label={t('audit.detail')}>
                  {detail(e)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
