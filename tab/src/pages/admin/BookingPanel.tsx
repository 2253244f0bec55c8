import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
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
import { useEffect, useMemo } from 'react';
import type { ProgrammeView } from '../../api/client';
import { type BookingView, hrApi } from '../../api/hr';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useStackedTable } from '../../components/stacked-table';
import { useAction, useAsync } from '../../components/useAsync';
import { formatDate, formatSessionTime } from '../../i18n/format';
import { useTranslation } from '../../i18n/react';
import { useLocale } from '../../i18n/use-locale';
import { reasonText } from './reasons';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  flags: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** While any pair is still being booked, the view refreshes itself this often. */
const POLL_MS = 3000;

const STATUS_COLOR: Record<
  BookingView['status'],
  'success' | 'informative' | 'danger' | 'warning'
> = {
  queued: 'informative',
  booked: 'success',
  refused: 'danger',
  failed: 'warning',
  ended: 'informative',
};

function refusalText(t: ReturnType<typeof useTranslation>['t'], booking: BookingView): string {
  const refusal = booking.refusal!;
  const params =
    refusal.code === 'reportingLine' && Array.isArray(refusal.line)
      ? { line: (refusal.line as string[]).join(' → ') }
      : (refusal as Record<string, unknown>);
  return reasonText(t, { code: refusal.code, params, text: refusal.code });
}

/** How fresh the directory is, and a button to bring it up to date now (org sync). */
function DirectoryFreshness() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const { api } = useSession();
  const hr = useMemo(() => hrApi(api), [api]);
  const [status, reload] = useAsync(() => hr.directory(), [hr]);
  const [act, failure] = useAction(reload);
  return (
    <div className={styles.row}>
      {status.status === 'ready' && (
        <Caption1>
          {status.value.syncedAt
            ? t('booking.directorySynced', {
                count: status.value.people,
                when: formatSessionTime(status.value.syncedAt, locale),
              })
            : t('booking.directoryNever')}
        </Caption1>
      )}
      <Button size="small" onClick={() => act(() => hr.syncDirectory())}>
        {t('booking.syncNow')}
      </Button>
      {failure !== undefined && <ErrorState error={failure} />}
    </div>
  );
}

/** Booking with live progress per pair (PRODUCT rule 5), and what needs HR's attention. */
export function BookingPanel({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const stacked = useStackedTable();
  const { api } = useSession();
  const hr = useMemo(() => hrApi(api), [api]);
  const [bookings, reload] = useAsync(() => hr.bookings(programme.id), [programme.id, hr]);
  const inProgress =
    bookings.status === 'ready' && bookings.value.some((b) => b.status === 'queued');
  useEffect(() => {
    if (!inProgress) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [inProgress, reload]);

  if (bookings.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (bookings.status === 'error') return <ErrorState error={bookings.error} onRetry={reload} />;
  const list = bookings.value;
  const booked = list.filter((b) => b.status === 'booked').length;
  return (
    <div className={styles.stack}>
      <DirectoryFreshness />
      {list.length === 0 ? (
        <Body1>{t('booking.none')}</Body1>
      ) : (
        <>
          <div className={styles.row} aria-live="polite">
            <Body1>{t('booking.progress', { count: list.length, booked })}</Body1>
            {inProgress && <Spinner size="tiny" label={t('booking.inProgress')} />}
          </div>
          <Table className={stacked.table} aria-label={t('booking.title')}>
            <TableHeader className={stacked.header}>
              <TableRow>
                <TableHeaderCell>{t('admin.mentee')}</TableHeaderCell>
                <TableHeaderCell>{t('admin.mentor')}</TableHeaderCell>
                <TableHeaderCell>{t('admin.status')}</TableHeaderCell>
                <TableHeaderCell>{t('booking.first')}</TableHeaderCell>
                <TableHeaderCell>{t('booking.answers')}</TableHeaderCell>
                <TableHeaderCell>{t('booking.toAct')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody className={stacked.body}>
              {list.map((b) => (
                <TableRow className={stacked.row} key={b.pairId}>
                  <TableCell className={stacked.cell} data-label={t('admin.mentee')}>
                    {b.mentee.name}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('admin.mentor')}>
                    {b.mentor.name}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('admin.status')}>
                    <div className={styles.row}>
                      <Badge appearance="tint" color={STATUS_COLOR[b.status]}>
                        {t(`booking.status.${b.status}`)}
                      </Badge>
                      {b.refusal && <Caption1>{refusalText(t, b)}</Caption1>}
                      {b.joinUrl && (
                        <Link href={b.joinUrl} target="_blank" rel="noreferrer">
                          {t('booking.teamsLink', { mentee: b.mentee.name })}
                        </Link>
                      )}
                    </div>
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('booking.first')}>
                    {b.sessions[0] ? (
                      <>
                        {formatDate(b.sessions[0].start, locale)}
                        <Caption1 block>
                          {t('booking.sessionCount', { count: b.sessions.length })}
                        </Caption1>
                      </>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('booking.answers')}>
                    {b.status === 'booked' || b.status === 'ended' ? (
                      <>
                        {t('booking.answerOf', {
                          name: b.mentor.name,
                          answer: t(`pairs.answer.${b.responses.mentor}`),
                        })}
                        <br />
                        {t('booking.answerOf', {
                          name: b.mentee.name,
                          answer: t(`pairs.answer.${b.responses.mentee}`),
                        })}
                      </>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('booking.toAct')}>
                    {b.flags.length === 0 ? (
                      '—'
                    ) : (
                      <ul className={styles.flags}>
                        {b.flags.map((f) => (
                          <li key={`${f.code}-${String(f.who ?? f.index ?? '')}`}>
                            {t(`booking.flags.${f.code}`, {
                              who: f.who === 'mentor' ? b.mentor.name : b.mentee.name,
                              n: typeof f.index === 'number' ? f.index + 1 : '',
                              days: f.days ?? '',
                              defaultValue: f.code,
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
