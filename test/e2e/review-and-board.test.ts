import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../tab/src/i18n/en.json';
import es from '../../tab/src/i18n/es.json';
import { apiAs } from '../integration/api-client';
import {
  asPerson,
  HR,
  menteeForm,
  mentorForm,
  unrelatedPeople,
} from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import type { SimPerson } from '../sim/graph/tenant';
import {
  expectNoSeriousAxeViolations,
  expectNoSidewaysScroll,
  expectPageTakesPointer,
  type Look,
  openPage,
  signInAs,
  tabStackForFile,
  tabTo,
} from './browser';

/**
 * HR's rigorous review and the matching board's additions in the browser (issue #19): the full
 * answers read and two mentors approved in bulk with the keyboard; then, by pointer, a mentor's
 * capacity raised, a pair by hand refused for its reporting line (named), another made, a
 * left-out mentee kept on the waiting list, and all confirmed. Once in each language, at each
 * width, in a different theme; every drop-down, popover and dialog opened leaves the page usable.
 */
const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST, bookingWorker: true });
const WORDS = { en, es } as const;
const QUESTION = '¿Qué experiencia tienes liderando equipos?';
const ANSWER = 'Dirijo un equipo de doce personas desde 2019';

const VARIANTS: (Look & { colorScheme: 'light' | 'dark' })[] = [
  { lang: 'es', theme: 'dark', colorScheme: 'dark', width: 400 },
  { lang: 'en', theme: 'contrast', colorScheme: 'dark', width: 1280 },
];

/** Fills a catalogue sentence's `{{name}}` slots. */
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

/** Someone whose manager can sign in too, neither with an app role; the deepest first. */
function reportAndManager(taken: Set<string>): { report: SimPerson; manager: SimPerson } {
  const everyone = stack.graph.tenant.list();
  const signIn = new Set(stack.people.map((p) => p.id));
  const byId = new Map(everyone.map((p) => [p.id, p]));
  const plain = (p: SimPerson | undefined): p is SimPerson =>
    p !== undefined &&
    signIn.has(p.id) &&
    !taken.has(p.id) &&
    !(p.appRoles ?? []).length &&
    p.accountEnabled;
  const depth = (p: SimPerson): number => (p.managerId ? 1 + depth(byId.get(p.managerId)!) : 0);
  const report = [...everyone]
    .sort((a, b) => depth(b) - depth(a))
    .find((p) => plain(p) && plain(byId.get(p.managerId ?? '')))!;
  const manager = byId.get(report.managerId!)!;
  taken.add(report.id);
  taken.add(manager.id);
  return { report, manager };
}
const taken = new Set<string>();

/** Moves the focus backwards (Shift+Tab) to the control whose name holds `text`. */
async function shiftTabTo(page: Page, text: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Shift+Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      return `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`;
    });
    if (name.includes(text)) return;
  }
  throw new Error(`Shift+Tab never reached "${text}"`);
}

