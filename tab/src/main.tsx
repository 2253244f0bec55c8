import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost } from './host/host';
import { LocalSignIn } from './host/local-sign-in';
import { loadTabConfig } from './host/tab-config';
import { createI18n, languageOf } from './i18n/i18n';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const config = await loadTabConfig();
  const localSignIn = new LocalSignIn(config);
  const host = await detectHost(config, async () => {
    const token = localSignIn.current();
    if (!token) throw new Error('Not signed in');
    return token;
  });
  const i18n = await createI18n(languageOf(host.locale));
  document.documentElement.lang = i18n.language;
  root.render(<App config={config} host={host} i18n={i18n} localSignIn={localSignIn} />);
}

boot().catch((error: unknown) => {
  console.error(error);
  const root = document.getElementById('root');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent = error instanceof Error ? error.message : String(error);
  }
});
