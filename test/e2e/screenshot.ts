import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The README's pictures: committed, so only `npm run screenshots` rewrites them. */
export const SCREENSHOTS_DIR = join(import.meta.dirname, '..', '..', 'tab', 'screenshots');

/** Whether this run writes the README's screenshots (`TANDEM_SCREENSHOTS=1`). */
export const takingScreenshots = process.env.TANDEM_SCREENSHOTS === '1';

/** Writes `tab/screenshots/<name>.png` of the whole page when screenshots are asked for. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!takingScreenshots) return;
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  // No blinking caret or running animation in a committed picture.
  await page.screenshot({
    path: join(SCREENSHOTS_DIR, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
}
