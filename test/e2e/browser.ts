import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { findChromium } from '../ensure-chromium';

/** Headless Debian Chromium, with the flags that keep it off the (closed) network. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? findChromium();
  if (!executablePath) throw new Error('No Chromium: run `npm test`, which installs it.');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A page that records console errors and failed requests, so a test can assert there were none. */
export async function openPage(
  browser: Browser,
  options: { locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('requestfailed', (request) =>
    consoleErrors.push(`${request.failure()?.errorText}: ${request.url()}`),
  );
  return { context, page, consoleErrors };
}

/** Runs axe and fails on any serious or critical violation, naming each one. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

/** Presses Tab until the focused element's label or name contains `text` (keyboard only). */
export async function tabTo(page: Page, text: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return '';
      const byLabel = el.labels?.[0]?.textContent ?? '';
      const labelledBy = el.getAttribute('aria-labelledby');
      const byRef = labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : '';
      return `${byLabel} ${byRef} ${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`;
    });
    if (label.includes(text)) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}
