import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../tab/src/i18n/en.json';
import es from '../../tab/src/i18n/es.json';
import { apiAs } from '../integration/api-client';
import { fortnightly, writeBookedSeries } from '../integration/booking/booked-series';
import { HR, matchingProgramme, uniquelyNamedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import { openPage, tabStackForFile } from './browser';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

type Tree = { [key: string]: string | Tree };
const strings = (tree: Tree): string[] =>
  Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : strings(v)));

/**
 * The English catalogue's sentences that differ from every Spanish one, cut at their blanks into
 * fragments of three words or more: any of them on a Spanish screen is a string left untranslated.
 */
const spanish = new Set(strings(es as Tree));
const englishFragments = [
  ...new Set(
    strings(en as Tree)
      .filter((s) => !spanish.has(s))
      .flatMap((s) => s.split(/\{\{[^}]+\}\}|[«»“”:()·]/))
      .map((s) => s.trim())
      .filter((s) => s.split(/\s+/).length >= 3),
  ),
];

/** English words no Spanish sentence has: the API's own English text would bring them. */
const ENGLISH_WORDS = /\b(the|and|with|your|you|have|been|this|that|which|please|not|of)\b/i;

/** What a person sees on the page, as lines. */
function pageText(page: Page) {
  // biome-ignore lint/performance/useDomNodeTextContent: only the rendered, visible text counts
  return page.evaluate(() => document.body.innerText);
}

function englishIn(text: string, allowed: readonly string[]): string[] {
  let rest = text;
  for (const name of allowed) rest = rest.split(name).join(' ');
  const found = englishFragments.filter((f) => rest.includes(f));
  for (const line of rest.split('\n')) if (ENGLISH_WORDS.test(line)) found.push(line.trim());
  return found;
}

describe('a Spanish reader reads Spanish', () => {
  it('on every screen HR, the advisor and a pair member open, nothing is in English', async () => {
    const api = apiAs(stack);
    const [mentor, mentee, m2, e2] = uniquelyNamedPeople(stack, 4);
    const running = await matchingProgramme(
      stack,
      api,
      { mentors: [mentor!.id], mentees: [mentee!.id] },
      // Programmes made as a Spanish HR makes them in the tab: from the template in Spanish.
      { run: true, language: 'es' },
    );
    const confirmed = await api(HR, 'POST', `/programmes/${running.programmeId}/matching/confirm`, {
      body: { proposals: 'all' },
    });
    const pairId = confirmed.body.confirmed[0].id as string;
    await writeBookedSeries(
      stack,
      { id: pairId, programmeId: running.programmeId },
      fortnightly(Date.now() - 48 * 3_600_000),
      { responses: { mentor: 'accepted', mentee: 'declined', checkedAt: null } },
    );
    const matching = await matchingProgramme(
      stack,
      api,
      { mentors: [m2!.id], mentees: [e2!.id] },
      { run: true, kind: 'executive', language: 'es' },
    );
    const draft = await api(HR, 'POST', '/programmes', {
      body: { kind: 'reverse', language: 'es' },
    });
    const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    });
    expect(open.status).toBe(200);
    // The people's names and the topics they typed (data, not the app's words).
    const allowed = [
      ...stack.people.map((p) => p.displayName),
      'negotiation',
      'Mentoring',
      'Tandem',
    ];

    const visits: { who: string; path: string; waitFor: string }[] = [
      { who: HR, path: 'admin', waitFor: es.admin.title },
      ...(['applications', 'matching', 'booking', 'progress', 'evaluation'] as const).map(
        (section) => ({
          who: HR,
          path: `admin/programmes/${running.programmeId}/${section}`,
          waitFor: es.admin.panels[section],
        }),
      ),
      {
        who: HR,
        path: `admin/programmes/${matching.programmeId}/matching`,
        waitFor: es.matching.objective,
      },
      { who: HR, path: 'advisor', waitFor: es.advisor.title },
      { who: mentee!.displayName, path: '', waitFor: es.pairs.title },
      { who: mentee!.displayName, path: `pairs/${pairId}`, waitFor: es.pair.sessions.title },
      { who: mentee!.displayName, path: `programmes/${open.body.id}/apply`, waitFor: es.apply.why },
    ];
    const found: string[] = [];
    const tabs = new Map<string, Awaited<ReturnType<typeof openPage>>>();
    try {
      for (const visit of visits) {
        let tab = tabs.get(visit.who);
        if (!tab) {
          tab = await openPage(browser, { locale: 'es-ES' });
          tabs.set(visit.who, tab);
          await tab.page.goto(`${stack.url}/?lang=es`);
          await tab.page.getByLabel(es.signIn.search).fill(visit.who);
          await tab.page.getByRole('button', { name: new RegExp(visit.who) }).click();
          await tab.page.getByRole('heading', { level: 1 }).first().waitFor();
        }
        await tab.page.goto(`${stack.url}/?lang=es&page=${visit.path}`);
        await tab.page
          .getByText(visit.waitFor, { exact: false })
          .first()
          .waitFor()
          .catch(async (error: unknown) => {
            throw new Error(`${String(error)}\n${visit.path}\n${await pageText(tab.page)}`);
          });
        await tab.page.waitForLoadState('networkidle');
        for (const english of englishIn(await pageText(tab.page), allowed)) {
          found.push(`${visit.path || 'home'}: ${english}`);
        }
      }
    } finally {
      for (const tab of tabs.values()) await tab.context.close();
    }
    expect(found).toEqual([]);
  });

  it('the scan itself catches an English sentence and an English API text', () => {
    expect(englishIn(`${en.errors.conflict}\nHola`, [])).not.toEqual([]);
    expect(englishIn('The swap would make a pair that is not allowed.', [])).not.toEqual([]);
    expect(englishIn(`${es.errors.conflict}\nAna Pérez`, ['Ana Pérez'])).toEqual([]);
  });
});
