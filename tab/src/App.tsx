import {
  FluentProvider,
  makeStyles,
  Spinner,
  type Theme,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from './api/client';
import type { HostContext } from './host/host';
import type { LocalSignIn } from './host/local-sign-in';
import { TranslationProvider } from './i18n/react';
import type { Translator } from './i18n/translator';
import { SignedIn } from './SignedIn';
import { loadTheme } from './theme/theme';

// Only a plain browser (npm start) ever shows the local sign-in: Teams never downloads it.
const SignInPage = lazy(() =>
  import('./pages/sign-in/SignInPage').then((m) => ({ default: m.SignInPage })),
);

// The page's own surface. Not on the FluentProvider: Fluent gives the provider's className to
// every portal mount node too (drop-downs, menus, dialogs, tooltips, chart callouts), and a
// full-height opaque layer there would cover the page and swallow every click.
const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

export interface AppProps {
  api: ApiClient;
  host: HostContext;
  i18n: Translator;
  localSignIn: LocalSignIn;
  /** Whether a token is at hand on arrival (SSO in a host, a live local session otherwise). */
  signedIn: boolean;
  /** The host's theme at start-up, already loaded. */
  theme: Theme;
}

export function App({
  api,
  host,
  i18n,
  localSignIn,
  signedIn: signedInAtStart,
  theme: initialTheme,
}: AppProps) {
  const styles = useStyles();
  const [theme, setTheme] = useState(initialTheme);
  const [signedIn, setSignedIn] = useState(signedInAtStart);
  useEffect(() => {
    // Themes load on demand: the last change asked for wins, whatever order the chunks arrive in.
    let latest = 0;
    const unsubscribe = host.onThemeChange((name) => {
      const asked = ++latest;
      loadTheme(name).then(
        (loaded) => asked === latest && setTheme(loaded),
        (error: unknown) => console.error(error),
      );
    });
    return () => {
      latest = Number.NaN;
      unsubscribe();
    };
  }, [host]);
  const signOut = useMemo(
    () =>
      host.kind === 'browser'
        ? () => {
            localSignIn.signOut();
            setSignedIn(false);
          }
        : undefined,
    [host, localSignIn],
  );

  return (
    <TranslationProvider i18n={i18n}>
      <FluentProvider theme={theme} dir="ltr">
        <div className={styles.page}>
          {signedIn ? (
            <SignedIn
              api={api}
              deepLink={host.deepLink}
              signOut={signOut}
              inHost={host.kind === 'microsoft365'}
            />
          ) : (
            <Suspense fallback={<Spinner label={i18n.t('app.loading')} />}>
              <SignInPage localSignIn={localSignIn} onSignedIn={() => setSignedIn(true)} />
            </Suspense>
          )}
        </div>
      </FluentProvider>
    </TranslationProvider>
  );
}
