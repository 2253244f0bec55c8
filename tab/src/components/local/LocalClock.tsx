import {
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  type Theme,
  tokens,
} from '@fluentui/react-components';
import { type ReactElement, useState } from 'react';
import type { Translator as I18n } from '../../i18n/translator';

const useStyles = makeStyles({
  // In the page's flow, after the tab: it never covers a control of the screens above it.
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'flex-end',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** Where the local host tells and moves the time (functions/src/local/local-clock.ts). */
const CLOCK_URL = '/_local/clock';

/**
 * The demo's clock, at the foot of the page, only when the tab runs locally (tab-config mode
 * `local`): shows the time the API and the jobs live in and moves it forward, then reloads so every
 * screen reads the new day. Azure has no `/_local/clock`, and production tabs never mount this.
 */
function LocalClock({ i18n, now }: { i18n: I18n; now: Date }) {
  const styles = useStyles();
  const t = i18n.t.bind(i18n);
  const [failed, setFailed] = useState(false);
  const [moving, setMoving] = useState(false);
  async function move(days: number) {
    setMoving(true);
    try {
      const r = await fetch(CLOCK_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ days }),
      });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      // Read to the end before reloading, so that no request is cut off mid-answer.
      await r.json();
      window.location.reload();
    } catch {
      setFailed(true);
      setMoving(false);
    }
  }
  const shown = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(now);
  return (
    <section className={styles.root} aria-label={t('demo.clock.label')}>
      <Caption1 role="status">{t('demo.clock.now', { time: shown })}</Caption1>
      <Button size="small" disabled={moving} onClick={() => move(1)}>
        {t('demo.clock.day')}
      </Button>
      <Button size="small" disabled={moving} onClick={() => move(7)}>
        {t('demo.clock.week')}
      </Button>
      {failed && <Caption1 role="alert">{t('demo.clock.failed')}</Caption1>}
    </section>
  );
}

/**
 * Asks the local host for the time; resolves to the clock to render after the tab, in the same
 * React root (main.tsx, local mode only), or to nothing when the host has no clock.
 */
export async function loadLocalClock(): Promise<
  ((i18n: I18n, theme: Theme) => ReactElement) | undefined
> {
  const now = await fetch(CLOCK_URL, { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<{ now: string }>) : undefined))
    .then((body) => (body ? new Date(body.now) : undefined))
    .catch(() => undefined);
  if (!now || Number.isNaN(now.getTime())) return undefined;
  return (i18n, theme) => (
    <FluentProvider theme={theme} id="tandem-local-clock">
      <LocalClock i18n={i18n} now={now} />
    </FluentProvider>
  );
}
