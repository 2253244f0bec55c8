import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../tab/src/i18n/en.json';
import es from '../../tab/src/i18n/es.json';
import { apiAs } from '../integration/api-client';
import { HR } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import {
  expectNoSeriousAxeViolations,
  expectNoSidewaysScroll,
  expectPageTakesPointer,
  type Look,
  signInAs,
  tabStackForFile,
} from './browser';

/**
 * HR runs a programme's life by pointer (issue #19; the keyboard only types text): creates it,
 * sets every setting, starts a pilot for a named group that nobody else sees, promotes it to the
 * organisation-wide call, clones it for the next cohort and reads the audit trail of it all — in
 * Spanish and in English, at a wide and a narrow width, every drop-down, picker and dialog
 * opened by mouse without anything covering the page.
 */
const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });
const CATALOGUES = { es, en } as const;
const LOOKS: Look[] = [
  { lang: 'es', theme: 'default', width: 1280 },
  { lang: 'en', theme: 'dark', width: 400 },
];
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

async function pageChecks(page: Page) {
  await expectPageTakesPointer(page);
  await expectNoSidewaysScroll(page);
}

/** A confirmation dialog is open over the page: it is what takes the pointer, nothing sideways. */
async function dialogChecks(page: Page) {
  await page.getByRole('alertdialog').waitFor();
  await expectNoSidewaysScroll(page);
}

/** Confirms the open dialog, and the page is the page's again. */
async function confirmDialog(page: Page, action: string) {
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('button', { name: action }).click();
  await dialog.waitFor({ state: 'detached' });
  await pageChecks(page);
}

/**
 * Picks a person in a people picker by typing part of their name and clicking them: the one with
 * their job title, as two people may share a name (the demo has two James Whitakers).
 */
async function pick(
  page: Page,
  label: string,
  person: { displayName: string; jobTitle?: string | null },
) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(person.displayName.split(' ')[0]!);
  await page
    .getByRole('option', { name: `${person.displayName} ${person.jobTitle ?? ''}`.trim() })
    .first()
    .click();
  await pageChecks(page);
  // Closes the list by a click on the page's heading, as a person would.
  await page.getByRole('heading', { level: 1 }).click();
}

