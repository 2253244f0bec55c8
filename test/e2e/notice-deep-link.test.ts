import { expect, it } from 'vitest';
import { apiAs } from '../integration/api-client';
import { fortnightly, writeBookedSeries } from '../integration/booking/booked-series';
import { HR, matchingProgramme, uniquelyNamedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import { INBOX_PATH } from '../sim/stack';
import { expectNoSeriousAxeViolations, openPage, signInAs, tabStackForFile } from './browser';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

const TITLE = {
  en: (mentor: string) => `Your mentoring with ${mentor}`,
  es: (mentor: string) => `Tu mentoring con ${mentor}`,
};

/**
 * A newcomer's path in `npm start`: HR confirms a pair, the sender delivers the `paired` notice,
 * the local inbox lists it under the mentee, and its link — the notice's deep link — opens the
 * pair's page in the tab, in the mentee's language.
 */
it('a notice in the local inbox opens the pair’s page it links to', async () => {
  const api = apiAs(stack);
  const [mentor, mentee] = uniquelyNamedPeople(stack, 2);
  const { programmeId } = await matchingProgramme(
    stack,
    api,
    { mentors: [mentor!.id], mentees: [mentee!.id] },
    { run: true },
  );
  const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
    body: { proposals: 'all' },
  });
  const pairId = confirmed.body.confirmed[0].id as string;
  await writeBookedSeries(stack, { id: pairId, programmeId }, fortnightly(Date.now() + 86_400_000));
  expect((await stack.jobs.sendNotices())?.sent).toBeGreaterThanOrEqual(2);

  const lang = mentee!.preferredLanguage?.startsWith('en') ? 'en' : 'es';
  const { context, page, consoleErrors } = await openPage(browser);
  try {
    await signInAs(page, stack.url, mentee!.displayName, { lang });
    const signedIn = consoleErrors.length;
    await page.goto(`${stack.url}${INBOX_PATH}?lang=${lang}`);
    const notice = page.locator(`section[data-person="${mentee!.id}"] li[data-type="paired"]`);
    await expect(notice.count()).resolves.toBe(1);
    await expect(notice.locator('.text').textContent()).resolves.toContain(mentor!.displayName);
    await expectNoSeriousAxeViolations(page);
    const link = notice.getByRole('link');
    await expect(link.getAttribute('data-route')).resolves.toBe(`pairs/${pairId}`);
    await link.click();
    await page.getByRole('heading', { level: 1, name: TITLE[lang](mentor!.displayName) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/pairs/${pairId}`);
    await page.waitForLoadState('networkidle');
    expect(consoleErrors.slice(signedIn)).toEqual([]);
  } finally {
    await context.close();
  }
});
