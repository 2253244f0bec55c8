import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgChart } from '../../functions/src/domain/hierarchy/hierarchy';
import en from '../../tab/src/i18n/en.json';
import es from '../../tab/src/i18n/es.json';
import { apiAs } from '../integration/api-client';
import { HR, matchingProgramme, unrelatedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import { type LocalStack, startLocalStack } from '../sim/stack';
import {
  expectNoSeriousAxeViolations,
  expectPageTakesPointer,
  launchBrowser,
  openPage,
  signInAs,
} from './browser';

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startLocalStack({ staticDir: TAB_DIST }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const WORDS = { en, es };

const handedOut = new Set<string>();

/** A mentee whose direct manager can sign in and applies as a mentor: a line a swap could make. */
function menteeAndManager() {
  const signIn = new Set(stack.people.map((p) => p.id));
  const people = stack.graph.tenant
    .list()
    .filter((p) => signIn.has(p.id) && !(p.appRoles ?? []).length && p.accountEnabled);
  const ids = new Set(people.map((p) => p.id));
  const unique = (name: string) => stack.people.filter((p) => p.displayName === name).length === 1;
  // The deepest such pair: a line manager far down rules out the fewest others for the swap.
  const org = buildOrgChart(stack.graph.tenant.list());
  const mentee = people
    .filter((p) => p.managerId && ids.has(p.managerId) && unique(p.displayName))
    .sort((a, b) => org.depthOf(b.id) - org.depthOf(a.id) || a.id.localeCompare(b.id))
    .find((p) => !handedOut.has(p.id) && !handedOut.has(p.managerId!));
  if (mentee) handedOut.add(mentee.id).add(mentee.managerId!);
  const manager = people.find((p) => p.id === mentee?.managerId);
  if (!mentee || !manager) throw new Error('No mentee with a manager in the demo organisation');
  return { mentee, manager };
}

describe.each(['es', 'en'] as const)(
  'a swap HR asks for that breaks a reporting line, in %s',
  (lang) => {
    it('is refused with the line named, in the reader’s language, and the board stays as it was', async () => {
      const w = WORDS[lang];
      const api = apiAs(stack);
      const { mentee, manager } = menteeAndManager();
      const [otherMentor, otherMentee] = unrelatedPeople(stack, 2, [mentee.id, manager.id]);
      const { programmeId } = await matchingProgramme(
        stack,
        api,
        { mentors: [manager.id, otherMentor!.id], mentees: [mentee.id, otherMentee!.id] },
        { run: true, mentorCapacity: 1, language: lang },
      );
      const before = await api(HR, 'GET', `/programmes/${programmeId}/matching`);
      const pairs = before.body.proposals as {
        mentee: string;
        mentor: string;
        menteeName: string;
        mentorName: string;
      }[];
      // The matcher never proposes the manager to their own report.
      expect(pairs.find((p) => p.mentee === mentee.id)?.mentor).toBe(otherMentor!.id);

      const hr = await openPage(browser, { colorScheme: lang === 'es' ? 'dark' : 'light' });
      try {
        await signInAs(
          hr.page,
          stack.url,
          HR,
          { lang },
          `admin/programmes/${programmeId}/matching`,
        );
        const table = hr.page.getByRole('table', { name: w.matching.proposals });
        await table.waitFor();
        for (const checkbox of await table.getByRole('checkbox').all()) await checkbox.click();
        await hr.page.getByRole('button', { name: w.matching.swap }).click();

        const alert = hr.page.getByRole('alert');
        await alert.getByText(w.errors.refusedTitle).waitFor();
        const text = (await alert.textContent()) ?? '';
        expect(text).toContain(w.errors.codes.refusedPair);
        expect(text).toContain(w.reasons.reportingLine.replace('{{line}}', '').trim());
        expect(text).toContain(manager.displayName);
        expect(text).toContain(mentee.displayName);
        expect(text).not.toContain(w.errors.conflict);
        await expectPageTakesPointer(hr.page);
        await expectNoSeriousAxeViolations(hr.page);
      } finally {
        await hr.context.close();
      }
      const after = await api(HR, 'GET', `/programmes/${programmeId}/matching`);
      expect(after.body.proposals).toEqual(before.body.proposals);
    });
  },
);