describe.each(LOOKS)('HR runs a programme’s life, in $lang at $width px ($theme)', (look) => {
  const w = CATALOGUES[look.lang];
  const s = w.admin.settings;

  it('creates with every setting, pilots for a named group, promotes, clones and reads the audit trail', async () => {
    const api = apiAs(stack);
    const person = (name: string) => stack.people.find((p) => p.displayName === name)!;
    const name = `Programa ${look.lang} ${crypto.randomUUID().slice(0, 6)}`;
    const context = await browser.newContext({ locale: look.lang === 'es' ? 'es-ES' : 'en-GB' });
    try {
      const page = await context.newPage();
      await signInAs(page, stack.url, HR, look, 'admin');

      // The template by pointer, then the name.
      const template = page.getByRole('combobox', { name: w.admin.template });
      await template.click();
      await pageChecks(page);
      await page.getByRole('option', { name: w.programmes.kind.reverse }).click();
      await page.getByLabel(w.admin.name, { exact: true }).fill(name);
      await page.getByRole('button', { name: w.admin.createButton }).click();
      await page.getByRole('link', { name: fill(w.admin.editDraft, { name }) }).click();
      await page.getByRole('heading', { name: s.title }).waitFor();
      await expectNoSeriousAxeViolations(page);

      // Every setting.
      await page.getByLabel(s.objectives).fill('Lo digital, de quienes lo dominan a la dirección.');
      await page
        .getByLabel(fill(s.description, { language: w.language.es }))
        .fill('Aprende lo digital en ocho sesiones.');
      await page
        .getByLabel(fill(s.description, { language: w.language.en }))
        .fill('Learn digital in eight sessions.');
      await page.getByRole('radio', { name: s.eligibilityKind.departments }).click();
      await page.getByLabel(s.departments, { exact: true }).fill('Tecnología, Ventas');
      await pick(page, s.pilotGroup, person('Marta Gil'));
      for (const [key, value] of [
        ['plannedSessions', '8'],
        ['durationMonths', '4'],
        ['sessionMinutes', '45'],
        ['mentorCapacity', '2'],
      ] as const) {
        await page.getByLabel(s[key], { exact: true }).fill(value);
      }
      await page.getByRole('radio', { name: new RegExp(s.rule.directManager) }).click();
      await page.getByLabel(s.callOpensOn).fill('2027-01-11');
      await page.getByLabel(s.callClosesOn).fill('2027-01-31');
      // A series starting before the call closes is named beside its field, in the reader's words.
      await page.getByLabel(s.earliestStartOn).fill('2027-01-20');
      await page.getByRole('button', { name: s.addQuestion }).click();
      await page
        .getByLabel(fill(s.question, { number: 1 }), { exact: true })
        .fill('¿Cuánto tiempo puedes dedicar?');
      await page.getByRole('button', { name: s.addQuestion }).click();
      await page
        .getByLabel(fill(s.question, { number: 2 }), { exact: true })
        .fill('¿Qué esperas del programa?');
      await page.getByRole('button', { name: fill(s.questionUp, { number: 2 }) }).click();
      await pick(page, s.owners, person('James Whitaker'));
      await page.getByRole('button', { name: s.save }).click();
      await expect
        .poll(() => page.getByText(w.validation.datesOutOfOrder.earliestStartOn).count())
        .toBe(1);
      await page.getByLabel(s.earliestStartOn).fill('2027-02-08');
      await page.getByRole('button', { name: s.save }).click();

      const programmeId = new URL(page.url()).pathname.split('/')[3]!;
      await expect
        .poll(async () => (await api(HR, 'GET', `/programmes/${programmeId}`)).body.questions)
        .toEqual(['¿Qué esperas del programa?', '¿Cuánto tiempo puedes dedicar?']);
      const stored = (await api(HR, 'GET', `/programmes/${programmeId}`)).body;
      expect(stored).toMatchObject({
        name,
        kind: 'reverse',
        objectives: 'Lo digital, de quienes lo dominan a la dirección.',
        description: {
          es: 'Aprende lo digital en ocho sesiones.',
          en: 'Learn digital in eight sessions.',
        },
        eligibility: { kind: 'departments', departments: ['Tecnología', 'Ventas'] },
        pilotGroup: [person('Marta Gil').id],
        plannedSessions: 8,
        durationMonths: 4,
        sessionMinutes: 45,
        mentorCapacity: 2,
        hierarchyRule: 'directManager',
        callOpensOn: '2027-01-11',
        callClosesOn: '2027-01-31',
        earliestStartOn: '2027-02-08',
      });
      expect([...stored.owners].sort()).toEqual(
        [person(HR).id, person('James Whitaker').id].sort(),
      );

      // The pilot, confirmed in its dialog: Marta sees it, James (in Ventas) does not.
      await page.getByRole('link', { name: w.admin.back }).click();
      await page
        .locator('.fui-Card')
        .filter({ has: page.getByRole('heading', { name, exact: true }) })
        .getByRole('button', { name: w.admin.startPilot })
        .click();
      await dialogChecks(page);
      await confirmDialog(page, w.confirm.startPilot.action);
      await expect
        .poll(async () => (await api(HR, 'GET', `/programmes/${programmeId}`)).body.status)
        .toBe('pilot');
      expect((await api('Marta Gil', 'GET', `/programmes/${programmeId}`)).status).toBe(200);
      expect((await api('James Whitaker', 'GET', `/programmes/${programmeId}`)).status).toBe(404);

      // Promoted: the organisation-wide call opens with the pilot's settings, its announcement ready.
      await page.goto(
        `${stack.url}/?lang=${look.lang}&theme=${look.theme}&page=admin/programmes/${programmeId}/settings`,
      );
      await page.getByRole('button', { name: w.admin.lifecycle.promote }).click();
      await dialogChecks(page);
      await confirmDialog(page, w.confirm.promote.action);
      // The pilot's own page offers an announcement too: wait for the new call's page.
      await page.waitForURL(
        (url) => !url.search.includes(programmeId) && !url.pathname.includes(programmeId),
      );
      await page.getByLabel(w.admin.announce.label).waitFor();
      const callId = new URL(page.url()).pathname.split('/')[3]!;
      expect(callId).not.toBe(programmeId);
      const announcement = await page.getByLabel(w.admin.announce.label).inputValue();
      expect(announcement).toContain(`page=${encodeURIComponent(`programmes/${callId}/apply`)}`);
      expect(announcement).toContain(name);
      expect((await api('James Whitaker', 'GET', `/programmes/${callId}`)).status).toBe(200);

      // Cloned for the next cohort, under a new name typed in the dialog.
      await page.getByRole('button', { name: w.admin.lifecycle.clone }).click();
      await page.getByLabel(w.admin.lifecycle.cloneName).fill(`${name} 2028`);
      await dialogChecks(page);
      await confirmDialog(page, w.confirm.clone.action);
      await page.getByRole('heading', { level: 1, name: `${name} 2028` }).waitFor();

      // The pilot's audit trail, in the reader's words.
      await page.goto(
        `${stack.url}/?lang=${look.lang}&theme=${look.theme}&page=admin/programmes/${programmeId}/audit`,
      );
      const trail = page.getByRole('table', { name: w.admin.panels.audit });
      await trail.waitFor();
      const rows = await trail.getByRole('row').allInnerTexts();
      const actions = w.audit.action;
      const said = (label: string) => rows.filter((r) => r.includes(label)).length;
      expect(said(actions.created)).toBe(1);
      expect(said(actions.settingsChanged)).toBe(1);
      expect(said(actions.statusChanged)).toBe(1);
      expect(said(actions.promoted)).toBe(1);
      expect(rows.every((r, i) => i === 0 || r.includes(HR))).toBe(true);
      await pageChecks(page);
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
