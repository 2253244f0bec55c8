import { beforeAll, describe, expect, it } from 'vitest';
import { TAB_DIST } from '../sim/build-tab';
import { DEMO_PROGRAMMES, type DemoSeed, seedDemo } from '../sim/demo/seed';
import { expectNoSeriousAxeViolations, openPage, tabStackForFile } from './browser';

/** `npm start`'s living demo in the browser: whom to pick, and the clock that moves time. */
let seed: DemoSeed;

const { stack, browser } = tabStackForFile({
  staticDir: TAB_DIST,
  bookingWorker: true,
  timers: true,
});
beforeAll(async () => {
  seed = await seedDemo(stack);
}, 120_000);

const cases = [
  {
    lang: 'es',
    locale: 'es-ES',
    hr: 'Responsable del programa (RR. HH.)',
    mentee: (p: string) => `mentee en ${p}`,
    mentor: (p: string) => `mentor en ${p}`,
    choose: (name: string) => `Continuar como ${name}`,
    clock: 'Reloj de la demo',
    week: '+1 semana',
  },
  {
    lang: 'en',
    locale: 'en-GB',
    hr: 'Programme manager (HR)',
    mentee: (p: string) => `mentee in ${p}`,
    mentor: (p: string) => `mentor in ${p}`,
    choose: (name: string) => `Continue as ${name}`,
    clock: 'Demo clock',
    week: '+1 week',
  },
] as const;

const serverNow = async () =>
  Date.parse(((await (await fetch(`${stack.url}/_local/clock`)).json()) as { now: string }).now);

describe.each(cases)('the living demo ($lang)', (c) => {
  it('says on the sign-in screen who is HR, a mentor and a mentee', async () => {
    const { context, page, consoleErrors } = await openPage(browser, { locale: c.locale });
    try {
      await page.goto(`${stack.url}/`);
      const pair = seed.pairs[0]!;
      const name = (id: string) => stack.people.find((p) => p.id === id)!.displayName;
      const hr = page.getByRole('button', { name: c.choose('Lucía Fernández') });
      await expect.poll(() => hr.textContent()).toContain(c.hr);
      const mentee = page.getByRole('button', { name: c.choose(name(pair.mentee)) });
      expect(await mentee.textContent()).toContain(c.mentee(DEMO_PROGRAMMES.running));
      const mentor = page.getByRole('button', { name: c.choose(name(pair.mentor)) });
      expect(await mentor.textContent()).toContain(c.mentor(DEMO_PROGRAMMES.running));
      await expectNoSeriousAxeViolations(page);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('moves the demo’s time a week forward from the clock control, by pointer', async () => {
    const { context, page, consoleErrors } = await openPage(browser, { locale: c.locale });
    try {
      await page.goto(`${stack.url}/`);
      const control = page.getByRole('region', { name: c.clock });
      const status = control.getByRole('status');
      const shownBefore = await status.textContent();
      const before = await serverNow();
      await control.getByRole('button', { name: c.week }).click();
      // The page reloads on the new day.
      await expect.poll(() => status.textContent()).not.toBe(shownBefore);
      const after = await serverNow();
      expect(after - before).toBeGreaterThanOrEqual(7 * 86_400_000);
      expect(after - before).toBeLessThan(8 * 86_400_000);
      await expectNoSeriousAxeViolations(page);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
