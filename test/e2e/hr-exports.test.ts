import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cells } from '../fixtures/csv-cells';
import { apiAs } from '../integration/api-client';
import { fortnightly, writeBookedSeries } from '../integration/booking/booked-series';
import { HR, matchingProgramme, unrelatedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import { expectNoSeriousAxeViolations, tabStackForFile } from './browser';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

const READERS = {
  es: {
    locale: 'es-ES',
    zone: 'Europe/Madrid',
    separator: ';',
    separatorLabel: 'Separador de columnas',
    other: { option: 'Coma (,) — Excel en inglés', separator: ',' },
    signIn: 'Continuar como Lucía Fernández',
    manage: 'Gestionar programas',
    open: (name: string) => `Abrir ${name}: emparejamiento, reservas, seguimiento`,
    progress: 'Seguimiento',
    exportPairs: 'Exportar a CSV',
    evaluation: 'Evaluación',
    exportEvaluation: 'Exportar la evaluación a CSV',
    file: /^tandem-informe-.+\.csv$/,
    evaluationFile: /^tandem-evaluacion-.+\.csv$/,
    header: ['Programa', 'Mentorizado/a', 'Mentor/a', 'Estado de la pareja'],
    next: 'Próxima sesión (Europe/Madrid)',
    booked: 'Reservada',
    withheld: [
      'Resultados',
      'Retenidos hasta que respondan 5 personas, para que nadie sea identificable',
    ],
  },
  en: {
    locale: 'en-US',
    zone: 'America/New_York',
    separator: ',',
    separatorLabel: 'Column separator',
    other: { option: 'Semicolon (;) — Excel in Spanish', separator: ';' },
    signIn: 'Continue as Lucía Fernández',
    manage: 'Manage programmes',
    open: (name: string) => `Open ${name}: matching, booking, progress`,
    progress: 'Progress',
    exportPairs: 'Export to CSV',
    evaluation: 'Evaluation',
    exportEvaluation: 'Export the evaluation to CSV',
    file: /^tandem-report-.+\.csv$/,
    evaluationFile: /^tandem-evaluation-.+\.csv$/,
    header: ['Programme', 'Mentee', 'Mentor', 'Pair status'],
    next: 'Next session (America/New_York)',
    booked: 'Booked',
    withheld: ['Results', 'Withheld until 5 people have answered, so nobody can be identified'],
  },
} as const;

/** Clicks a control by pointer and returns the file the browser downloaded: its name and rows. */
async function download(page: Page, control: Locator, separator: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), control.click()]);
  const bytes = await readFile((await file.path())!);
  // UTF-8's byte order mark first: Excel reads the accents right only with it.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = new TextDecoder()
    .decode(bytes)
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map((l) => cells(l, separator));
  return { name: file.suggestedFilename(), rows };
}

/** A section of the programme page, whether it is shown as a button or as a tab. */
const section = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).or(page.getByRole('tab', { name, exact: true }));

describe.each(['es', 'en'] as const)('HR downloads the CSV exports, in %s', (lang) => {
  const r = READERS[lang];

  it('by pointer: the pairs report and the evaluation in the reader’s words, separator and time zone', async () => {
    const api = apiAs(stack);
    const people = unrelatedPeople(stack, 2).map((p) => p.id);
    const { programmeId } = await matchingProgramme(
      stack,
      api,
      { mentors: [people[0]!], mentees: [people[1]!] },
      { run: true },
    );
    const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
      body: { proposals: 'all' },
    });
    const pair = confirmed.body.confirmed[0] as { id: string };
    const sessions = fortnightly(Date.now() - 20 * 24 * 3_600_000);
    await writeBookedSeries(stack, { id: pair.id, programmeId }, sessions);
    const next = sessions.find((s) => Date.parse(s.start) > Date.now())!.start;
    // Sweden's locale writes "2027-03-29 11:00:00": an independent way to the wall-clock time.
    const wallClock = new Date(next).toLocaleString('sv-SE', { timeZone: r.zone }).slice(0, 16);
    const name = (await api(HR, 'GET', `/programmes/${programmeId}`)).body.name as string;

    const context = await browser.newContext({
      locale: r.locale,
      timezoneId: r.zone,
      acceptDownloads: true,
    });
    try {
      const page = await context.newPage();
      await page.goto(`${stack.url}/?lang=${lang}`);
      await page.getByRole('button', { name: r.signIn }).click();
      await page.getByRole('link', { name: r.manage }).click();
      await page
        .getByRole('link', { name: r.open(name) })
        .first()
        .click();
      await section(page, r.progress).click();

      const report = await download(
        page,
        page.getByRole('button', { name: r.exportPairs, exact: true }),
        r.separator,
      );
      expect(report.name).toMatch(r.file);
      expect(report.rows[0]!.slice(0, 4)).toEqual(r.header);
      expect(report.rows).toHaveLength(2);
      const row = Object.fromEntries(report.rows[0]!.map((h, i) => [h, report.rows[1]![i]]));
      expect(row[r.next]).toBe(wallClock);
      expect(Object.values(row)).toContain(r.booked);

      await section(page, r.evaluation).click();
      const evaluation = await download(
        page,
        page.getByRole('button', { name: r.exportEvaluation, exact: true }),
        r.separator,
      );
      expect(evaluation.name).toMatch(r.evaluationFile);
      // Nobody has answered: the counts only, and why.
      expect(evaluation.rows).toHaveLength(6);
      expect(evaluation.rows[5]).toEqual(r.withheld);
      // The button and its note pass axe like the rest of the section.
      await expectNoSeriousAxeViolations(page);

      // An HR person whose Excel splits on the other mark picks it; the choice is kept.
      const picker = page.getByRole('combobox', { name: r.separatorLabel });
      await picker.click();
      await picker.selectOption({ label: r.other.option });
      const theirs = await download(
        page,
        page.getByRole('button', { name: r.exportEvaluation, exact: true }),
        r.other.separator,
      );
      expect(theirs.rows).toEqual(evaluation.rows);
      await page.reload();
      await section(page, r.progress).click();
      await expect
        .poll(() => page.getByRole('combobox', { name: r.separatorLabel }).inputValue())
        .toBe(r.other.separator === ',' ? 'comma' : 'semicolon');
    } finally {
      await context.close();
    }
  });
});
