import type { TabConfig } from './tab-config';

export type ThemeName = 'default' | 'dark' | 'contrast';

/** What the tab knows about where it runs: the Microsoft 365 host, or a plain browser. */
export interface HostContext {
  kind: 'microsoft365' | 'browser';
  /** Teams, Outlook, Office… (teams-js `app.host.name`), or "Browser". */
  hostName: string;
  locale: string;
  theme: ThemeName;
  /** Deep-link target (`subPageId` / `subEntityId`) the host opened the tab with. */
  deepLink?: string;
  /** Subscribes to theme changes; returns the unsubscribe function. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
  /** An access token for the Tandem API (SSO in a host; the local sign-in in a browser). */
  getToken(): Promise<string>;
}

const INIT_TIMEOUT_MS = 4000;

function themeOf(value: string | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

type TeamsJs = typeof import('@microsoft/teams-js');

/** Whether the page could be inside a Microsoft 365 host: a frame, a pop-up or a mobile web view. */
export function mayBeInHost(): boolean {
  return window.parent !== window || Boolean(window.opener) || Boolean(window.nativeInterface);
}

/** The locale outside a host: ?lang= (kept for the browser session), else the browser's. */
export function browserLocale(): string {
  return (
    new URLSearchParams(window.location.search).get('lang') ??
    sessionStorage.getItem('tandem.lang') ??
    navigator.language
  );
}

/**
 * Microsoft 365 hosts load the tab in a frame (or a mobile web view). Only then is teams-js
 * loaded — it fetches its domain list from a CDN on load — and `app.initialize()` tried: it rejects
 * at once outside a host, and a frame of some other page may never answer, hence the time-out.
 */
async function initializeTeams(): Promise<TeamsJs | undefined> {
  if (!mayBeInHost()) return undefined;
  try {
    const teams = await import('@microsoft/teams-js');
    await Promise.race([
      teams.app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), INIT_TIMEOUT_MS)),
    ]);
    return teams;
  } catch {
    return undefined;
  }
}

/** teams-js once initialised, and the first SSO token already asked for. */
interface TeamsStart {
  teams: TeamsJs;
  firstToken: Promise<string>;
}

let teamsStart: Promise<TeamsStart | undefined> | undefined;

/**
 * Starts teams-js and the SSO token request at once: main.tsx calls it at module load, so that
 * Entra's token is on its way while the config, the host's context and the screens' code load —
 * not after the first render. `getAuthToken()` is asked right after `app.initialize()`, as
 * Microsoft's SSO guide has it for a token needed when the user opens the app
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/authentication/tab-sso-code);
 * the host answers it from its own cache while the token is valid, or asks Entra ID
 * (https://learn.microsoft.com/en-us/javascript/api/@microsoft/teams-js/authentication).
 * Called again, it returns the same start.
 */
export function startTeams(): Promise<TeamsStart | undefined> {
  teamsStart ??= initializeTeams().then((teams) => {
    if (!teams) return undefined;
    const firstToken = teams.authentication.getAuthToken();
    // A refusal here (consent still needed, say) is the first request's to handle: getToken asks again.
    firstToken.catch(() => {});
    return { teams, firstToken };
  });
  return teamsStart;
}

/**
 * The API's token in a host: callers while the first request is in flight share it (the start-up
 * requests); later ones ask the host again, which answers from its cache until the token expires —
 * the app never keeps a token of its own. A failed first request is asked again.
 */
export function ssoTokens({ teams, firstToken }: TeamsStart): () => Promise<string> {
  let first: Promise<string> | undefined = firstToken.catch(() =>
    teams.authentication.getAuthToken(),
  );
  const settled = () => {
    first = undefined;
  };
  first.then(settled, settled);
  return () => first ?? teams.authentication.getAuthToken();
}

function subscribe<T>(listeners: T[], listener: T): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

declare global {
  interface Window {
    nativeInterface?: unknown;
  }
}

/** Finds the host: teams-js context and SSO inside Microsoft 365, local sign-in otherwise. */
export async function detectHost(
  config: TabConfig,
  localToken: () => Promise<string>,
): Promise<HostContext> {
  const started = await startTeams();
  if (started) {
    const { app } = started.teams;
    const context = await app.getContext();
    const listeners: ((t: ThemeName) => void)[] = [];
    app.registerOnThemeChangeHandler((t) => {
      for (const l of listeners) l(themeOf(t));
    });
    app.notifySuccess();
    return {
      kind: 'microsoft365',
      hostName: context.app.host.name,
      locale: context.app.locale,
      theme: themeOf(context.app.theme),
      deepLink: context.page.subPageId || undefined,
      onThemeChange: (l) => subscribe(listeners, l),
      getToken: ssoTokens(started),
    };
  }
  if (config.mode !== 'local') {
    throw new Error(
      'Tandem must be opened from Microsoft Teams, Outlook or the Microsoft 365 app.',
    );
  }
  const params = new URLSearchParams(window.location.search);
  // ?lang= and ?theme= stand in for Teams' locale and theme; they last for the browser session.
  for (const key of ['lang', 'theme']) {
    const value = params.get(key);
    if (value) sessionStorage.setItem(`tandem.${key}`, value);
  }
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  const forced = sessionStorage.getItem('tandem.theme');
  const listeners: ((t: ThemeName) => void)[] = [];
  if (!forced) {
    media?.addEventListener('change', (e) => {
      for (const l of listeners) l(e.matches ? 'dark' : 'default');
    });
  }
  return {
    kind: 'browser',
    hostName: 'Browser',
    locale: browserLocale(),
    theme: forced ? themeOf(forced) : media?.matches ? 'dark' : 'default',
    deepLink: params.get('page') ?? undefined,
    onThemeChange: (l) => subscribe(listeners, l),
    getToken: localToken,
  };
}
