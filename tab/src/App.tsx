import {
  FluentProvider,
  makeStyles,
  Spinner,
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import type { i18n } from 'i18next';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createApiClient } from './api/client';
import type { HostContext, ThemeName } from './host/host';
import type { LocalSignIn } from './host/local-sign-in';
import type { TabConfig } from './host/tab-config';
import { SignedIn } from './SignedIn';

// Only a plain browser (npm start) ever shows the local sign-in: Teams never downloads it.
const SignInPage = lazy(() =>
  import('./pages/sign-in/SignInPage').then((m) => ({ default: m.SignInPage })),
);

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

export interface AppProps {
  config: TabConfig;
  host: HostContext;
  i18n: i18n;
  localSignIn: LocalSignIn;
}

export function App({ config, host, i18n, localSignIn }: AppProps) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [signedIn, setSignedIn] = useState(
    host.kind === 'microsoft365' || localSignIn.current() !== undefined,
  );
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const api = useMemo(() => createApiClient(config.apiBaseUrl, host.getToken), [config, host]);
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
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={THEMES[theme]} className={styles.root} dir="ltr">
        {signedIn ? (
          <SignedIn api={api} deepLink={host.deepLink} signOut={signOut} />
        ) : (
          <Suspense fallback={<Spinner label={i18n.t('app.loading')} />}>
            <SignInPage localSignIn={localSignIn} onSignedIn={() => setSignedIn(true)} />
          </Suspense>
        )}
      </FluentProvider>
    </I18nextProvider>
  );
}
