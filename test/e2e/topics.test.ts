import { describe, expect, it } from 'vitest';
import { apiAs } from '../integration/api-client';
import { asPerson, HR, mentorForm, uniquelyNamedPeople } from '../integration/matching-fixture';
import { TAB_DIST } from '../sim/build-tab';
import { expectNoSeriousAxeViolations, openPage, signInAs, tabStackForFile } from './browser';

const { stack, browser } = tabStackForFile({ staticDir: TAB_DIST });

/**
 * Issue #20 end to end: a mentee applies in Spanish, picking "Negociación" from the programme's
 * vocabulary in the TagPicker by pointer; the mentor wrote the English word. HR, reading in
 * English, sees the pair proposed and its reason name the topic in English.
 */
describe('topics picked in Spanish, read in English', () => {
  it('applies with a picked topic in Spanish; HR reads the pair’s reasons in English', async () => {
    const api = apiAs(stack);
    const as = asPerson(stack, api);
    const [mentor, mentee] = uniquelyNamedPeople(stack, 2);
    const draft = await api(HR, 'POST', '/programmes', {
      body: { kind: 'executive', language: 'es', name: 'Liderazgo directivo 2027' },
    });
    const opened = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    });
    const id = opened.body.id as string;
    // The mentor offers the English word: the vocabulary makes it the same topic.
    const offered = await as(mentor!.id, 'POST', `/programmes/${id}/applications`, {
      body: { ...mentorForm, offers: ['Negotiation'] },
    });
    expect(offered.status).toBe(201);
    const approved = await api(HR, 'POST', `/programmes/${id}/applications/${mentor!.id}/approve`, {
      headers: { 'if-match': offered.body.etag },
    });
    expect(approved.status).toBe(200);

    const applicant = await openPage(browser);
    try {
      await signInAs(applicant.page, stack.url, mentee!.displayName, { lang: 'es', width: 400 });
      await applicant.page.goto(`${stack.url}/?lang=es&page=programmes/${id}/apply`);
      await applicant.page.getByLabel('¿Por qué quieres participar?').fill('Negocio con clientes');
      // The picker searches without accents and offers the Spanish names.
      const picker = applicant.page.getByRole('combobox', { name: '¿Qué quieres aprender?' });
      await picker.click();
      await picker.fill('negociacion');
      await applicant.page.getByRole('option', { name: 'Negociación' }).click();
      await applicant.page
        .getByRole('listbox', { name: 'Temas elegidos' })
        .getByText('Negociación')
        .waitFor();
      await expectNoSeriousAxeViolations(applicant.page);
      await applicant.page.getByRole('checkbox', { name: 'español' }).check();
      await applicant.page.getByRole('checkbox', { name: /Participo de forma voluntaria/ }).check();
      await applicant.page.getByRole('button', { name: 'Enviar solicitud' }).click();
      await applicant.page.getByText('Tu solicitud se ha enviado.').waitFor();
      expect(applicant.consoleErrors).toEqual([]);
    } finally {
      await applicant.context.close();
    }
    // The application stores the topic's id, not the Spanish words.
    const mine = await as(mentee!.id, 'GET', '/applications/me');
    const stored = (mine.body.value as { programmeId: string; wants: string[] }[]).find(
      (a) => a.programmeId === id,
    );
    expect(stored?.wants).toEqual(['negotiation']);

    const toMatching = await api(HR, 'PUT', `/programmes/${id}/status`, {
      body: { status: 'matching' },
      headers: { 'if-match': opened.body.etag },
    });
    expect(toMatching.status).toBe(200);
    const run = await api(HR, 'POST', `/programmes/${id}/matching/runs`);
    expect(run.status).toBe(201);

    const hr = await openPage(browser);
    try {
      await signInAs(hr.page, stack.url, HR, { lang: 'en' }, `admin/programmes/${id}/matching`);
      const table = hr.page.getByRole('table', { name: 'Proposed pairs' });
      await table.waitFor();
      await table.getByText('Wants Negotiation (1 of 1 topics)').waitFor();
      expect(await table.getByText('Negociación').count()).toBe(0);
      await expectNoSeriousAxeViolations(hr.page);
    } finally {
      await hr.context.close();
    }
  });
});
