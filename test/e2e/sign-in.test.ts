import { describe, expect, it } from 'vitest';
import { TAB_DIST } from '../sim/build-tab';
import { expectNoSeriousAxeViolations, openPage, tabStackForFile } from './browser';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

const cases = [
  {
    lang: 'es',
    locale: 'es-ES',
    title: 'Entra en la demo',
    choose: 'Continuar como Marta Gil',
    greeting: 'Hola, Marta Gil',
    role: 'Empleado/a',
  },
  {
    lang: 'en',
    locale: 'en-GB',
    title: 'Sign in to the demo',
    choose: 'Continue as Marta Gil',
    greeting: 'Hello, Marta Gil',
    role: 'Employee',
  },
] as const;

describe.each(cases)('the tab outside Teams ($lang)', (c) => {
  it('signs in as a demo person and greets them by name, with no serious axe violation', async () => {
    const { context, page, consoleErrors } = await openPage(browser, { locale: c.locale });
    try {
      // The browser's own language decides, as Teams' locale would inside Teams.
      await page.goto(`${stack.url}/`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(c.title);
      expect(await page.locator('html').getAttribute('lang')).toBe(c.lang);
      await expectNoSeriousAxeViolations(page);

      await page.getByRole('button', { name: c.choose }).click();
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toBe(c.greeting);
      expect(await page.getByText(c.role, { exact: true }).isVisible()).toBe(true);
      await expectNoSeriousAxeViolations(page);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('themes', () => {
  it.each(['dark', 'contrast'])('stays accessible in the %s theme', async (theme) => {
    const { context, page, consoleErrors } = await openPage(browser);
    try {
      await page.goto(`${stack.url}/?lang=en&theme=${theme}`);
      await page.getByRole('button', { name: 'Continue as Lucía Fernández' }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Hello, Lucía Fernández');
      expect(await page.getByText('Programme manager (HR)').isVisible()).toBe(true);
      await expectNoSeriousAxeViolations(page);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('navigation', () => {
  it('answers an unknown address inside the tab with a page that leads home', async () => {
    const { context, page, consoleErrors } = await openPage(browser);
    try {
      await page.goto(`${stack.url}/?lang=en`);
      await page.getByRole('button', { name: 'Continue as Marta Gil' }).click();
      await page.getByRole('heading', { name: 'Hello, Marta Gil' }).waitFor();
      // Let the home page finish loading before leaving it (leaving aborts its requests).
      await page
        .getByText('There are no programmes open to you right now.', { exact: false })
        .waitFor();
      await page.goto(`${stack.url}/no/such/page?lang=en`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await expectNoSeriousAxeViolations(page);
      await page.getByRole('link', { name: 'Go to the start' }).click();
      await page.getByRole('heading', { name: 'Hello, Marta Gil' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
