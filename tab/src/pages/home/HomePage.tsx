import {
  Badge,
  Button,
  Caption1,
  Card,
  makeStyles,
  Spinner,
  Subtitle2,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

const useStyles = makeStyles({
  main: {
    maxWidth: '960px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  roles: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function HomePage({ api, onSignOut }: { api: ApiClient; onSignOut?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [me, reload] = useAsync(() => api.me(), [api]);

  return (
    <main className={styles.main}>
      <header className={styles.header}>
        <Subtitle2 as="p">{t('app.name')}</Subtitle2>
        {onSignOut && (
          <Button appearance="subtle" onClick={onSignOut}>
            {t('signIn.signOut')}
          </Button>
        )}
      </header>
      {me.status === 'loading' && <Spinner label={t('app.loading')} />}
      {me.status === 'error' && <ErrorState error={me.error} onRetry={reload} />}
      {me.status === 'ready' && (
        <Card>
          <Title2 as="h1">{t('home.greeting', { name: me.value.name })}</Title2>
          <Caption1>{t('home.signedInAs', { username: me.value.username })}</Caption1>
          <section aria-label={t('home.yourRoles')} className={styles.roles}>
            {(me.value.roles.length > 0 ? me.value.roles : ['employee']).map((role) => (
              <Badge key={role} appearance="tint">
                {t(`signIn.roles.${role}`, { defaultValue: role })}
              </Badge>
            ))}
          </section>
        </Card>
      )}
    </main>
  );
}
