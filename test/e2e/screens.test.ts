import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from '../integration/api-client';
import { fortnightly, writeBookedSeries } from '../integration/booking/booked-series';
import {
  HR,
  matchingProgramme,
  uniquelyNamedPeople,
  unrelatedPeople,
} from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import {
  expectNoSeriousAxeViolations,
  expectNoSidewaysScroll,
  openPage,
  signInAs,
  tabStackForFile,
} from './browser';
import { screenshot } from './screenshot';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

const HOUR = 3_600_000;

/** Two confirmed pairs whose series are booked, the first session held two days ago. */
async function bookedProgramme() {
  const api = apiAs(stack);
  const [mentorA, mentorB, menteeA, menteeB] = uniquelyNamedPeople(stack, 4);
  const { programmeId } = await matchingProgramme(
    stack,
    api,
    { mentors: [mentorA!.id, mentorB!.id], mentees: [menteeA!.id, menteeB!.id] },
    { run: true, mentorCapacity: 1 },
  );
  const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
    body: { proposals: 'all' },
  });
  expect(confirmed.status).toBe(200);
  for (const pair of confirmed.body.confirmed as { id: string }[]) {
    await writeBookedSeries(
      stack,
      { id: pair.id, programmeId },
      fortnightly(Date.now() - 48 * HOUR),
      { responses: { mentor: 'accepted', mentee: 'accepted', checkedAt: null } },
    );
  }
  return { programmeId, mentee: menteeA!.displayName };
}

/**
 * The screen at 320 px — the narrowest a phone or Teams' narrowest pane gives — fits without
 * scrolling sideways (its tables read as lists); then back to the width it had.
 */
async function fitsNarrowest(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  // One frame for the layout to follow the new width.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  await expectNoSidewaysScroll(page);
  if (size) await page.setViewportSize(size);
}

describe('the main screens (README pictures with TANDEM_SCREENSHOTS=1)', () => {
  it('home, apply, matching board, booking progress and the pair page render with no serious axe violation', async () => {
    const api = apiAs(stack);
    // A programme in matching with one mentee more than the mentors can take: one is left out.
    const people = unrelatedPeople(stack, 5).map((p) => p.id);
    const matching = await matchingProgramme(
      stack,
      api,
      { mentors: people.slice(0, 2), mentees: people.slice(2) },
      { run: true, mentorCapacity: 1 },
    );
    const booked = await bookedProgramme();
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'reverse' } });
    const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    });
    expect(open.status).toBe(200);

    const hr = await openPage(browser, { colorScheme: 'light' });
    const employee = await openPage(browser, { colorScheme: 'light' });
    try {
      await signInAs(hr.page, stack.url, HR, {}, `admin/programmes/${matching.programmeId}`);
      await hr.page
        .getByRole('table', { name: 'Proposed pairs' })
        .waitFor()
        .catch(async (error: unknown) => {
          throw new Error(
            `${String(error)}\n${hr.page.url()}\n${await hr.page.textContent('body')}`,
          );
        });
      await hr.page.getByText('Shared language: Spanish').first().waitFor();
      await expectNoSeriousAxeViolations(hr.page);
      await screenshot(hr.page, 'matching-board');
      await fitsNarrowest(hr.page);
      await hr.page.waitForLoadState('networkidle');

      await hr.page.goto(`${stack.url}/?lang=en&page=admin/programmes/${booked.programmeId}`);
      await hr.page.getByRole('tab', { name: 'Booking', exact: true }).click();
      await hr.page.getByText('2 of 2 pairs booked').waitFor();
      await expectNoSeriousAxeViolations(hr.page);
      await screenshot(hr.page, 'booking-progress');
      await fitsNarrowest(hr.page);

      await signInAs(employee.page, stack.url, booked.mentee);
      await employee.page.getByRole('link', { name: /^Open the pair with / }).waitFor();
      await expectNoSeriousAxeViolations(employee.page);
      await screenshot(employee.page, 'home');
      await fitsNarrowest(employee.page);

      await employee.page.getByRole('link', { name: /^Open the pair with / }).click();
      await employee.page.getByRole('heading', { name: 'Sessions' }).waitFor();
      await expectNoSeriousAxeViolations(employee.page);
      await screenshot(employee.page, 'pair-page');
      await fitsNarrowest(employee.page);
      await employee.page.waitForLoadState('networkidle');

      await employee.page.goto(
        `${stack.url}/?lang=en&page=programmes/${open.body.id as string}/apply`,
      );
      await employee.page.getByLabel('Why do you want to take part?').waitFor();
      await expectNoSeriousAxeViolations(employee.page);
      await screenshot(employee.page, 'apply');
      await fitsNarrowest(employee.page);

      // Opening a deep link cancels what the previous page still had in flight: not an error.
      const errors = (list: string[]) => list.filter((e) => !e.startsWith('net::ERR_ABORTED'));
      expect(errors(hr.consoleErrors)).toEqual([]);
      expect(errors(employee.consoleErrors)).toEqual([]);
    } finally {
      await hr.context.close();
      await employee.context.close();
    }
  });
});
