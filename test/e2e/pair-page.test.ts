import { describe, expect, it } from 'vitest';
import { apiAs } from '../integration/api-client';
import { fortnightly, writeBookedSeries } from '../integration/booking/booked-series';
import { HR, matchingProgramme, uniquelyNamedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import { expectNoSeriousAxeViolations, openPage, signInAs, tabStackForFile } from './browser';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

const TEXT = {
  en: {
    openPair: (name: string) => `Open the pair with ${name}`,
    titleMentee: (name: string) => `Your mentoring with ${name}`,
    titleMentor: (name: string) => `Mentoring ${name}`,
    sessions: 'Sessions',
    held: 'Held',
    newAgenda: 'New agenda item',
    add: 'Add',
    newNote: 'New note',
    onlyMe: 'Only me',
    saveNote: 'Save note',
    newGoal: 'New goal',
    feedbackOn: 'Give feedback on session 1',
    useful: 'Yes',
    sendFeedback: 'Send feedback',
    yourRating: 'Your rating: 4/5',
    otherGave: 'The other person gave feedback',
    commentOn: (title: string) => `Your comment on “${title}”`,
    save: 'Save',
    mentorSays: 'Your mentor: Empieza por el comité de marzo',
  },
  es: {
    openPair: (name: string) => `Abrir la pareja con ${name}`,
    titleMentee: (name: string) => `Tu mentoring con ${name}`,
    titleMentor: (name: string) => `Mentoring de ${name}`,
    sessions: 'Sesiones',
    held: 'Celebrada',
    newAgenda: 'Nuevo punto de agenda',
    add: 'Añadir',
    newNote: 'Nueva nota',
    onlyMe: 'Solo yo',
    saveNote: 'Guardar nota',
    newGoal: 'Nuevo objetivo',
    feedbackOn: 'Valorar la sesión 1',
    useful: 'Sí',
    sendFeedback: 'Enviar valoración',
    yourRating: 'Tu valoración: 4/5',
    otherGave: 'La otra persona ya ha valorado',
    commentOn: (title: string) => `Tu comentario sobre «${title}»`,
    save: 'Guardar',
    mentorSays: 'Tu mentor: Empieza por el comité de marzo',
  },
} as const;

/** A booked pair: ten fortnightly sessions, the first two days ago (so one is held). */
async function bookedPair() {
  const api = apiAs(stack);
  // Display names pick people at sign-in: each member needs one nobody else has.
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
  await writeBookedSeries(
    stack,
    { id: pairId, programmeId },
    fortnightly(Date.now() - 48 * 3_600_000),
    { responses: { mentor: 'accepted', mentee: 'accepted', checkedAt: null } },
  );
  return { pairId, mentor: mentor!.displayName, mentee: mentee!.displayName };
}

describe.each(['es', 'en'] as const)('the pair’s page, in %s', (lang) => {
  const t = TEXT[lang];

  it('the mentee opens the pair from home, writes agenda, a private note and a goal, rates the session held; the mentor sees what is shared and comments', async () => {
    const { mentor, mentee } = await bookedPair();
    const a = await openPage(browser);
    const b = await openPage(browser, { colorScheme: 'dark' });
    try {
      await signInAs(a.page, stack.url, mentee, { lang });
      await a.page.getByRole('link', { name: t.openPair(mentor) }).click();
      await a.page.getByRole('heading', { level: 1, name: t.titleMentee(mentor) }).waitFor();
      await a.page.getByRole('heading', { name: t.sessions }).waitFor();
      expect(await a.page.getByRole('listitem').filter({ hasText: t.held }).count()).toBe(1);
      await expectNoSeriousAxeViolations(a.page);

      await a.page.getByLabel(t.newAgenda).fill('Cómo preparo una negociación difícil');
      await a.page.getByLabel(t.newAgenda).press('Enter');
      await a.page.getByText('Cómo preparo una negociación difícil').waitFor();

      await a.page.getByLabel(t.newNote).fill('Solo para mí: me cuesta delegar');
      await a.page.getByRole('radio', { name: t.onlyMe }).check();
      await a.page.getByRole('button', { name: t.saveNote }).click();
      await a.page.getByText('Solo para mí: me cuesta delegar').waitFor();

      await a.page.getByLabel(t.newGoal).fill('Presentar en el comité');
      await a.page.getByLabel(t.newGoal).press('Enter');
      await a.page.getByText('Presentar en el comité').first().waitFor();

      await a.page.getByRole('button', { name: t.feedbackOn }).click();
      await a.page.getByRole('radio', { name: '4' }).first().check();
      // Nothing is pre-filled: "was it useful" waits for an answer before feedback can go.
      const sendFeedback = a.page.getByRole('button', { name: t.sendFeedback });
      expect(await sendFeedback.isDisabled()).toBe(true);
      expect(await a.page.getByRole('radio', { name: t.useful, exact: true }).isChecked()).toBe(
        false,
      );
      await a.page.getByRole('radio', { name: t.useful, exact: true }).click();
      await sendFeedback.click();
      await a.page.getByText(t.yourRating).waitFor();
      await expectNoSeriousAxeViolations(a.page);

      // The mentor, in the dark theme: the agenda and goal are shared; the private note is not.
      await signInAs(b.page, stack.url, mentor, { lang, theme: 'dark' });
      await b.page.getByRole('link', { name: t.openPair(mentee) }).click();
      await b.page.getByRole('heading', { level: 1, name: t.titleMentor(mentee) }).waitFor();
      await b.page.getByText('Cómo preparo una negociación difícil').waitFor();
      await b.page.getByText(t.otherGave).waitFor();
      expect(await b.page.getByText('me cuesta delegar').count()).toBe(0);
      await b.page
        .getByLabel(t.commentOn('Presentar en el comité'))
        .fill('Empieza por el comité de marzo');
      await b.page
        .getByRole('listitem')
        .filter({ hasText: 'Presentar en el comité' })
        .getByRole('button', { name: t.save })
        .click();
      await expectNoSeriousAxeViolations(b.page);

      await a.page.reload();
      await a.page.getByText(t.mentorSays).waitFor();
      expect(a.consoleErrors).toEqual([]);
      expect(b.consoleErrors).toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });
});