describe.each(VARIANTS)('HR reviews and pairs by hand ($lang, $theme, $width px)', (look) => {
  it('reads full answers, approves in bulk by keyboard, then pairs by hand by pointer', async () => {
    const w = WORDS[look.lang];
    const api = apiAs(stack);
    const as = asPerson(stack, api);
    // e1 reports to x; x and m2 apply as mentors, e1, e2 and e3 as mentees.
    const { report: e1, manager: x } = reportAndManager(taken);
    const [m2, e2, e3] = unrelatedPeople(stack, 3, [e1.id, x.id]);
    const draft = await api(HR, 'POST', '/programmes', {
      body: {
        kind: 'classic',
        name: `Revisión ${look.lang} ${look.width}`,
        questions: [QUESTION],
        mentorCapacity: 1,
        keepsWaitingList: true,
      },
    });
    const opened = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    });
    const id = opened.body.id as string;
    for (const mentor of [x, m2!]) {
      const r = await as(mentor.id, 'POST', `/programmes/${id}/applications`, {
        body: { ...mentorForm, answers: [ANSWER] },
      });
      expect(r.status).toBe(201);
    }
    for (const mentee of [e1, e2!, e3!]) {
      const r = await as(mentee.id, 'POST', `/programmes/${id}/applications`, {
        body: menteeForm,
      });
      expect(r.status).toBe(201);
    }

    const hr = await openPage(browser, { colorScheme: look.colorScheme });
    try {
      await signInAs(hr.page, stack.url, HR, look, `admin/programmes/${id}/applications`);
      const table = hr.page.getByRole('table', { name: w.admin.applications });
      await table.waitFor({ timeout: 60_000 });
      // The full answers: HR's question with the mentor's answer, the languages by name.
      await table.getByText(QUESTION).first().waitFor();
      await table.getByText(ANSWER).first().waitFor();
      await table
        .getByText(new Intl.DisplayNames([look.lang], { type: 'language' }).of('es')!)
        .first()
        .waitFor();
      await expectNoSidewaysScroll(hr.page);

      // A filter's drop-down by pointer: mentors only; the page keeps taking clicks.
      await hr.page.getByRole('combobox', { name: w.admin.role }).click();
      const mentorsOnly = hr.page.getByRole('option', { name: w.admin.mentor, exact: true });
      await mentorsOnly.waitFor();
      await expectPageTakesPointer(hr.page);
      await mentorsOnly.click();
      await expect.poll(() => table.getByRole('row').count()).toBe(3);

      // Bulk approval with the keyboard alone: select both, open the dialog, write a note, confirm.
      for (const mentor of [x, m2!]) {
        await tabTo(hr.page, fill(w.review.select, { name: mentor.displayName }));
        await hr.page.keyboard.press('Space');
      }
      // The bulk buttons sit above the table: back up to them.
      await shiftTabTo(hr.page, fill(w.review.approveSelected_other, { count: 2 }));
      await hr.page.keyboard.press('Enter');
      const dialog = hr.page.getByRole('dialog');
      await dialog.waitFor();
      await expectNoSeriousAxeViolations(hr.page);
      await hr.page.screenshot({ path: `/tmp/review-dialog-${look.lang}-${look.width}.png` });
      await tabTo(hr.page, w.review.dialog.approve.note);
      await hr.page.keyboard.type('Experiencia probada');
      await tabTo(hr.page, fill(w.review.dialog.approve.action_other, { count: 2 }));
      await hr.page.keyboard.press('Enter');
      await hr.page.getByText(fill(w.review.decided_other, { count: 2 })).waitFor();
      const decidedBy = w.review.decidedBy.split('{{name}}')[0]!;
      await expect
        .poll(() => table.getByText(`${decidedBy}${HR}`, { exact: false }).count())
        .toBe(2);
      await hr.page.screenshot({
        path: `/tmp/review-${look.lang}-${look.width}.png`,
        fullPage: true,
      });
      await expectNoSeriousAxeViolations(hr.page);

      // To matching and a first run (the API, as the board's own button would).
      const programme = await api(HR, 'GET', `/programmes/${id}`);
      await api(HR, 'PUT', `/programmes/${id}/status`, {
        body: { status: 'matching' },
        headers: { 'if-match': programme.body.etag },
      });
      const run = await api(HR, 'POST', `/programmes/${id}/matching/runs`);
      expect(run.status).toBe(201);
      // Two mentors of capacity 1, three mentees: one is left out besides, maybe, e1.
      await hr.page.goto(
        `${stack.url}/?lang=${look.lang}&theme=${look.theme}&page=admin/programmes/${id}/matching`,
      );
      await hr.page.getByRole('table', { name: w.matching.proposals }).waitFor();
      await expectNoSidewaysScroll(hr.page);

      // The score's scale, in a popover opened by pointer.
      await hr.page.getByRole('button', { name: w.matching.scoreMeaning }).click();
      await hr.page.getByText(w.matching.scoreScale.slice(0, 40), { exact: false }).waitFor();
      await expectPageTakesPointer(hr.page);
      await hr.page.keyboard.press('Escape');

      // If the run gave e1 a mentor, HR rejects that proposal, saying why (the dialog asks).
      const matching = (await api(HR, 'GET', `/programmes/${id}/matching`)).body;
      const e1Proposal = matching.proposals.find((p: { mentee: string }) => p.mentee === e1.id);
      if (e1Proposal) {
        await hr.page
          .getByRole('button', {
            name: fill(w.matching.rejectPair, {
              mentee: e1Proposal.menteeName,
              mentor: e1Proposal.mentorName,
            }),
          })
          .click();
        const reject = hr.page.getByRole('alertdialog');
        await reject.getByLabel(w.board.rejectReason).fill('Prefiere otra área');
        await reject.getByRole('button', { name: w.confirm.rejectPair.action }).click();
        await reject.waitFor({ state: 'detached' });
      }

      // x is full: HR raises x's capacity from the board.
      await hr.page
        .getByRole('button', { name: fill(w.board.raiseFor, { name: x.displayName, capacity: 2 }) })
        .click();
      await hr.page
        .getByRole('button', { name: fill(w.board.raiseFor, { name: x.displayName, capacity: 3 }) })
        .waitFor();

      // Pair e1 with x by hand: refused, and the refusal names the reporting line.
      const pick = async (field: string, who: string) => {
        await hr.page.getByRole('combobox', { name: field }).click();
        const option = hr.page.getByRole('option', { name: who });
        await option.waitFor();
        await expectPageTakesPointer(hr.page);
        await option.click();
      };
      await pick(w.admin.mentee, e1.displayName);
      await pick(w.admin.mentor, x.displayName);
      await hr.page.getByRole('button', { name: w.board.pair, exact: true }).click();
      await hr.page.getByText(`${e1.displayName} → ${x.displayName}`, { exact: false }).waitFor();

      // Another left-out mentee with x: made, locked.
      const now = (await api(HR, 'GET', `/programmes/${id}/matching`)).body;
      const other = now.unmatched.find(
        (u: { personId: string; role: string }) => u.role === 'mentee' && u.personId !== e1.id,
      );
      if (other) {
        await pick(w.admin.mentee, other.name);
        await pick(w.admin.mentor, x.displayName);
        await hr.page.getByRole('button', { name: w.board.pair, exact: true }).click();
        await expect
          .poll(async () =>
            (await api(HR, 'GET', `/programmes/${id}/matching`)).body.proposals.some(
              (p: { mentee: string; mentor: string; locked: boolean }) =>
                p.mentee === other.personId && p.mentor === x.id && p.locked,
            ),
          )
          .toBe(true);
      }

      // e1 stays on the waiting list, and the board says since when.
      await hr.page
        .getByRole('button', { name: fill(w.board.keepWaitingFor, { name: e1.displayName }) })
        .click();
      const since = w.board.waitingSince.split('{{when}}')[0]!;
      await hr.page.getByText(since, { exact: false }).first().waitFor();
      await expectNoSeriousAxeViolations(hr.page);
      await expectNoSidewaysScroll(hr.page);
      await hr.page.screenshot({
        path: `/tmp/review-board-${look.lang}-${look.theme}-${look.width}.png`,
        fullPage: true,
      });

      // Confirm all: the dialog says how many calendars get invitations.
      const pending = (await api(HR, 'GET', `/programmes/${id}/matching`)).body.proposals.filter(
        (p: { status: string }) => p.status === 'proposed',
      ).length;
      const confirmAll = fill(
        pending === 1 ? w.matching.confirmAll_one : w.matching.confirmAll_other,
        {
          count: pending,
        },
      );
      await hr.page.getByRole('button', { name: confirmAll }).click();
      const confirm = hr.page.getByRole('alertdialog');
      await confirm.waitFor();
      await confirm.getByRole('button', { name: w.confirm.confirmPairs.action }).click();
      const confirmed = pending === 1 ? w.matching.confirmed_one : w.matching.confirmed_other;
      await hr.page.getByText(fill(confirmed, { count: pending })).waitFor();
      const waiting = await as(e1.id, 'GET', '/applications/me');
      expect(
        waiting.body.value.find((a: { programmeId: string }) => a.programmeId === id).outcome,
      ).toBe('waitingList');
      // The one failed load is the refusal provoked on purpose (the pair with a reporting line);
      // an aborted request is the page left mid-load by a navigation, not a defect.
      expect(hr.consoleErrors.filter((e) => !e.startsWith('net::ERR_ABORTED'))).toEqual([
        'Failed to load resource: the server responded with a status of 409 (Conflict)',
      ]);
    } finally {
      await hr.context.close();
    }
  });
});
