import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildOrgChart } from '../../functions/src/domain/hierarchy/hierarchy';
import en from '../../tab/src/i18n/en.json';
import es from '../../tab/src/i18n/es.json';
import { apiAs } from '../integration/api-client';
import {
  asPerson,
  HR,
  matchingProgramme,
  menteeForm,
  mentorForm,
  uniquelyNamedPeople,
  unrelatedPeople,
} from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import {
  expectNoSeriousAxeViolations,
  expectNoSidewaysScroll,
  expectPageTakesPointer,
  type Look,
  openPage,
  signInAs,
  tabStackForFile,
} from './browser';
import { screenshot } from './screenshot';

/**
 * Whole journeys, driven by the pointer as a person would (the keyboard only types text): HR from
 * each template to booked pairs, a pair from its first session to the evaluation, the advisor's
 * charts. Each runs once in Spanish and once in English; the Teams theme and the window width vary
 * across the runs so that every language, theme and width meets a real journey. After each step the
 * page must be visible and take clicks, at 400 px it must not scroll sideways, and each screen ends
 * axe-clean.
 */

// The booking worker books confirmed pairs in the Graph simulator; the local timers bring the demo
// clock control, which the pair moves a week at a time.
const { stack, browser } = tabStackForFile({
  staticDir: TAB_DIST,
  bookingWorker: true,
  timers: true,
});

type Words = typeof en;
const WORDS: Record<Look['lang'], Words> = { en, es };

