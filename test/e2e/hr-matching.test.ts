import { describe, expect, it } from 'vitest';
import { apiAs } from '../integration/api-client';
import { HR, matchingProgramme, uniquelyNamedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import {
  expectNoSeriousAxeViolations,
  openPage,
  signInAs,
  tabStackForFile,
  tabTo,
} from './browser';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST, bookingWorker: true });

const TEXT = {
  en: {
    signIn: 'Continue as Lucía Fernández',
    manage: 'Manage programmes',
    open: (name: string) => `Open ${name}: matching, booking, progress`,
    matching: 'Matching',
    run: 'Run matching',
    proposals: 'Proposed pairs',
    why: 'Shared language: Spanish',
    confirmAll: 'Confirm all 2 pairs and book them',
    invitations: "go to 4 people's calendars",
    confirmed: '2 pairs confirmed: booking has started.',
    booking: 'Booking',
    scoreHow: 'How the score is made',
    scoreInfo: 'Out of 100. At most: 58.8 when the mentor offers everything',
    booked: '2 of 2 pairs booked',
    progress: 'Progress',
    sessionsChart: 'Sessions held / planned',
    evaluation: 'Evaluation',
    responses: '0 of 4 people answered',
    openPair: /^Open the pair with /,
    move: 'Move session 2',
    moveIt: 'Move it',
    session2: 'Session 2',
    moved: 'Moved',
    movedNote: 'Session 2 moved to',
  },
  es: {
    signIn: 'Continuar como Lucía Fernández',
    manage: 'Gestionar programas',
    open: (name: string) => `Abrir ${name}: emparejamiento, reservas, seguimiento`,
    matching: 'Emparejamiento',
    run: 'Emparejar',
    proposals: 'Parejas propuestas',
    why: 'Idioma en común: español',
    confirmAll: 'Confirmar las 2 parejas y reservar',
    invitations: 'a los calendarios de 4 personas',
    confirmed: '2 parejas confirmadas: la reserva ha empezado.',
    booking: 'Reservas',
    scoreHow: 'Cómo se calcula',
    scoreInfo: 'Sobre 100. Como máximo: 58,8 si la persona mentora ofrece todo',
    booked: '2 de 2 parejas reservadas',
    progress: 'Seguimiento',
    sessionsChart: 'Sesiones celebradas / previstas',
    evaluation: 'Evaluación',
    responses: 'Han respondido 0 de 4 personas',
    openPair: /^Abrir la pareja con /,
    move: 'Cambiar la sesión 2',
    moveIt: 'Cambiarla',
    session2: 'Sesión 2',
    moved: 'Cambiada',
    movedNote: 'La sesión 2 pasa a',
  },
} as const;

describe.each(['es', 'en'] as const)('HR matches, confirms and watches booking, in %s', (lang) => {
  const t = TEXT[lang];

  it('runs the matcher, reads the reasons, confirms with the keyboard and sees both pairs booked; a mentee then moves a session', async () => {
    const api = apiAs(stack);
    // Display names pick people at sign-in: the mentees need names nobody else has.
    const chosen = uniquelyNamedPeople(stack, 4);
    const people = chosen.map((p) => p.id);
    const { programmeId } = await matchingProgramme(stack, api, {
      mentors: people.slice(0, 2),
      mentees: people.slice(2),
    });
    const programme = await api(HR, 'GET', `/programmes/${programmeId}`);
    const name = programme.body.name as string;
    const hr = await openPage(browser, { colorScheme: lang === 'es' ? 'dark' : 'light' });
    try {
      // Before the first run the matching does not exist yet (404): the board says so. Any other
      // missing resource is a defect.
      const missing: string[] = [];
      hr.page.on('response', (r) => {
        if (r.status() === 404) missing.push(new URL(r.url()).pathname);
      });
      await hr.page.goto(
        `${stack.url}/?lang=${lang}&theme=${lang === 'es' ? 'contrast' : 'default'}`,
      );
      await hr.page.getByRole('button', { name: t.signIn }).click();
      await hr.page.getByRole('link', { name: t.manage }).click();
      await hr.page
        .getByRole('link', { name: t.open(name) })
        .first()
        .click();
      await hr.page.getByRole('heading', { level: 2, name: t.matching }).waitFor();
      await hr.page.getByRole('button', { name: t.run, exact: true }).click();
      const table = hr.page.getByRole('table', { name: t.proposals });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(3);
      await table.getByText(t.why).first().waitFor();
      // Scores read out of 100; the header's info button says, by pointer, how they are made.
      await table
        .getByText(/^\d{1,3} \/ 100$/)
        .first()
        .waitFor();
      await table.getByRole('button', { name: t.scoreHow }).click();
      await hr.page.getByText(t.scoreInfo, { exact: false }).waitFor();
      await expectNoSeriousAxeViolations(hr.page);
      await hr.page.keyboard.press('Escape');

      // Confirm without the mouse.
      await tabTo(hr.page, t.confirmAll);
      await hr.page.keyboard.press('Enter');
      // Invitations cannot be unsent: the dialog says how many calendars get them; its first
      // button (focused) confirms.
      await hr.page.getByRole('alertdialog').getByText(t.invitations, { exact: false }).waitFor();
      await hr.page.keyboard.press('Enter');
      await hr.page.getByText(t.confirmed).waitFor();

      await hr.page.getByRole('tab', { name: t.booking, exact: true }).click();
      await hr.page.getByText(t.booked).waitFor({ timeout: 60_000 });
      await expectNoSeriousAxeViolations(hr.page);

      await hr.page.getByRole('tab', { name: t.progress, exact: true }).click();
      await hr.page.getByText(t.sessionsChart).first().waitFor();
      await expectNoSeriousAxeViolations(hr.page);

      // With the chart drawn, the page still takes the pointer (no portal layer over it).
      await hr.page.getByRole('tab', { name: t.evaluation, exact: true }).click();
      await hr.page.getByText(t.responses).waitFor();
      expect(missing).toEqual([`/api/programmes/${programmeId}/matching`]);

      // A mentee of a booked pair moves one session to a slot free for both.
      const mentee = await openPage(browser);
      try {
        await signInAs(mentee.page, stack.url, chosen[2]!.displayName, { lang });
        await mentee.page.getByRole('link', { name: t.openPair }).first().click();
        const second = mentee.page.getByRole('listitem').filter({ hasText: t.session2 });
        await second.getByRole('button', { name: t.move }).click();
        await second.getByRole('radio').first().check();
        await second.getByRole('button', { name: t.moveIt }).click();
        await second.getByText(t.moved, { exact: true }).waitFor();
        // The panel closes and says where the session went.
        await second.getByRole('status').getByText(t.movedNote, { exact: false }).waitFor();
        expect(await second.getByRole('button', { name: t.moveIt }).count()).toBe(0);
        await expectNoSeriousAxeViolations(mentee.page);
        expect(mentee.consoleErrors).toEqual([]);
      } finally {
        await mentee.context.close();
      }
      expect(hr.consoleErrors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    } finally {
      await hr.context.close();
    }
  });
});
