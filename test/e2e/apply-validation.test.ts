import { describe, expect, it } from 'vitest';
import en from '../../tab/src/i18n/en.json';
import es from '../../tab/src/i18n/es.json';
import { apiAs } from '../integration/api-client';
import { HR, uniquelyNamedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import { expectNoSeriousAxeViolations, openPage, tabStackForFile } from './browser';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

const WORDS = { en, es };

describe.each(['es', 'en'] as const)(
  'the application form, sent by mouse half-filled, in %s',
  (lang) => {
    it('names every missing answer in the reader’s language, focuses the first, and sends nothing', async () => {
      const w = WORDS[lang];
      const api = apiAs(stack);
      const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
      const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
        body: { status: 'open' },
        headers: { 'if-match': draft.body.etag },
      });
      expect(open.status).toBe(200);
      const [person] = uniquelyNamedPeople(stack, 1);
      const employee = await openPage(browser);
      const posts: string[] = [];
      employee.page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().includes('/applications')) posts.push(r.url());
      });
      try {
        await employee.page.goto(`${stack.url}/?lang=${lang}`);
        await employee.page.getByLabel(w.signIn.search).fill(person!.displayName);
        await employee.page.getByRole('button', { name: new RegExp(person!.displayName) }).click();
        await employee.page.getByRole('heading', { level: 1 }).first().waitFor();
        await employee.page.waitForLoadState('networkidle');
        await employee.page.goto(
          `${stack.url}/?lang=${lang}&page=programmes/${open.body.id as string}/apply`,
        );
        const send = employee.page.getByRole('button', { name: w.apply.submit });
        await send.click();

        await employee.page.getByText(w.validation.summary).waitFor();
        for (const message of [
          w.validation.required,
          w.validation.wants,
          w.validation.languages,
          w.validation.consent,
        ]) {
          await employee.page.getByText(message, { exact: true }).waitFor();
        }
        // No validator English (zod's own words) anywhere on the page.
        expect(await employee.page.textContent('body')).not.toMatch(/Too small|expected string/);
        // The focus is on the first field that needs an answer, not on <body>.
        await expect
          .poll(() => employee.page.evaluate(() => document.activeElement?.tagName))
          .toBe('TEXTAREA');
        await expectNoSeriousAxeViolations(employee.page);

        // "Why" answered: the next click moves the focus to "what do you want to learn".
        await employee.page.getByLabel(w.apply.why).fill('Quiero crecer como líder');
        await send.click();
        await expect
          .poll(() =>
            employee.page.evaluate(() => (document.activeElement as HTMLInputElement)?.type),
          )
          .toBe('text');
        await employee.page.getByText(w.validation.wants, { exact: true }).waitFor();
        expect(await employee.page.getByText(w.validation.required, { exact: true }).count()).toBe(
          0,
        );
        expect(posts).toEqual([]);
        const mine = await api(
          person!.displayName,
          'GET',
          `/programmes/${open.body.id as string}/applications/me`,
        );
        expect(mine.status).toBe(404);
      } finally {
        await employee.context.close();
      }
    });
  },
);