/** A catalogue sentence as the tab shows it: i18next's `_one`/`_other` and `{{name}}` filled in. */
function say(w: Words, key: string, values: Record<string, string | number> = {}): string {
  const path = key.split('.');
  const last = path.pop()!;
  let node: unknown = w;
  for (const part of path) node = (node as Record<string, unknown>)[part];
  const leaf = node as Record<string, string>;
  const plural = typeof values.count === 'number' ? (values.count === 1 ? '_one' : '_other') : '';
  const text = leaf[`${last}${plural}`] ?? leaf[last];
  if (typeof text !== 'string') throw new Error(`No sentence ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

/** After each step: the page shows, takes the pointer, and at phone width does not scroll sideways. */
async function settled(page: Page, look: Look): Promise<void> {
  await expectPageTakesPointer(page);
  if (look.width < 640) await expectNoSidewaysScroll(page);
}

/** Opens a Fluent Dropdown by clicking it and clicks the option: how a mouse picks. */
async function pick(page: Page, look: Look, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  const choice = page.getByRole('option', { name: option, exact: true });
  await choice.waitFor();
  await settled(page, look);
  await choice.click();
  await expect.poll(() => combobox.textContent()).toContain(option);
}

/** Clicks a button that asks first, checks the alert dialog says `says`, and confirms by pointer. */
async function confirmInDialog(page: Page, button: Locator, says: string, action: string) {
  await button.click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText(says, { exact: false }).waitFor();
  await expectNoSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

const colorSchemeOf = (look: Look) => (look.theme === 'default' ? 'light' : 'dark');
const lookName = (look: Look) => `${look.lang}-${look.theme}-${look.width}`;
const shotsDir = process.env.TANDEM_JOURNEY_SHOTS;

/** With TANDEM_JOURNEY_SHOTS=<folder>, a picture of the page there (for a person to look at). */
async function shoot(page: Page, look: Look, name: string) {
  if (shotsDir) await page.screenshot({ path: `${shotsDir}/${name}-${lookName(look)}.png` });
  await screenshot(page, `journey-${name}-${lookName(look)}`);
}

/** Aborted requests are a page left mid-load (a reload after the clock moves), not a defect. */
const realErrors = (errors: string[]) =>
  errors.filter((e) => !e.startsWith('net::ERR_ABORTED') && !e.includes('status of 404'));

const managersHandedOut = new Set<string>();

/**
 * A mentee whose direct manager applies as a mentor, and two people unrelated to both: the matcher
 * pairs the mentee with the other mentor, and swapping the two mentors would put the mentee with
 * their own manager, which the reporting-line rule refuses.
 */
function peopleWithALine() {
  const signIn = new Set(stack.people.map((p) => p.id));
  const people = stack.graph.tenant
    .list()
    .filter((p) => signIn.has(p.id) && !(p.appRoles ?? []).length && p.accountEnabled);
  const ids = new Set(people.map((p) => p.id));
  const unique = (name: string) => stack.people.filter((p) => p.displayName === name).length === 1;
  const org = buildOrgChart(stack.graph.tenant.list());
  const mentee = people
    .filter((p) => p.managerId && ids.has(p.managerId) && unique(p.displayName))
    .filter((p) => unique(people.find((m) => m.id === p.managerId)!.displayName))
    .sort((a, b) => org.depthOf(b.id) - org.depthOf(a.id) || a.id.localeCompare(b.id))
    .find((p) => !managersHandedOut.has(p.id) && !managersHandedOut.has(p.managerId!));
  if (!mentee) throw new Error('No mentee with a manager in the demo organisation');
  managersHandedOut.add(mentee.id).add(mentee.managerId!);
  const manager = people.find((p) => p.id === mentee.managerId)!;
  const [otherMentor, otherMentee] = unrelatedPeople(stack, 2, [mentee.id, manager.id]);
  return { mentee, manager, otherMentor: otherMentor!, otherMentee: otherMentee! };
}

const TEMPLATES = ['classic', 'reverse', 'executive'] as const;

/**
 * HR, from the admin page: a programme from the template, the call opened, two applications per
 * role arriving, the mentors approved, the call closed, matching run, a swap refused with the line
 * named, everything confirmed through the dialog, and both pairs booked.
 */
async function hrJourneyFor(page: Page, look: Look, kind: (typeof TEMPLATES)[number]) {
  const w = WORDS[look.lang];
  const api = apiAs(stack);
  const name = `${say(w, `programmes.kind.${kind}`)} ${lookName(look)}`;

  await page.getByRole('heading', { level: 1, name: w.admin.title }).waitFor();
  await pick(
    page,
    look,
    page.getByRole('combobox', { name: w.admin.template }),
    say(w, `programmes.kind.${kind}`),
  );
  await page.getByLabel(w.admin.name, { exact: true }).click();
  await page.keyboard.type(name);
  await page.getByRole('button', { name: w.admin.createButton }).click();
  const card = page.locator('.fui-Card').filter({
    has: page.getByRole('heading', { level: 2, name, exact: true }),
  });
  await card.waitFor();
  await settled(page, look);

  await confirmInDialog(
    page,
    card.getByRole('button', { name: w.admin.openCall }),
    say(w, 'confirm.openCall.body'),
    w.confirm.openCall.action,
  );
  const manage = page.getByRole('link', { name: say(w, 'admin.manageProgramme', { name }) });
  await manage.waitFor();
  await settled(page, look);

  // Four people apply while the call is open: a mentee, their manager as a mentor, two others.
  const listed = await api(HR, 'GET', '/programmes');
  const programme = (listed.body.value as { id: string; name: string }[]).find(
    (p) => p.name === name,
  );
  expect(programme, `programme ${name}`).toBeDefined();
  const id = programme!.id;
  const people = peopleWithALine();
  const as = asPerson(stack, api);
  for (const [person, form] of [
    [people.mentee, menteeForm],
    [people.otherMentee, menteeForm],
    [people.manager, mentorForm],
    [people.otherMentor, mentorForm],
  ] as const) {
    const applied = await as(person.id, 'POST', `/programmes/${id}/applications`, { body: form });
    expect(applied.status).toBe(201);
  }

  // The programme's applications: HR approves each mentor from their row.
  await manage.click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const applications = page.getByRole('table', { name: w.admin.applications });
  await applications.waitFor();
  await settled(page, look);
  for (const mentor of [people.manager, people.otherMentor]) {
    const row = applications.getByRole('row').filter({ hasText: mentor.displayName });
    // Approving opens a dialog that takes an optional note (the decision is kept with it).
    await row
      .getByRole('button', { name: w.review.approveOne.replace('{{name}}', mentor.displayName) })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('button', { name: w.review.dialog.approve.action_one, exact: true })
      .click();
    await dialog.waitFor({ state: 'detached' });
    await row
      .getByText(w.programmes.applicationStatus.approved, { exact: true })
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await row.textContent()}`);
      });
    await settled(page, look);
  }
  await expectNoSeriousAxeViolations(page);

  // Closing the call asks first.
  await page.getByRole('tab', { name: w.admin.panels.matching, exact: true }).click();
  await confirmInDialog(
    page,
    page.getByRole('button', { name: w.matching.startMatching }),
    say(w, 'confirm.closeCall.body'),
    w.confirm.closeCall.action,
  );
  await pick(
    page,
    look,
    page.getByRole('combobox', { name: w.matching.objective }),
    w.matching.objectives.maxScore,
  );
  await page.getByRole('button', { name: w.matching.run, exact: true }).click();
  const table = page.getByRole('table', { name: w.matching.proposals });
  await table.waitFor();
  expect(await table.getByRole('checkbox').count()).toBe(2);
  await settled(page, look);
  await shoot(page, look, `hr-${kind}-board`);

  // Swapping the two mentors would give the mentee their own manager: refused, the line named.
  for (const checkbox of await table.getByRole('checkbox').all()) await checkbox.click();
  await page.getByRole('button', { name: w.matching.swap }).click();
  const alert = page.getByRole('alert');
  await alert.getByText(w.errors.refusedTitle).waitFor();
  const refusal = (await alert.textContent()) ?? '';
  expect(refusal).toContain(w.errors.codes.refusedPair);
  expect(refusal).toContain(w.reasons.reportingLine.replace('{{line}}', '').trim());
  expect(refusal).toContain(people.manager.displayName);
  expect(refusal).toContain(people.mentee.displayName);
  expect(refusal).not.toContain(w.errors.conflict);
  // The refused swap left the board as it was.
  const after = await api(HR, 'GET', `/programmes/${id}/matching`);
  expect((after.body.proposals as { status: string }[]).map((p) => p.status)).toEqual([
    'proposed',
    'proposed',
  ]);
  await settled(page, look);
  await shoot(page, look, `hr-${kind}-swap-refused`);
  await expectNoSeriousAxeViolations(page);

  // Confirming all says how many calendars get invitations (two pairs, four people).
  await confirmInDialog(
    page,
    page.getByRole('button', { name: say(w, 'matching.confirmAll', { count: 2 }) }),
    say(w, 'confirm.confirmPairs.body', { count: 2, people: 4 }),
    w.confirm.confirmPairs.action,
  );
  await page.getByText(say(w, 'matching.confirmed', { count: 2 })).waitFor();
  await settled(page, look);

  await page.getByRole('tab', { name: w.admin.panels.booking, exact: true }).click();
  await page
    .getByText(say(w, 'booking.progress', { booked: 2, count: 2 }))
    .waitFor({ timeout: 60_000 });
  await settled(page, look);
  await expectNoSeriousAxeViolations(page);
  await shoot(page, look, `hr-${kind}-booked`);

  await page.getByRole('link', { name: w.admin.back }).click();
}

