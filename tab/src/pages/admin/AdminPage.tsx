import {
  Badge,
  Body1,
  Button,
  Card,
  CardHeader,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeView } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useAction, useAsync } from '../../components/useAsync';

const KINDS = ['classic', 'reverse', 'executive'] as const;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
});

function Applications({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const styles = useStyles();
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
        <Table aria-label={t('admin.applications')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('admin.person')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.role')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.topics')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.status')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((a) => {
              const decidable = a.status === 'submitted' || a.status === 'approved';
              return (
                <TableRow key={a.personId}>
                  <TableCell>{a.personName || a.personId}</TableCell>
                  <TableCell>{t(`admin.${a.role}`)}</TableCell>
                  <TableCell>{(a.role === 'mentee' ? a.wants : a.offers).join(', ')}</TableCell>
                  <TableCell>{t(`programmes.applicationStatus.${a.status}`)}</TableCell>
                  <TableCell>
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
                          <Button
                            size="small"
                            disabled={!reasons[a.personId]?.trim()}
                            onClick={() => act(() => api.reject(a, reasons[a.personId]!.trim()))}
                          >
                            {t('admin.reject')}
                          </Button>
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

/** HR's area (Tandem.Admin): programmes from the templates, the call, the applications. */
export function AdminPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const [programmes, reload] = useAsync(() => api.listProgrammes(), [api]);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('classic');
  const [name, setName] = useState('');
  const [run, failure] = useAction(reload);

  function create(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api.createProgramme({ kind, ...(name.trim() ? { name: name.trim() } : {}) });
      setName('');
    });
  }

  return (
    <div className={styles.stack}>
      <Title2 as="h1">{t('admin.title')}</Title2>
      {failure !== undefined && <ErrorState error={failure} />}
      <Card>
        <Subtitle1 as="h2">{t('admin.create')}</Subtitle1>
        <form className={styles.row} onSubmit={create}>
          <Field label={t('admin.template')}>
            <Dropdown
              value={t(`programmes.kind.${kind}`)}
              selectedOptions={[kind]}
              onOptionSelect={(_, d) => setKind(d.optionValue as (typeof KINDS)[number])}
            >
              {KINDS.map((k) => (
                <Option key={k} value={k}>
                  {t(`programmes.kind.${k}`)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t('admin.name')}>
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
          <Button appearance="primary" type="submit">
            {t('admin.createButton')}
          </Button>
        </form>
      </Card>
      {programmes.status === 'loading' && <Spinner label={t('app.loading')} />}
      {programmes.status === 'error' && <ErrorState error={programmes.error} onRetry={reload} />}
      {programmes.status === 'ready' &&
        programmes.value.map((p) => (
          <Card key={p.id}>
            <CardHeader
              header={<Subtitle1 as="h2">{p.name}</Subtitle1>}
              description={
                <Badge appearance="tint">
                  {t(`programmes.kind.${p.kind}`)} · {t(`programmes.status.${p.status}`)}
                </Badge>
              }
            />
            <div className={styles.row}>
              {p.status === 'draft' && (
                <>
                  <Button onClick={() => run(() => api.changeStatus(p.id, 'open', p.etag))}>
                    {t('admin.openCall')}
                  </Button>
                  <Button onClick={() => run(() => api.changeStatus(p.id, 'pilot', p.etag))}>
                    {t('admin.startPilot')}
                  </Button>
                </>
              )}
            </div>
            {p.status !== 'draft' && <Applications programme={p} />}
          </Card>
        ))}
    </div>
  );
}
