import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { invitation } from '../../functions/src/domain/booking/invitation';
import { fortnightly, writeBookedSeries } from '../integration/booking/booked-series';
import { HR, matchingProgramme, unrelatedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import type { SimPerson } from '../sim/graph/tenant';
import { expectNoSeriousAxeViolations, openPage, tabStackForFile } from './browser';

const { stack, browser, api, as } = tabStackForFile({ staticDir: TAB_DIST });

/** The address Microsoft requires add-ins to load office.js from (tab/addin.html). */
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

interface OpenItem {
  subject: string;
  bodyHtml: string;
  start: string;
  displayLanguage: string;
  token: string;
  /** The organiser's own copy opens for editing (appointment compose): fields through getAsync. */
  organiser?: boolean;
  /** Office's theme background; dark for Outlook's dark mode. */
  background?: string;
  /** Office SSO fails with this code (13001: nobody signed in to Office). */
  signInError?: number;
}

/**
 * A test double of Outlook's `Office` global, served in place of the CDN's office.js: exactly the
 * calls the pane makes (onReady, mailbox.item and its body.getAsync, requirements, auth), with
 * Office's own enum values, and a log of the calls so a test can see the page went through them.
 */
function officeDouble(item: OpenItem): string {
  return `(() => {
  const item = ${JSON.stringify(item)};
  const calls = (window.__officeCalls = []);
  const info = { host: 'Outlook', platform: 'OfficeOnline' };
  const later = (value) => ({
    getAsync(callback) {
      setTimeout(() => callback({ status: 'succeeded', value }), 0);
    },
  });
  window.Office = {
    HostType: { Outlook: 'Outlook', Word: 'Word', Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    CoercionType: { Html: 'html', Text: 'text' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady(callback) {
      calls.push('onReady');
      if (callback) callback(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: item.displayLanguage,
      officeTheme: { bodyBackgroundColor: item.background || '#ffffff' },
      requirements: {
        isSetSupported(name, version) {
          calls.push('isSetSupported ' + name + ' ' + version);
          return name === 'Mailbox' || name === 'IdentityAPI';
        },
      },
      mailbox: {
        item: {
          itemType: 'appointment',
          // Read mode has ids and plain values; compose mode (the organiser) has getAsync and no id.
          itemId: item.organiser ? undefined : 'AAMkAD-occurrence',
          seriesId: item.organiser ? undefined : 'AAMkAD-series',
          subject: item.organiser ? later(item.subject) : item.subject,
          start: item.organiser ? later(new Date(item.start)) : new Date(item.start),
          body: {
            getAsync(coercionType, options, callback) {
              const done = typeof options === 'function' ? options : callback;
              calls.push('body.getAsync ' + coercionType);
              const value = coercionType === 'html' ? item.bodyHtml : item.bodyHtml.replace(/<[^>]+>/g, '');
              setTimeout(() => done({ status: 'succeeded', value }), 0);
            },
          },
        },
      },
    },
    auth: {
      getAccessToken(options) {
        calls.push('auth.getAccessToken');
        if (item.signInError) {
          return Promise.reject({ code: item.signInError, name: 'SSO', message: 'SSO failed' });
        }
        return Promise.resolve(item.token);
      },
    },
  };
})();`;
}

/** Opens the pane as Outlook would, with the double standing in for office.js. */
async function openPane(page: Page, item: OpenItem): Promise<void> {
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: officeDouble(item) }),
  );
  await page.goto(`${stack.url}/addin.html`);
}

const officeCalls = (page: Page) =>
  page.evaluate(() => (window as never as { __officeCalls: string[] }).__officeCalls);

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** A confirmed pair with its series written as booking leaves it, and things in its space. */
async function bookedPair() {
  const [mentor, mentee] = unrelatedPeople(stack, 2) as [SimPerson, SimPerson];
  const { programmeId } = await matchingProgramme(
    stack,
    api,
    { mentors: [mentor.id], mentees: [mentee.id] },
    { run: true },
  );
  const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
    body: { proposals: 'all' },
  });
  expect(confirmed.status).toBe(200);
  const pairId = confirmed.body.confirmed[0].id as string;
  const sessions = fortnightly(Date.now() - 14 * 24 * 3_600_000, 4, (index) =>
    index === 2 ? 'cancelled' : 'planned',
  );
  await writeBookedSeries(stack, { id: pairId, programmeId }, sessions, {
    joinUrl: 'https://teams/join/1',
  });

  const post = async (who: string, path: string, body: unknown) => {
    const r = await as(who, 'POST', `/pairs/${pairId}${path}`, { body });
    expect(r.status, `${path} ${JSON.stringify(r.body)}`).toBe(201);
  };
  await post(mentee.id, '/agenda', { text: 'Preparar la negociación de marzo', sessionIndex: 1 });
  await post(mentor.id, '/agenda', { text: 'Repasar los objetivos', sessionIndex: null });
  await post(mentee.id, '/agenda', { text: 'Agenda-de-la-sesion-0', sessionIndex: 0 });
  await post(mentor.id, '/notes', { text: 'Nota compartida del mentor', visibility: 'shared' });
  await post(mentor.id, '/notes', { text: 'privado-del-mentor', visibility: 'private' });
  await post(mentee.id, '/notes', { text: 'Mi nota privada', visibility: 'private' });
  await post(mentee.id, '/goals', { horizon: 'short', title: 'Cerrar un acuerdo', progress: 40 });
  return { pairId, mentor, mentee, sessions };
}

