import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import type { Me } from '../../functions/src/http/contracts';
import type { ApiClient } from './api/client';
import { AppShell } from './components/AppShell';
import { ErrorState } from './components/ErrorState';
import { SessionContext } from './components/session';
import { useAsync } from './components/useAsync';
import { pathOfDeepLink } from './deep-link';
import { catalogueComplete } from './i18n/i18n';
import { useTranslation } from './i18n/react';
import { HomePage } from './pages/home/HomePage';

/**
 * A screen past the first: its code and the rest of the catalogue (i18n/sections.ts) arrive
 * together, behind the same Suspense spinner, so it never renders a sentence not yet loaded.
 */
function screen<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), catalogueComplete()]).then(([module]) => module);
}

// HR's screens load only for HR (initial JavaScript stays small for everyone else).
const AdminPage = lazy(
  screen(() => import('./pages/admin/AdminPage').then((m) => ({ default: m.AdminPage }))),
);
// A wrong address is rare: its page (and Fluent's Link) stays out of the first download.
const NotFoundPage = lazy(
  screen(() => import('./pages/not-found/NotFoundPage').then((m) => ({ default: m.NotFoundPage }))),
);
// One programme's HR screens (matching, booking, progress with charts) and the advisor's view.
const ProgrammePage = lazy(
  screen(() => import('./pages/admin/ProgrammePage').then((m) => ({ default: m.ProgrammePage }))),
);
const AdvisorPage = lazy(
  screen(() => import('./pages/advisor/AdvisorPage').then((m) => ({ default: m.AdvisorPage }))),
);
// A pair's page loads when someone opens it (from home or a deep link).
const PairPage = lazy(
  screen(() => import('./pages/pair/PairPage').then((m) => ({ default: m.PairPage }))),
);
// The application form loads when someone opens it.
const ApplyPage = lazy(
  screen(() => import('./pages/apply/ApplyPage').then((m) => ({ default: m.ApplyPage }))),
);

/** Everything after sign-in: who you are (from /api/me), the shell, and the tab's routes. */
export function SignedIn({
  api,
  deepLink,
  signOut,
  inHost = false,
}: {
  api: ApiClient;
  deepLink?: string;
  signOut?: () => void;
  inHost?: boolean;
}) {
  const { t } = useTranslation();
  const [me, reload] = useAsync(
    () => api.me(),
    [api],
    () => api.arrived(['/me'])?.[0] as Me | undefined,
  );
  const [, navigate] = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a deep link is followed once, on arrival
  useEffect(() => {
    if (deepLink) navigate(pathOfDeepLink(deepLink), { replace: true });
  }, []);
  const session = useMemo(
    () => (me.status === 'ready' ? { me: me.value, api, signOut, inHost } : null),
    [me, api, signOut, inHost],
  );

  const pairPage = (pairId: string) => (
    <Suspense fallback={<Spinner label={t('app.loading')} />}>
      <PairPage pairId={pairId} />
    </Suspense>
  );
  if (me.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (me.status === 'error') return <ErrorState error={me.error} onRetry={reload} />;
  return (
    <SessionContext.Provider value={session}>
      <AppShell>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/programmes/:programmeId/apply">
            {(params) => (
              <Suspense fallback={<Spinner label={t('app.loading')} />}>
                <ApplyPage programmeId={params.programmeId} />
              </Suspense>
            )}
          </Route>
          <Route path="/pairs/:pairId">{(params) => pairPage(params.pairId)}</Route>
          <Route path="/pairs/:pairId/sessions/:index">{(params) => pairPage(params.pairId)}</Route>
          <Route path="/admin/programmes/:programmeId/:section?">
            {(params) => (
              <Suspense fallback={<Spinner label={t('app.loading')} />}>
                {session?.me.isAdmin ? (
                  <ProgrammePage programmeId={params.programmeId} section={params.section} />
                ) : (
                  <NotFoundPage />
                )}
              </Suspense>
            )}
          </Route>
          <Route path="/advisor">
            <Suspense fallback={<Spinner label={t('app.loading')} />}>
              {session?.me.isAdvisor || session?.me.isAdmin ? <AdvisorPage /> : <NotFoundPage />}
            </Suspense>
          </Route>
          <Route path="/admin">
            {session?.me.isAdmin ? (
              <Suspense fallback={<Spinner label={t('app.loading')} />}>
                <AdminPage />
              </Suspense>
            ) : (
              <Suspense fallback={<Spinner label={t('app.loading')} />}>
                <NotFoundPage />
              </Suspense>
            )}
          </Route>
          <Route>
            <Suspense fallback={<Spinner label={t('app.loading')} />}>
              <NotFoundPage />
            </Suspense>
          </Route>
        </Switch>
      </AppShell>
    </SessionContext.Provider>
  );
}