/** The pair's story from the mentee's side: everything a member does, then time passing. */
async function pairJourney(page: Page, look: Look, kind: 'classic' | 'executive') {
  const w = WORDS[look.lang];
  const api = apiAs(stack);
  const [mentor, mentee] = uniquelyNamedPeople(stack, 2);
  // Two sessions within a month: a few weeks on, the series is over and the evaluation opens.
  const { programmeId } = await matchingProgramme(
    stack,
    api,
    { mentors: [mentor!.id], mentees: [mentee!.id] },
    { run: true, kind, plannedSessions: 2, durationMonths: 1, language: look.lang },
  );
  const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
    body: { proposals: 'all' },
  });
  expect(confirmed.status).toBe(200);
  await expect
    .poll(
      async () => {
        const bookings = await api(HR, 'GET', `/programmes/${programmeId}/bookings`);
        return (bookings.body.value as { status: string }[]).map((b) => b.status);
      },
      { timeout: 60_000 },
    )
    .toEqual(['booked']);

  await signInAs(page, stack.url, mentee!.displayName, look);
  await settled(page, look);
  await expectNoSeriousAxeViolations(page);
  await page
    .getByRole('link', { name: say(w, 'pairs.open', { name: mentor!.displayName }) })
    .click();
  await page
    .getByRole('heading', {
      level: 1,
      name: say(w, 'pair.titleMentee', { name: mentor!.displayName }),
    })
    .waitFor();
  await settled(page, look);

  // Session 2 moves to a time free for both.
  const sessions = page.getByRole('group', { name: w.pair.sessions.title });
  const second = sessions
    .getByRole('listitem')
    .filter({ hasText: say(w, 'pair.sessions.number', { n: 2 }) });
  await second.getByRole('button', { name: say(w, 'pair.move.open', { n: 2 }) }).click();
  await second.getByRole('radio').first().click();
  await settled(page, look);
  await second.getByRole('button', { name: w.pair.move.confirm }).click();
  await second.getByText(w.pair.sessions.status.moved, { exact: true }).waitFor();
  await second.getByRole('status').waitFor();
  await settled(page, look);

  // An agenda item.
  const agenda = page.getByRole('group', { name: w.pair.agenda.title });
  await agenda.getByLabel(w.pair.agenda.add).click();
  await page.keyboard.type('Cómo preparo una negociación difícil');
  await agenda.getByRole('button', { name: w.pair.add, exact: true }).click();
  await agenda.getByText('Cómo preparo una negociación difícil').waitFor();
  await settled(page, look);

  // A shared note and a private one.
  const notes = page.getByRole('group', { name: w.pair.notes.title });
  for (const [text, visibility] of [
    ['Lo que acordamos: preparar el comité', w.pair.notes.shared],
    ['Solo para mí: me cuesta delegar', w.pair.notes.private],
  ] as const) {
    await notes.getByLabel(w.pair.notes.add).click();
    await page.keyboard.type(text);
    await notes.getByRole('radio', { name: visibility, exact: true }).click();
    await notes.getByRole('button', { name: w.pair.notes.save }).click();
    await notes.getByText(text).waitFor();
    await settled(page, look);
  }
  // The shared note is in the shared list, the private one in "my private notes" (the second list).
  const [sharedList, privateList] = [
    notes.getByRole('list').first(),
    notes.getByRole('list').last(),
  ];
  await expect.poll(() => privateList.textContent()).toContain('Solo para mí');
  expect(await sharedList.textContent()).toContain('Lo que acordamos');
  expect(await sharedList.textContent()).not.toContain('Solo para mí');

  // A long-term goal, its progress set by dragging the slider with the mouse.
  const goals = page.getByRole('group', { name: w.pair.goals.title });
  await goals.getByLabel(w.pair.goals.add).click();
  await page.keyboard.type('Presentar en el comité');
  await goals.getByRole('radio', { name: w.pair.goals.horizon.long, exact: true }).click();
  await goals.getByRole('button', { name: w.pair.add, exact: true }).click();
  const slider = goals.getByRole('slider', {
    name: say(w, 'pair.goals.setProgress', { title: 'Presentar en el comité' }),
  });
  await slider.waitFor();
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => slider.inputValue()).not.toBe('0');
  const progress = await slider.inputValue();
  await goals
    .getByRole('listitem')
    .filter({ hasText: 'Presentar en el comité' })
    .getByRole('button', { name: w.pair.save })
    .click();
  await goals.getByText(`${progress} %`).waitFor();
  await settled(page, look);
  await shoot(page, look, 'pair-before');
  await expectNoSeriousAxeViolations(page);

  // A week passes on the demo clock: the first session is held, feedback can be given.
  const heading = page.getByRole('heading', { level: 1 });
  const aWeekOn = async () => {
    const clock = page.getByRole('region', { name: w.demo.clock.label });
    const shown = await clock.getByRole('status').textContent();
    await clock.getByRole('button', { name: w.demo.clock.week }).click();
    await expect
      .poll(() =>
        page.getByRole('region', { name: w.demo.clock.label }).getByRole('status').textContent(),
      )
      .not.toBe(shown);
    await heading.waitFor();
    await sessions.waitFor();
    await settled(page, look);
  };
  const giveFeedback = sessions.getByRole('button', {
    name: say(w, 'pair.feedback.give', { n: 1 }),
  });
  for (let week = 0; week < 3 && !(await giveFeedback.isVisible()); week++) await aWeekOn();
  await giveFeedback.click();
  const form = sessions.getByRole('form', { name: say(w, 'pair.feedback.title', { n: 1 }) });
  await form.getByRole('radio', { name: '4', exact: true }).click();
  // Nothing is pre-filled: "was it useful" waits for an answer.
  const send = form.getByRole('button', { name: w.pair.feedback.send });
  expect(await send.isDisabled()).toBe(true);
  await form.getByRole('radio', { name: w.pair.feedback.yes, exact: true }).click();
  await settled(page, look);
  await send.click();
  await sessions.getByText(say(w, 'pair.feedback.given', { rating: 4 })).waitFor();
  await settled(page, look);

  // Weeks pass until the series is over: the evaluation opens, nothing pre-filled.
  const evaluation = page.getByRole('group', { name: w.pair.evaluation.title });
  for (let week = 0; week < 5 && !(await evaluation.isVisible()); week++) await aWeekOn();
  await evaluation.waitFor();
  const sendEvaluation = evaluation.getByRole('button', { name: w.pair.evaluation.send });
  expect(await sendEvaluation.isDisabled()).toBe(true);
  const answer = (question: string, value: string) =>
    evaluation
      .locator('.fui-Field')
      .filter({ hasText: question })
      .getByRole('radio', { name: value, exact: true })
      .click();
  await answer(w.pair.evaluation.satisfaction, '5');
  await answer(w.pair.evaluation.goalsReached, '4');
  await answer(w.pair.evaluation.recommend, '9');
  await evaluation.getByLabel(w.pair.evaluation.suggestion).click();
  await page.keyboard.type('Más sesiones presenciales');
  await settled(page, look);
  await sendEvaluation.click();
  await evaluation.getByText(w.pair.evaluation.thanks).waitFor();
  await settled(page, look);
  await shoot(page, look, 'pair-after');
  await expectNoSeriousAxeViolations(page);
}

