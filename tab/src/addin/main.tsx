import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { browserLocale } from '../host/host';
import { LocalSignIn } from '../host/local-sign-in';
import { loadTabConfig } from '../host/tab-config';
import { localeFor } from '../i18n/format';
import { createI18n, languageOf } from '../i18n/i18n';
import { TranslationProvider } from '../i18n/react';
import { loadTheme } from '../theme/theme';
import { officeLook, officeReady, officeSsoToken, readCalendarItem } from './office-item';
import { createPaneApi } from './pane-api';
import { paneState } from './pane-state';
import { SessionPane } from './SessionPane';
import { linksOfHtml, pairIdOfLinks } from './session-link';

/**
 * The Outlook pane (manifest `extensions[0]`): Outlook opens `addin.html` beside a calendar item;
 * office.js, loaded from Microsoft's CDN by the page as add-ins must, hands over the item. The
 * pane finds the pair from the invitation's link back to Tandem and shows that pair's space.
 */
async function boot(): Promise<void> {
  const [config, host] = await Promise.all([loadTabConfig(), officeReady()]);
  const inOutlook = host !== undefined && host === Office.HostType.Outlook;
  const look = inOutlook
    ? officeLook()
    : {
        locale: browserLocale(),
        dark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
      };
  const language = languageOf(look.locale);
  const [i18n, theme] = await Promise.all([
    createI18n(language, true),
    loadTheme(look.dark ? 'dark' : 'default'),
  ]);
  document.documentElement.lang = i18n.language;
  document.title = i18n.t('addin.title');

  // Office SSO in Outlook; the local sign-in of `npm start` where Outlook offers no SSO.
  const localSignIn = new LocalSignIn(config);
  const localToken = async () => {
    const token = localSignIn.current();
    if (!token) throw new Error('Not signed in');
    return token;
  };
  const sso = inOutlook ? officeSsoToken() : undefined;
  const getToken = sso ?? (config.mode === 'local' ? localToken : undefined);

  const item = inOutlook ? await readCalendarItem() : undefined;
  const state = paneState({
    inOutlook,
    pairId: item ? pairIdOfLinks(linksOfHtml(item.bodyHtml), window.location.origin) : undefined,
    itemStart: item?.start,
    sso: sso !== undefined,
    localMode: config.mode === 'local',
    signedInLocally: Boolean(localSignIn.current()),
  });
  const api = createPaneApi(config.apiBaseUrl, getToken ?? localToken);
  createRoot(document.getElementById('root') as HTMLElement).render(
    <TranslationProvider i18n={i18n}>
      <FluentProvider theme={theme}>
        <SessionPane
          state={state}
          api={api}
          tabOrigin={window.location.origin}
          locale={localeFor(language, look.locale)}
        />
      </FluentProvider>
    </TranslationProvider>,
  );
}

boot().catch((error: unknown) => {
  console.error(error);
  const root = document.getElementById('root');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent = error instanceof Error ? error.message : String(error);
  }
});
