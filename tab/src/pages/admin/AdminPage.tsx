import {
  Badge,
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
  Title2,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import {
  PROGRAMME_KINDS,
  type ProgrammeKind,
} from '../../../../functions/src/domain/programme/kinds';
import { AppLink } from '../../components/AppLink';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useAction, useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { Applications } from './ApplicationsPanel';

const KINDS = PROGRAMME_KINDS;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  manage: { color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightSemibold },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
});

/** HR's area (Tandem.Admin): programmes from the templates, the call, the applications. */
export function AdminPage() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const [programmes, reload] = useAsync(() => api.listProgrammes(), [api]);
  const [kind, setKind] = useState<ProgrammeKind>('classic');
  const [name, setName] = useState('');
  const [run, failure] = useAction(reload);

  function create(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api.createProgramme({
        kind,
        // The template's name and objectives in the language HR reads the tab in.
        language: i18n.language === 'es' ? 'es' : 'en',
        ...(name.trim() ? { name: name.trim() } : {}),
      });
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
              onOptionSelect={(_, d) => setKind(d.optionValue as ProgrammeKind)}
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
                  <ConfirmAction
                    title={t('confirm.openCall.title', { name: p.name })}
                    body={t('confirm.openCall.body')}
                    confirmLabel={t('confirm.openCall.action')}
                    onConfirm={() => run(() => api.changeStatus(p.id, 'open', p.etag))}
                  >
                    {t('admin.openCall')}
                  </ConfirmAction>
                  <ConfirmAction
                    title={t('confirm.startPilot.title', { name: p.name })}
                    body={t('confirm.startPilot.body')}
                    confirmLabel={t('confirm.startPilot.action')}
                    onConfirm={() => run(() => api.changeStatus(p.id, 'pilot', p.etag))}
                  >
                    {t('admin.startPilot')}
                  </ConfirmAction>
                </>
              )}
            </div>
            {p.status !== 'draft' && (
              <AppLink href={`/admin/programmes/${p.id}`} className={styles.manage}>
                {t('admin.manageProgramme', { name: p.name })}
              </AppLink>
            )}
            {p.status !== 'draft' && <Applications programme={p} />}
          </Card>
        ))}
    </div>
  );
}