/** The advisor: their page from home, every chart hovered, and the page still takes clicks. */
async function advisorJourney(page: Page, look: Look) {
  const w = WORDS[look.lang];
  await signInAs(page, stack.url, 'Elena Rivas', look);
  await settled(page, look);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: w.advisor.link }).click();
  const title = page.getByRole('heading', { level: 1, name: w.advisor.title });
  await title.waitFor();
  await page.getByText(w.progress.chart.sessions).first().waitFor();
  await page.waitForLoadState('networkidle');
  await settled(page, look);
  // axe before hovering: a chart's callout brings Fluent's focus sentinels (test/e2e/browser.ts).
  await expectNoSeriousAxeViolations(page);
  const programme = page
    .getByRole('group')
    .filter({ has: page.locator('rect') })
    .first();
  // The bars drawn (a bar's empty remainder is a rect of no width).
  const bars = programme.locator('rect').filter({ visible: true });
  const count = await bars.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await bars.nth(i).hover();
    await settled(page, look);
  }
  await shoot(page, look, 'advisor');
  await title.click();
  await settled(page, look);
}

const HR_LOOKS: Look[] = [
  { lang: 'es', theme: 'default', width: 1280 },
  { lang: 'en', theme: 'dark', width: 400 },
];
const PAIR_LOOKS: (Look & { kind: 'classic' | 'executive' })[] = [
  { lang: 'en', theme: 'contrast', width: 1280, kind: 'classic' },
  { lang: 'es', theme: 'default', width: 400, kind: 'executive' },
];
const ADVISOR_LOOKS: Look[] = [
  { lang: 'es', theme: 'dark', width: 1280 },
  { lang: 'en', theme: 'contrast', width: 400 },
];

