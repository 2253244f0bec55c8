import {
  Body1,
  Button,
  Field,
  Input,
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
import { useState } from 'react';
import type { ProgrammeView } from '../../api/client';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useStackedTable } from '../../components/stacked-table';
import { useAction, useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
});

/** A programme's applications: HR approves mentors (rule 2) and rejects with a reason. */
export function Applications({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stacked = useStackedTable();
  const { api } = useSession();
  const [applications, reload] = useAsync(() => api.listApplications(programme.id), [programme.id]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [act, failure] = useAction(reload);

  if (applications.status === 'loading') return <Spinner size="tiny" label={t('app.loading')} />;
  if (applications.status === 'error')
    return <ErrorState error={applications.error} onRetry={reload} />;
  const list = applications.value;
  return (
    <section aria-label={t('admin.applications')} className={styles.stack}>
      <Body1>{t('admin.applicationCount', { count: list.length })}</Body1>
      {failure !== undefined && <ErrorState error={failure} />}
      {list.length === 0 ? (
        <Body1>{t('admin.noApplications')}</Body1>
      ) : (
        <Table className={stacked.table} aria-label={t('admin.applications')}>
          <TableHeader className={stacked.header}>
            <TableRow>
              <TableHeaderCell>{t('admin.person')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.role')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.topics')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.status')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody className={stacked.body}>
            {list.map((a) => {
              const decidable = a.status === 'submitted' || a.status === 'approved';
              return (
                <TableRow className={stacked.row} key={a.personId}>
                  <TableCell className={stacked.cell} data-label={t('admin.person')}>
                    {a.personName || a.personId}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('admin.role')}>
                    {t(`admin.${a.role}`)}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('admin.topics')}>
                    {(a.role === 'mentee' ? a.wants : a.offers).join(', ')}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('admin.status')}>
                    {t(`programmes.applicationStatus.${a.status}`)}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('admin.actions')}>
                    <div className={styles.row}>
                      {a.role === 'mentor' && a.status === 'submitted' && (
                        <Button size="small" onClick={() => act(() => api.approve(a))}>
                          {t('admin.approve')}
                        </Button>
                      )}
                      {decidable && (
                        <>
                          <Field
                            label={t('admin.rejectReason', { name: a.personName || a.personId })}
                            size="small"
                          >
                            <Input
                              size="small"
                              value={reasons[a.personId] ?? ''}
                              onChange={(_, d) =>
                                setReasons((r) => ({ ...r, [a.personId]: d.value }))
                              }
                            />
                          </Field>
                          <ConfirmAction
                            size="small"
                            disabled={!reasons[a.personId]?.trim()}
                            title={t('confirm.rejectApplication.title', {
                              name: a.personName || a.personId,
                            })}
                            body={
                              <>
                                <p>
                                  {t('confirm.rejectApplication.body', {
                                    name: a.personName || a.personId,
                                    reason: reasons[a.personId]?.trim() ?? '',
                                  })}
                                </p>
                                {/* Whether the applicant reads the reason is the programme's
                                    setting (ApplicantSettings): HR knows before confirming. */}
                                <p>
                                  {t(
                                    programme.showRejectionReason
                                      ? 'confirm.rejectApplication.reasonShown'
                                      : 'confirm.rejectApplication.reasonHidden',
                                  )}
                                </p>
                              </>
                            }
                            confirmLabel={t('confirm.rejectApplication.action')}
                            onConfirm={() => act(() => api.reject(a, reasons[a.personId]!.trim()))}
                          >
                            {t('admin.reject')}
                          </ConfirmAction>
                        </>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
