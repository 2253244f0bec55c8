import { describe, expect, it } from 'vitest';
import en from '../../tab/src/i18n/en.json';
import es from '../../tab/src/i18n/es.json';
import { apiAs } from '../integration/api-client';
import { fortnightly, writeBookedSeries } from '../integration/booking/booked-series';
import { HR, matchingProgramme, uniquelyNamedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import {
  expectNoSeriousAxeViolations,
  expectNoSidewaysScroll,
  expectPageTakesPointer,
  openPage,
  signInAs,
  tabStackForFile,
} from './browser';
import { screenshot } from './screenshot';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

const HOUR = 3_600_000;
const WORDS = { en, es };

/** A programme in matching (proposals made) and one running with booked, partly held series. */
async function programmes() {
  const api = apiAs(stack);
  const [m1, m2, e1, e2, m3, e3] = uniquelyNamedPeople(stack, 6);
  const matching = await matchingProgramme(
    stack,
    api,
    { mentors: [m1!.id, m2!.id], mentees: [e1!.id, e2!.id] },
    { run: true, mentorCapacity: 1 },
  );
  const running = await matchingProgramme(
    stack,
    api,
    { mentors: [m3!.id], mentees: [e3!.id] },
    { run: true, mentorCapacity: 1 },
  );
  const confirmed = await api(HR, 'POST', `/programmes/${running.programmeId}/matching/confirm`, {
    body: { proposals: 'all' },
  });
  expect(confirmed.status).toBe(200);
  for (const pair of confirmed.body.confirmed as { id: string }[]) {
    await writeBookedSeries(
      stack,
      { id: pair.id, programmeId: running.programmeId },
      fortnightly(Date.now() - 48 * HOUR),
      { responses: { mentor: 'accepted', mentee: 'accepted', checkedAt: null } },
    );
  }
  return { matching: matching.programmeId, running: running.programmeId };
}

const VARIANTS = [
  { lang: 'en', theme: 'default', colorScheme: 'light', width: 1280 },
  { lang: 'es', theme: 'dark', colorScheme: 'dark', width: 400 },
  { lang: 'es', theme: 'contrast', colorScheme: 'dark', width: 1280 },
] as const;

describe.each(VARIANTS)('HR by pointer ($lang, $theme, $width px)', (variant) => {
  it('opens every drop-down and chart, picks with the mouse, and the page keeps taking clicks', async () => {
    const w = WORDS[variant.lang];
    const ids = await programmes();
    const hr = await openPage(browser, { colorScheme: variant.colorScheme });
    const shot = (name: string) =>
      screenshot(hr.page, `pointer-${name}-${variant.lang}-${variant.theme}-${variant.width}`);
    try {
      await signInAs(hr.page, stack.url, HR, variant);

      // The programme template picker: open, look, pick by mouse, then type in the next field.
      await hr.page.goto(`${stack.url}/?lang=${variant.lang}&theme=${variant.theme}&page=admin`);
      await hr.page
        .getByRole('heading', { level: 1, name: w.admin.title })
        .waitFor({ timeout: 60_000 })
        .catch(async (error: unknown) => {
          throw new Error(
            `${String(error)}\n${hr.page.url()}\n${await hr.page.textContent('body')}`,
          );
        });
      const template = hr.page.getByRole('combobox', { name: w.admin.template });
      await template.click();
      const reverse = hr.page.getByRole('option', { name: w.programmes.kind.reverse });
      await reverse.waitFor();
      await expectPageTakesPointer(hr.page);
      await shot('template-open');
      await reverse.click();
      await expect.poll(() => template.textContent()).toContain(w.programmes.kind.reverse);
      await hr.page.getByLabel(w.admin.name).click();
      await hr.page.keyboard.type(`Piloto ${variant.theme} ${variant.width}`);
      await hr.page.getByRole('button', { name: w.admin.createButton }).click();
      await hr.page
        .getByRole('heading', { name: `Piloto ${variant.theme} ${variant.width}` })
        .waitFor();
      await expectPageTakesPointer(hr.page);

      // The matching objective picker, then a click on the button beside it.
      await hr.page.goto(
        `${stack.url}/?lang=${variant.lang}&theme=${variant.theme}&page=admin/programmes/${ids.matching}`,
      );
      await hr.page.getByRole('table', { name: w.matching.proposals }).waitFor();
      await expectNoSidewaysScroll(hr.page);
      await shot('matching-board');
      const objective = hr.page.getByRole('combobox', { name: w.matching.objective });
      await objective.click();
      const best = hr.page.getByRole('option', { name: w.matching.objectives.maxScore });
      await best.waitFor();
      await expectPageTakesPointer(hr.page);
      await best.click();
      await expect.poll(() => objective.textContent()).toContain(w.matching.objectives.maxScore);
      await hr.page.getByRole('button', { name: w.matching.rerun }).click();
      await hr.page.getByText(w.matching.objectives.maxScore, { exact: false }).nth(1).waitFor();

      // A confirm dialog opens over the page and Cancel gives the page back untouched.
      await hr.page
        .getByRole('button', { name: /^Confirm|^Confirmar/ })
        .last()
        .click();
      const dialog = hr.page.getByRole('alertdialog');
      await dialog.waitFor();
      await shot('confirm-dialog');
      await expectNoSeriousAxeViolations(hr.page);
      await dialog.getByRole('button', { name: w.confirm.cancel }).click();
      await dialog.waitFor({ state: 'detached' });
      await expectPageTakesPointer(hr.page);
      const after = await apiAs(stack)(HR, 'GET', `/programmes/${ids.matching}/matching`);
      const statuses = (after.body.proposals as { status: string }[]).map((p) => p.status);
      expect(statuses.filter((s) => s === 'confirmed')).toEqual([]);

      // The progress chart: drawn, hovered (its callout opens), and the navigation still clicks.
      await hr.page.goto(
        `${stack.url}/?lang=${variant.lang}&theme=${variant.theme}&page=admin/programmes/${ids.running}`,
      );
      await hr.page.getByRole('tab', { name: w.admin.panels.booking, exact: true }).click();
      await hr.page.getByRole('table', { name: w.booking.title }).waitFor();
      await expectNoSidewaysScroll(hr.page);
      await shot('booking');
      await hr.page.getByRole('tab', { name: w.admin.panels.progress, exact: true }).click();
      const chartLabel = hr.page.getByText(w.progress.chart.sessions).first();
      await chartLabel.waitFor();
      const bar = hr.page.locator('rect').first();
      await bar.hover();
      await expectPageTakesPointer(hr.page);
      await expectNoSidewaysScroll(hr.page);
      await shot('progress-chart');
      await hr.page.getByRole('tab', { name: w.admin.panels.evaluation, exact: true }).click();
      await hr.page.getByRole('heading', { level: 2, name: w.admin.panels.evaluation }).waitFor();
      // The section is in the address: a reload lands on it again.
      expect(new URL(hr.page.url()).pathname).toBe(`/admin/programmes/${ids.running}/evaluation`);
      await hr.page.reload();
      await hr.page.getByRole('heading', { level: 2, name: w.admin.panels.evaluation }).waitFor();
      expect(
        await hr.page
          .getByRole('tab', { name: w.admin.panels.evaluation, exact: true })
          .getAttribute('aria-selected'),
      ).toBe('true');
      // Survey results wait for five answers unless HR lowers it (never below three).
      const withheld = (minimum: number) =>
        w.evaluation.withheld.replace('{{minimum}}', String(minimum));
      await hr.page.getByText(withheld(5)).waitFor();
      const minimum = hr.page.getByLabel(w.evaluation.minimum);
      await minimum.click();
      await minimum.selectOption('3');
      await hr.page.getByText(withheld(3)).waitFor();
      const stored = await apiAs(stack)(HR, 'GET', `/programmes/${ids.running}`);
      expect(stored.body.minRespondents).toBe(3);

      // The advisor's page draws the same charts for every running programme.
      await hr.page.goto(`${stack.url}/?lang=${variant.lang}&theme=${variant.theme}&page=advisor`);
      await hr.page.getByRole('heading', { level: 1, name: w.advisor.title }).waitFor();
      await hr.page.getByText(w.progress.chart.sessions).first().waitFor();
      // axe before hovering: the chart's callout brings Fluent's focus sentinels (aria-hidden
      // <i tabindex=0>), which a screen reader never reaches since it does not hover.
      await expectNoSeriousAxeViolations(hr.page);
      await hr.page.locator('rect').first().hover();
      await expectPageTakesPointer(hr.page);
      await shot('advisor');
      await hr.page.getByRole('heading', { level: 1, name: w.advisor.title }).click();

      const errors = hr.consoleErrors.filter(
        (e) => !e.startsWith('net::ERR_ABORTED') && !e.includes('status of 404'),
      );
      expect(errors).toEqual([]);
    } finally {
      await hr.context.close();
    }
  });
});