/**
 * Runs a journey in a fresh browser context in the look. Fails on any console error or failed
 * request, except the `expected` refusals the journey provokes on purpose (logged by the browser as
 * failed loads); a picture of the page where a journey stopped goes to TANDEM_JOURNEY_SHOTS.
 */
async function inPage(look: Look, journey: (page: Page) => Promise<void>, expected: string[] = []) {
  const tab = await openPage(browser, { colorScheme: colorSchemeOf(look) });
  try {
    await journey(tab.page).catch(async (error: unknown) => {
      await shoot(tab.page, look, 'failed').catch(() => undefined);
      throw error;
    });
    expect(realErrors(tab.consoleErrors)).toEqual(expected);
  } finally {
    await tab.context.close();
  }
}

describe.each(HR_LOOKS)('HR by pointer ($lang, $theme, $width px)', (look) => {
  it('creates a programme from each template and takes it to booked pairs', async () => {
    await inPage(
      look,
      async (page) => {
        const w = WORDS[look.lang];
        await signInAs(page, stack.url, HR, look);
        await settled(page, look);
        await page.getByRole('link', { name: w.programmes.manage }).click();
        for (const kind of TEMPLATES) await hrJourneyFor(page, look, kind);
      },
      TEMPLATES.map(
        () => 'Failed to load resource: the server responded with a status of 409 (Conflict)',
      ),
    );
  }, 300_000);
});

describe.each(PAIR_LOOKS)('a pair by pointer ($lang, $theme, $width px, $kind)', (look) => {
  it('moves a session, writes agenda, notes and a goal, gives feedback a week on, evaluates', async () => {
    await inPage(look, (page) => pairJourney(page, look, look.kind));
  }, 240_000);
});

describe.each(ADVISOR_LOOKS)('the advisor by pointer ($lang, $theme, $width px)', (look) => {
  it('opens their page from home and every chart of a programme', async () => {
    await inPage(look, (page) => advisorJourney(page, look));
  });
});
