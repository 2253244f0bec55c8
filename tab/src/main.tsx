import { createApiClient } from './api/client';
import { browserLocale, detectHost, mayBeInHost, startTeams } from './host/host';
import { LocalSignIn } from './host/local-sign-in';
import { loadTabConfig } from './host/tab-config';
import { createI18n, languageOf, preloadLanguage } from './i18n/i18n';
import { loadTheme } from './theme/theme';

/** What the home page shows first: asked for while the rest of the tab loads. */
const HOME_REQUESTS = ['/me', '/programmes', '/applications/me', '/pairs/me'];

// Outside a host the language is known at once: its chunk need not wait for the config. Inside
// one, teams-js and the SSO token request start now, while the config and the screens load.
if (mayBeInHost()) void startTeams();
else preloadLanguage(languageOf(browserLocale()));

async function boot(): Promise<void> {
  const config = await loadTabConfig();
  const localSignIn = new LocalSignIn(config);
  const host = await detectHost(config, async () => {
    const token = localSignIn.current();
    if (!token) throw new Error('Not signed in');
    return token;
  });
  const api = createApiClient(config.apiBaseUrl, host.getToken);
  const signedIn = host.kind === 'microsoft365' || localSignIn.current() !== undefined;
  if (signedIn && !host.deepLink && window.location.pathname === '/') api.prefetch(HOME_REQUESTS);
  if (!signedIn) {
    // Outside Teams with nobody signed in: the sign-in screen and its list come next.
    localSignIn.prefetchPeople();
    import('./pages/sign-in/SignInPage').catch(() => {});
  }
  // The entry stays small so that the requests above leave first; React, Fluent and the screens
  // (downloaded meanwhile: index.html preloads them) are evaluated while the answers travel.
  const [i18n, theme, { renderTab }, localClock] = await Promise.all([
    createI18n(languageOf(host.locale)),
    loadTheme(host.theme),
    import('./render-tab'),
    // The demo clock exists only locally (npm start); a deployed tab's config says `production`.
    // Its code and time arrive before the first render, so no request of it is left in flight.
    config.mode === 'local' && config.demoClock
      ? import('./components/local/LocalClock').then((m) => m.loadLocalClock())
      : undefined,
  ]);
  document.documentElement.lang = i18n.language;
  renderTab({ api, host, i18n, localSignIn, signedIn, theme }, localClock?.(i18n, theme));
}

boot().catch((error: unknown) => {
  console.error(error);
  const root = document.getElementById('root');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent = error instanceof Error ? error.message : String(error);
  }
});
