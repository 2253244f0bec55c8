import { Spinner } from '@fluentui/react-components';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation } from 'wouter';
import type { ApiClient } from './api/client';
import { AppShell } from './components/AppShell';
import { ErrorState } from './components/ErrorState';
import { SessionContext } from './components/session';
import { useAsync } from './components/useAsync';
import { pathOfDeepLink } from './deep-link';
import { HomePage } from './pages/home/HomePage';
import { NotFoundPage } from './pages/not-found/NotFoundPage';

/** Everything after sign-in: who you are (from /api/me), the shell, and the tab's routes. */
export function SignedIn({
  api,
  deepLink,
  signOut,
}: {
  api: ApiClient;
  deepLink?: string;
  signOut?: () => void;
}) {
  const { t } = useTranslation();
  const [me, reload] = useAsync(() => api.me(), [api]);
  const [, navigate] = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a deep link is followed once, on arrival
  useEffect(() => {
    if (deepLink) navigate(pathOfDeepLink(deepLink), { replace: true });
  }, []);
  const session = useMemo(
    () => (me.status === 'ready' ? { me: me.value, api, signOut } : null),
    [me, api, signOut],
  );

  if (me.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (me.status === 'error') return <ErrorState error={me.error} onRetry={reload} />;
  return (
    <SessionContext.Provider value={session}>
      <AppShell>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route component={NotFoundPage} />
        </Switch>
      </AppShell>
    </SessionContext.Provider>
  );
}
