import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from '../integration/api-client';
import { asPerson, HR, menteeForm, uniquelyNamedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import { expectNoSeriousAxeViolations, openPage, tabStackForFile } from './browser';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

const TEXT = {
  en: {
    continueAs: (name: string) => `Continue as ${name}`,
    search: 'Search people',
    manage: 'Manage programmes',
    open: (name: string) => `Open ${name}: matching, booking, progress`,
    applications: 'Applications',
    showReason: "Applicants see HR's reason when their application is rejected",
    reasonFor: 'Reason',
    reject: 'Reject',
    rejectIt: 'Reject the application',
    reasonHidden: 'The applicant will not see the reason',
    reasonShown: 'The applicant will see this reason.',
    notSelected: 'Your application was not selected this time.',
    notAccepted: 'Not accepted',
  },
  es: {
    continueAs: (name: string) => `Continuar como ${name}`,
    search: 'Buscar personas',
    manage: 'Gestionar programas',
    open: (name: string) => `Abrir ${name}: emparejamiento, reservas, seguimiento`,
    applications: 'Solicitudes',
    showReason: 'Quien se inscribe ve el motivo de RR. HH. si se rechaza su solicitud',
    reasonFor: 'Motivo',
    reject: 'Rechazar',
    rejectIt: 'Rechazar la solicitud',
    reasonHidden: 'La persona no verá el motivo',
    reasonShown: 'La persona verá este motivo.',
    notSelected: 'Esta vez tu solicitud no ha sido seleccionada.',
    notAccepted: 'No aceptada',
  },
} as const;

const REASON = 'Este año las plazas son para Ventas';

async function signIn(page: Page, lang: 'es' | 'en', name: string) {
  const t = TEXT[lang];
  await page.goto(`${stack.url}/?lang=${lang}`);
  await page.getByLabel(t.search).click();
  await page.keyboard.type(name);
  await page.getByRole('button', { name: t.continueAs(name) }).click();
}

describe.each(['es', 'en'] as const)('a rejected applicant learns it, in %s', (lang) => {
  const t = TEXT[lang];

  it('HR rejects by pointer; the applicant reads "not selected", the reason only where HR shows it', async () => {
    // The call and the two applications come through the API; what is judged is the screens.
    const api = apiAs(stack);
    const as = asPerson(stack, api);
    const name = `Outcomes ${lang.toUpperCase()} 2027`;
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic', name } });
    const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    });
    expect(open.status).toBe(200);
    const [hidden, shown] = uniquelyNamedPeople(stack, 2);
    for (const person of [hidden!, shown!]) {
      const r = await as(person.id, 'POST', `/programmes/${open.body.id}/applications`, {
        body: menteeForm,
      });
      expect(r.status).toBe(201);
    }

    const hr = await openPage(browser);
    const first = await openPage(browser);
    const second = await openPage(browser);
    try {
      await signIn(hr.page, lang, HR);
      await hr.page.getByRole('link', { name: t.manage }).click();
      await hr.page.getByRole('link', { name: t.open(name) }).click();
      await hr.page.getByRole('heading', { level: 2, name: t.applications }).waitFor();

      const rejectByPointer = async (who: string, says: string) => {
        const row = hr.page.getByRole('row').filter({ hasText: who });
        // The reject dialog asks for the reason.
        await row.getByRole('button', { name: t.reject }).click();
        const dialog = hr.page.getByRole('alertdialog');
        await dialog.getByLabel(t.reasonFor).click();
        await hr.page.keyboard.type(REASON);
        await dialog.getByText(says, { exact: false }).waitFor();
        await expectNoSeriousAxeViolations(hr.page);
        await dialog.getByRole('button', { name: t.rejectIt }).click();
        await dialog.waitFor({ state: 'detached' });
        await row.getByText(t.notAccepted, { exact: true }).waitFor();
      };

      // By default HR's reason stays with HR, and the dialog says so.
      const toggle = hr.page.getByRole('switch', { name: t.showReason });
      expect(await toggle.isChecked()).toBe(false);
      await rejectByPointer(hidden!.displayName, t.reasonHidden);
      // HR turns the reason on; the next dialog says the applicant will read it.
      await toggle.click();
      await expect.poll(() => toggle.isChecked()).toBe(true);
      await rejectByPointer(shown!.displayName, t.reasonShown);
      await expectNoSeriousAxeViolations(hr.page);

      const cardOf = (page: Page) =>
        page
          .getByRole('listitem')
          .filter({ has: page.getByRole('heading', { name, exact: true }) });
      await signIn(first.page, lang, hidden!.displayName);
      await cardOf(first.page).getByText(t.notSelected).waitFor();
      expect(await cardOf(first.page).getByText(REASON, { exact: false }).count()).toBe(0);
      await expectNoSeriousAxeViolations(first.page);

      await signIn(second.page, lang, shown!.displayName);
      await cardOf(second.page).getByText(t.notSelected).waitFor();
      await cardOf(second.page).getByText(REASON, { exact: false }).waitFor();

      for (const p of [hr, first, second]) expect(p.consoleErrors).toEqual([]);
    } finally {
      for (const p of [hr, first, second]) await p.context.close();
    }
  });
});