const cases = [
  {
    lang: 'es',
    displayLanguage: 'es-ES',
    link: 'teams' as const,
    heading: (name: string) => `Sesión con ${name}`,
    thisOne: 'esta sesión',
    addAgenda: 'Añadir un punto al orden del día',
    submitAgenda: 'Añadir al orden del día',
    addNote: 'Añadir una nota',
    submitNote: 'Guardar la nota',
    goalStatus: 'En curso · 40 % hecho',
    notTandem: 'Esta no es una sesión de Tandem',
    openTab: 'Abrir Tandem',
  },
  {
    lang: 'en',
    displayLanguage: 'en-GB',
    link: 'tab' as const,
    heading: (name: string) => `Session with ${name}`,
    thisOne: 'this session',
    addAgenda: 'Add an agenda item',
    submitAgenda: 'Add to the agenda',
    addNote: 'Add a note',
    submitNote: 'Save the note',
    goalStatus: 'In progress · 40% done',
    notTandem: 'This is not a Tandem session',
    openTab: 'Open Tandem',
  },
];

describe.each(cases)('the Outlook pane ($lang)', (c) => {
  it('shows a Tandem session’s sessions, agenda, notes and goals, and adds to them', async () => {
    const { pairId, mentor, mentee, sessions } = await bookedPair();
    // The invitation as booking writes it, with the link back to the pair in either form.
    const pairUrl =
      c.link === 'teams'
        ? `https://teams.microsoft.com/l/entity/3f2b1c9e-7a4d-4e2b-9c1f-5d6e7f8a9b0c/home?context=${encodeURIComponent(JSON.stringify({ subEntityId: `pairs/${pairId}` }))}`
        : `${stack.url}/?page=${encodeURIComponent(`pairs/${pairId}`)}`;
    const mail = invitation({
      language: c.lang as 'es' | 'en',
      programmeName: 'Mentoring 2026',
      mentorName: mentor.displayName,
      menteeName: mentee.displayName,
      sessions: 4,
      sessionMinutes: 60,
      pairUrl,
    });
    const { context, page, consoleErrors } = await openPage(browser, { locale: 'en-GB' });
    try {
      // The mentee opens the second occurrence of the series.
      await openPane(page, {
        subject: mail.subject,
        bodyHtml: mail.html,
        start: sessions[1]!.start,
        displayLanguage: c.displayLanguage,
        token: await stack.issuer.userToken(mentee.id),
      });
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toBe(c.heading(mentor.displayName));
      expect(await page.locator('html').getAttribute('lang')).toBe(c.lang);

      const current = page.locator('li[aria-current="true"]');
      expect(await current.textContent()).toContain(c.thisOne);
      // This session's agenda and the "any time" items; another session's stay out of the way.
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).toContain('Preparar la negociación de marzo');
      expect(body).toContain('Repasar los objetivos');
      expect(body).not.toContain('Agenda-de-la-sesion-0');
      expect(body).toContain('Nota compartida del mentor');
      expect(body).toContain('Mi nota privada');
      expect(body).not.toContain('privado-del-mentor');
      expect(body).toContain('Cerrar un acuerdo');
      expect(body).toContain(c.goalStatus);
      await expectNoSeriousAxeViolations(page);

      // Listed entries only: a textarea's text content is what was typed (React keeps its
      // default value in step), so `main` as a whole would show the note before it is saved.
      const listed = async () => (await page.locator('main li').allTextContents()).join('\n');
      await page.getByLabel(c.addAgenda).fill('Traer el borrador del contrato');
      await page.getByRole('button', { name: c.submitAgenda }).click();
      await expect.poll(listed).toContain('Traer el borrador del contrato');
      await page.getByLabel(c.addNote).fill('Hablamos de plazos realistas');
      await page.getByRole('button', { name: c.submitNote }).click();
      await expect.poll(listed).toContain('Hablamos de plazos realistas');

      // What the pane wrote is in the pair's space, for this session, shared with the mentor.
      const seen = await as(mentor.id, 'GET', `/pairs/${pairId}/space`);
      expect(seen.body.agenda).toContainEqual(
        expect.objectContaining({ text: 'Traer el borrador del contrato', sessionIndex: 1 }),
      );
      expect(seen.body.sharedNotes).toContainEqual(
        expect.objectContaining({ text: 'Hablamos de plazos realistas', authorId: mentee.id }),
      );
      // The page went through Office: it read the body as HTML and took Office's SSO token.
      expect(await officeCalls(page)).toEqual(
        expect.arrayContaining(['onReady', 'body.getAsync html', 'auth.getAccessToken']),
      );
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says any other appointment is not a Tandem session, with a link to the tab', async () => {
    const { context, page, consoleErrors } = await openPage(browser, { locale: 'en-GB' });
    try {
      const someone = stack.people.find((p) => p.displayName === HR)!;
      await openPane(page, {
        subject: 'Comité de dirección',
        bodyHtml:
          '<p>Orden del día adjunto.</p><p><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%7d">Unirse a la reunión</a></p>',
        start: hoursFromNow(2),
        displayLanguage: c.displayLanguage,
        token: await stack.issuer.userToken(someone.id),
      });
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toBe(c.notTandem);
      const link = page.getByRole('link', { name: c.openTab });
      expect(await link.getAttribute('href')).toBe(`${stack.url}/`);
      expect(await page.locator('html').getAttribute('lang')).toBe(c.lang);
      expect(await officeCalls(page)).toContain('body.getAsync html');
      await expectNoSeriousAxeViolations(page);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the organiser’s copy of a session', () => {
  it('is read through compose mode’s getAsync, and stays accessible in Outlook’s dark theme', async () => {
    const { pairId, mentor, sessions } = await bookedPair();
    const { context, page, consoleErrors } = await openPage(browser, { colorScheme: 'dark' });
    try {
      await openPane(page, {
        subject: 'Tandem · Mentoring 2026',
        bodyHtml: `<p><a href="${stack.url}/?page=pairs%2F${pairId}">Tandem</a></p>`,
        start: sessions[3]!.start,
        displayLanguage: 'en-US',
        token: await stack.issuer.userToken(mentor.id),
        organiser: true,
        background: '#1f1f1f',
      });
      await expect.poll(() => page.locator('main').textContent()).toContain('you are the mentor');
      expect(await page.locator('li[aria-current="true"]').textContent()).toContain('this session');
      // Session 3's agenda: only the "any time" item, not session 1's.
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).toContain('Repasar los objetivos');
      expect(body).not.toContain('Preparar la negociación de marzo');
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
      );
      const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
      expect(r + g + b).toBeLessThan(3 * 100);
      await expectNoSeriousAxeViolations(page);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('when Office cannot sign the reader in', () => {
  it('says so with Office’s error code and offers to try again', async () => {
    const { pairId } = await bookedPair();
    const { context, page } = await openPage(browser);
    try {
      await openPane(page, {
        subject: 'Tandem',
        bodyHtml: `<a href="${stack.url}/?page=pairs%2F${pairId}">Tandem</a>`,
        start: hoursFromNow(1),
        displayLanguage: 'en-GB',
        token: '',
        signInError: 13001,
      });
      const alert = page.getByText('Tandem could not load this session (sign-in 13001).');
      await expect.poll(() => alert.isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});

describe('a Tandem link to a pair the reader is not in', () => {
  it('is no Tandem session for them: the API answers 404 and the pane shows the fallback', async () => {
    const { pairId } = await bookedPair();
    const outsider = unrelatedPeople(stack, 1)[0]!;
    const { context, page } = await openPage(browser);
    try {
      await openPane(page, {
        subject: 'Tandem',
        bodyHtml: `<a href="${stack.url}/?page=pairs%2F${pairId}">Tandem</a>`,
        start: hoursFromNow(1),
        displayLanguage: 'en-GB',
        token: await stack.issuer.userToken(outsider.id),
      });
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('This is not a Tandem session');
      expect(await page.locator('main').textContent()).not.toContain('Nota compartida');
    } finally {
      await context.close();
    }
  });
});
