import {
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  type Theme,
  tokens,
} from '@fluentui/react-components';
import type { i18n as I18n } from 'i18next';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const useStyles = makeStyles({
  root: {
    position: 'fixed',
    insetInlineEnd: tokens.spacingHorizontalL,
    insetBlockEnd: tokens.spacingVerticalL,
    zIndex: 1000,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** Where the local host tells and moves the time (functions/src/local/local-clock.ts). */
const CLOCK_URL = '/_local/clock';

/**
 * The demo's clock, bottom right, only when the tab runs locally (tab-config mode `local`): shows
 * the time the API and the jobs live in and moves it forward, then reloads so every screen reads
 * the new day. Azure has no `/_local/clock`, and production tabs never mount this.
 */
function LocalClock({ i18n }: { i18n: I18n }) {
  const styles = useStyles();
  const t = i18n.t.bind(i18n);
  const [now, setNow] = useState<Date>();
  const [failed, setFailed] = useState(false);
  const [moving, setMoving] = useState(false);
  useEffect(() => {
    fetch(CLOCK_URL, { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((body: { now: string }) => setNow(new Date(body.now)))
      .catch(() => setFailed(true));
  }, []);
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
  if (failed && !now) return null;
  const shown = now
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short' }).format(now)
    : '…';
  return (
    <section className={styles.root} aria-label={t('demo.clock.label')}>
      <Caption1 role="status">{t('demo.clock.now', { time: shown })}</Caption1>
      <Button size="small" disabled={moving || !now} onClick={() => move(1)}>
        {t('demo.clock.day')}
      </Button>
      <Button size="small" disabled={moving || !now} onClick={() => move(7)}>
        {t('demo.clock.week')}
      </Button>
      {failed && <Caption1 role="alert">{t('demo.clock.failed')}</Caption1>}
    </section>
  );
}

/** Mounts the clock in its own root beside the tab's (main.tsx calls this in local mode only). */
export function mountLocalClock(i18n: I18n, theme: Theme): void {
  const container = document.createElement('div');
  container.id = 'tandem-local-clock';
  document.body.append(container);
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ background: 'transparent' }}>
      <LocalClock i18n={i18n} />
    </FluentProvider>,
  );
}
