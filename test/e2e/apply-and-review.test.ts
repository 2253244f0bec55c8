import { describe, expect, it } from 'vitest';
import { TAB_DIST } from '../sim/build-tab';
import { expectNoSeriousAxeViolations, openPage, tabStackForFile, tabTo } from './browser';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

const TEXT = {
  en: {
    signIn: (name: string) => `Continue as ${name}`,
    manage: 'Manage programmes',
    name: 'Name',
    create: 'Create draft',
    openCall: 'Open the call',
    applyTo: (name: string) => `Apply to ${name}`,
    why: 'Why do you want to take part?',
    wants: 'What do you want to learn?',
    search: 'communic',
    english: 'English',
    consent: 'I take part voluntarily',
    send: 'Send application',
    sent: 'Your application was sent.',
    submitted: 'Submitted',
    reason: 'Reason',
    reasonNeeded: 'Say why: the reason is kept with the decision.',
    reject: 'Reject',
    rejectIt: 'Reject the application',
    notAccepted: 'Not accepted',
    reasonHidden: 'The applicant will not see the reason',
    notSelected: 'Your application was not selected this time.',
  },
  es: {
    signIn: (name: string) => `Continuar como ${name}`,
    manage: 'Gestionar programas',
    name: 'Nombre',
    create: 'Crear borrador',
    openCall: 'Abrir la convocatoria',
    applyTo: (name: string) => `Inscribirme en ${name}`,
    why: '¿Por qué quieres participar?',
    wants: '¿Qué quieres aprender?',
    search: 'comunica',
    english: 'inglés',
    consent: 'Participo de forma voluntaria',
    send: 'Enviar solicitud',
    sent: 'Tu solicitud se ha enviado.',
    submitted: 'Enviada',
    reason: 'Motivo',
    reasonNeeded: 'Indica el motivo: se guarda con la decisión.',
    reject: 'Rechazar',
    rejectIt: 'Rechazar la solicitud',
    notAccepted: 'No aceptada',
    reasonHidden: 'La persona no verá el motivo',
    notSelected: 'Esta vez tu solicitud no ha sido seleccionada.',
  },
} as const;

describe.each(['es', 'en'] as const)('applying and reviewing, in %s', (lang) => {
  const t = TEXT[lang];
  const programmeName = `Mentoring ${lang.toUpperCase()} 2027`;

  it('HR opens a call; an employee applies with the keyboard only; HR rejects, she reads she was not selected', async () => {
    const hr = await openPage(browser);
    const employee = await openPage(browser);
    try {
      // HR creates the programme from a template and opens the call.
      await hr.page.goto(`${stack.url}/?lang=${lang}`);
      await hr.page.getByRole('button', { name: t.signIn('Lucía Fernández') }).click();
      await hr.page.getByRole('link', { name: t.manage }).click();
      await hr.page.getByLabel(t.name).fill(programmeName);
      await hr.page.getByRole('button', { name: t.create }).click();
      await hr.page.getByRole('heading', { name: programmeName }).waitFor();
      await expectNoSeriousAxeViolations(hr.page);
      const card = hr.page.locator('.fui-Card', {
        has: hr.page.getByRole('heading', { name: programmeName }),
      });
      // Opening the call cannot be undone: Tandem asks first.
      await card.getByRole('button', { name: t.openCall }).click();
      const openDialog = hr.page.getByRole('alertdialog');
      await openDialog.getByRole('heading', { name: new RegExp(programmeName) }).waitFor();
      await expectNoSeriousAxeViolations(hr.page);
      await openDialog.getByRole('button', { name: t.openCall }).click();
      await card.getByRole('button', { name: t.openCall }).waitFor({ state: 'detached' });

      // The employee applies without touching the mouse.
      await employee.page.goto(`${stack.url}/?lang=${lang}`);
      await employee.page.getByRole('button', { name: t.signIn('Marta Gil') }).click();
      await employee.page.getByRole('heading', { name: programmeName }).waitFor();
      await expectNoSeriousAxeViolations(employee.page);
      await tabTo(employee.page, t.applyTo(programmeName));
      await employee.page.keyboard.press('Enter');
      await employee.page.getByLabel(t.why).waitFor();
      await expectNoSeriousAxeViolations(employee.page);
      await tabTo(employee.page, t.why);
      await employee.page.keyboard.type('Quiero aprender a negociar con clientes grandes');
      // The topics: searched in the picker and picked with the arrow keys and Enter.
      await tabTo(employee.page, t.wants);
      await employee.page.keyboard.type(t.search);
      await employee.page.keyboard.press('ArrowDown');
      await employee.page.keyboard.press('Enter');
      await tabTo(employee.page, t.english);
      await employee.page.keyboard.press('Space');
      await tabTo(employee.page, t.consent);
      await employee.page.keyboard.press('Space');
      await tabTo(employee.page, t.send);
      await employee.page.keyboard.press('Enter');
      await employee.page.getByText(t.sent).waitFor();
      const myCard = employee.page
        .getByRole('listitem')
        .filter({ has: employee.page.getByRole('heading', { name: programmeName, exact: true }) });
      await myCard.getByText(t.submitted, { exact: true }).waitFor();

      // HR rejects with a reason; the employee reads it.
      await hr.page.reload();
      const hrCard = hr.page.locator('.fui-Card', {
        has: hr.page.getByRole('heading', { name: programmeName }),
      });
      const row = hrCard.getByRole('row').filter({ hasText: 'Marta Gil' });
      // The reject dialog asks for the reason, and refuses to go on without one.
      await row.getByRole('button', { name: t.reject }).click();
      const rejectDialog = hr.page.getByRole('alertdialog');
      await rejectDialog.getByRole('button', { name: t.rejectIt }).click();
      await rejectDialog.getByText(t.reasonNeeded).waitFor();
      await rejectDialog.getByLabel(t.reason).fill('Este año solo hay plazas para Ventas');
      // The programme keeps HR's reasons to HR unless HR says otherwise (issue #14).
      await rejectDialog.getByText(t.reasonHidden, { exact: false }).waitFor();
      await rejectDialog.getByRole('button', { name: t.rejectIt }).click();
      await hrCard.getByText(t.notAccepted, { exact: true }).waitFor();
      await expectNoSeriousAxeViolations(hr.page);
      await employee.page.reload();
      await myCard.getByText(t.notSelected, { exact: false }).waitFor();
      // The kind sentence replaces the bare status: no "Rejected" beside it.
      expect(await myCard.getByText(t.notAccepted, { exact: true }).count()).toBe(0);
      expect(await myCard.getByText('Este año solo hay plazas para Ventas').count()).toBe(0);
      expect(hr.consoleErrors).toEqual([]);
      expect(employee.consoleErrors).toEqual([]);
    } finally {
      await hr.context.close();
      await employee.context.close();
    }
  });
});
