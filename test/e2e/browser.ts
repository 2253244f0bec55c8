import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import en from '../../tab/src/i18n/en.json';
import es from '../../tab/src/i18n/es.json';
import { findChromium } from '../ensure-chromium';
import { localStackForFile, startedInBeforeAll } from '../integration/stack-for-file';
import type { LocalStackOptions } from '../sim/stack';

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
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A request still in flight when the page navigates away is cancelled (ERR_ABORTED): the
    // person moved on, nothing failed. Any other failure is an error the test reports.
    if (reason === 'net::ERR_ABORTED') return;
    consoleErrors.push(`${reason}: ${request.url()}`);
  });
  return { context, page, consoleErrors };
}

/**
 * Fluent's focus sentinels (tabster's `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`
 * around dialogs, drop-downs and charts) pass focus on the moment they get it and are hidden from
 * screen readers on purpose: the known false positive of axe's aria-hidden-focus that Microsoft's
 * own Accessibility Insights suppresses (microsoft/tabster#288,
 * microsoft/accessibility-insights-web#7605). Only those nodes, only for that rule, are left out.
 */
function isTabsterSentinel(rule: string, html: string): boolean {
  return rule === 'aria-hidden-focus' && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(html);
}

/** Runs axe and fails on any serious or critical violation, naming each one. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  // Mid-fade (a dialog or callout opening) colours are in between: judge what a person then sees.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) =>
          a.playState !== 'running' ||
          (a.effect?.getTiming().iterations ?? 0) === Number.POSITIVE_INFINITY,
      ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterSentinel(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
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

/**
 * Fails when something Fluent renders in a portal (drop-downs, menus, dialogs, chart callouts)
 * covers the page: every portal mount node must be no bigger than what it shows, and the point at
 * the centre of the page's main heading must be the heading itself, so a person's click lands.
 */
export async function expectPageTakesPointer(page: Page): Promise<void> {
  const blockers = await page.evaluate(() => {
    const found: string[] = [];
    const viewport = window.innerWidth * window.innerHeight;
    for (const node of document.querySelectorAll<HTMLElement>('[data-portal-node]')) {
      const box = node.getBoundingClientRect();
      const style = getComputedStyle(node);
      const covers = box.width * box.height > viewport / 2;
      const opaque = style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== '';
      if (covers || (opaque && box.height > 0))
        found.push(`portal ${node.className}: ${box.width}×${box.height} ${style.backgroundColor}`);
    }
    const heading = document.querySelector('h1');
    if (heading) {
      const box = heading.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      if (hit && !heading.contains(hit) && box.y >= 0 && box.y < window.innerHeight)
        found.push(`the heading is covered by ${hit.tagName}.${hit.className}`);
    }
    return found;
  });
  expect(blockers).toEqual([]);
}

/** Fails when the page scrolls sideways: at any width, tables become lists rather than overflow. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    // The deepest element reaching past the window's right edge: what to fix.
    let culprit = '';
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.right > viewport + 0.5 && box.width > 0) {
        const text = (el.textContent ?? '').trim().slice(0, 40);
        culprit = `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${Math.round(box.right)} px: "${text}"`;
      }
    }
    return { page: document.documentElement.scrollWidth, viewport, culprit };
  });
  expect(
    widths.page,
    `page ${widths.page} px wide in a ${widths.viewport} px window; ${widths.culprit}`,
  ).toBeLessThanOrEqual(widths.viewport);
}

/** Teams' three themes, as `?theme=` stands in for them outside a host (tab/src/host/host.ts). */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** How a person sees the tab: language, Teams theme and window width. */
export interface Look {
  lang: 'es' | 'en';
  theme: TeamsTheme;
  width: number;
}

const SIGN_IN_WORDS = {
  en: { search: en.signIn.search, choose: en.signIn.choose },
  es: { search: es.signIn.search, choose: es.signIn.choose },
} as const;

/**
 * Signs in on the local sign-in screen as a person would: sets the window's width, opens the tab in
 * the look's language and theme, types the name into the search and clicks the person. Waits for
 * the home page to settle (leaving while it loads would abort its requests, which tests count as
 * errors). With `path`, then opens that deep link of the tab in the same session (the local session
 * lives in sessionStorage).
 */
export async function signInAs(
  page: Page,
  url: string,
  who: string,
  look: Partial<Look> = {},
  path?: string,
): Promise<void> {
  const { lang = 'en', theme = 'default', width } = look;
  const words = SIGN_IN_WORDS[lang];
  if (width) await page.setViewportSize({ width, height: 900 });
  await page.goto(`${url}/?lang=${lang}&theme=${theme}`);
  const search = page.getByLabel(words.search);
  await search.click();
  await search.fill(who);
  await page
    .getByRole('button', { name: words.choose.replace('{{name}}', who), exact: true })
    .click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  if (path) await page.goto(`${url}/?lang=${lang}&theme=${theme}&page=${path}`);
}

/**
 * The header every browser test file shares: the local stack serving the built tab and a headless
 * Chromium, both started before the file’s tests and closed after them, with the
 * API callers of `localStackForFile`.
 */
export function tabStackForFile(options: LocalStackOptions) {
  let current: Browser | undefined;
  const browser = startedInBeforeAll('browser', () => current);
  beforeAll(async () => {
    current = await launchBrowser();
  });
  afterAll(async () => {
    await current?.close();
  });
  return { ...localStackForFile(options), browser };
}
