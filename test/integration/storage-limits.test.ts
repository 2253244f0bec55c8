import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonTable, tableClient } from '../../functions/src/adapters/tables/json-table';
import { LARGE_FORM_BYTES } from '../../functions/src/http/contracts';
import { TooLargeToStoreError } from '../../functions/src/ports/versioned';
import { localStackForFile } from './stack-for-file';

// Table Storage: 64 KiB a string property, 1 MiB an entity
// (https://learn.microsoft.com/en-us/rest/api/storageservices/understanding-the-table-service-data-model).
// The largest bodies the contracts allow are stored whole in real Azurite and read back intact.

const HR = 'Lucía Fernández';
const MARTA = 'Marta Gil';

const { stack, api } = localStackForFile();

/** `n` characters of `c`: `"` doubles in JSON, a control character or `ñ` is stored as six (`\u00f1`). */
const fill = (c: string, n: number) => c.repeat(n);

async function openProgramme(extra: Record<string, unknown> = {}) {
  const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic', ...extra } });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
    body: { status: 'open' },
    headers: { 'if-match': draft.body.etag },
  });
  expect(open.status).toBe(200);
  return open.body;
}

function largestApplication(c: string) {
  return {
    role: 'mentee',
    why: fill(c, 2000),
    wants: Array.from({ length: 10 }, (_, i) => `${i}${fill(c, 79)}`),
    offers: [],
    languages: ['es', 'en', 'fr', 'de', 'it', 'pt', 'ca', 'eu', 'gl', 'nl'],
    availability: {
      days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      partsOfDay: ['morning', 'afternoon'],
      notes: fill(c, 500),
    },
    answers: Array.from({ length: 10 }, () => fill(c, 2000)),
    consent: true,
  };
}

describe('the largest bodies the contracts allow', () => {
  it.each([
    ['quotes', '"'],
    ['control characters', '\u0001'],
    ['accented letters', 'ñ'],
  ])('stores an application of 10 answers × 2,000 %s and reads it back intact', async (_, c) => {
    const { id } = await openProgramme({
      questions: Array.from({ length: 10 }, (_, i) => `Q${i}`),
    });
    const form = largestApplication(c);
    const body = JSON.stringify(form);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LARGE_FORM_BYTES);
    const submitted = await api(MARTA, 'POST', `/programmes/${id}/applications`, { body });
    expect(submitted.status, JSON.stringify(submitted.body).slice(0, 300)).toBe(201);
    const mine = await api(MARTA, 'GET', `/programmes/${id}/applications/me`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ why: form.why, answers: form.answers, wants: form.wants });
    expect(mine.body.availability.notes).toBe(form.availability.notes);
    // And an edit replaces it whole, with a shorter form leaving nothing of the longer behind.
    const edited = await api(MARTA, 'PUT', `/programmes/${id}/applications/me`, {
      body: { ...form, answers: ['short'] },
      headers: { 'if-match': mine.body.etag },
    });
    expect(edited.status).toBe(200);
    const reread = await api(MARTA, 'GET', `/programmes/${id}/applications/me`);
    expect(reread.body.answers).toEqual(['short']);
    expect(reread.body.why).toBe(form.why);
  });

  it('stores a programme naming 2,000 people with the longest texts, and reads it back', async () => {
    const personIds = Array.from({ length: 2000 }, () => crypto.randomUUID());
    const settings = {
      kind: 'classic',
      name: fill('"', 120),
      objectives: fill('\u0001', 4000),
      questions: Array.from({ length: 10 }, (_, i) => `${i}${fill('"', 499)}`),
      eligibility: { kind: 'people', personIds },
    };
    const body = JSON.stringify(settings);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LARGE_FORM_BYTES);
    const created = await api(HR, 'POST', '/programmes', { body });
    expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBe(201);
    const read = await api(HR, 'GET', `/programmes/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      name: settings.name,
      objectives: settings.objectives,
      questions: settings.questions,
      eligibility: { kind: 'people', personIds },
    });
    const edited = await api(HR, 'PATCH', `/programmes/${created.body.id}`, {
      body: { eligibility: { kind: 'people', personIds: personIds.slice(0, 1) } },
      headers: { 'if-match': read.body.etag },
    });
    expect(edited.status).toBe(200);
    const again = await api(HR, 'GET', `/programmes/${created.body.id}`);
    expect(again.body.eligibility.personIds).toEqual(personIds.slice(0, 1));
    expect(again.body.objectives).toBe(settings.objectives);
  });
});

describe('an entity that could never be stored', () => {
  it('is refused naming its largest field, and nothing is written', async () => {
    const table = new JsonTable<Record<string, string>>(
      tableClient(
        { kind: 'connectionString', connectionString: stack.storage.connectionString },
        'limitprobe',
      ),
      'The probe',
      z.record(z.string(), z.string()),
    );
    const error = await table
      .create('p', 'r', { small: 'x', huge: fill('a', 500_000) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooLargeToStoreError);
    expect((error as TooLargeToStoreError).field).toBe('huge');
    expect(await table.get('p', 'r')).toBeUndefined();
    // Just under the limit it is one entity, read back whole, accents and emoji included.
    for (const [row, fits] of [
      ['ascii', { huge: fill('a', 470_000) }],
      ['accents', { huge: fill('é', 70_000) }],
      ['emoji', { huge: fill('🙂', 35_000) }],
    ] as const) {
      await table.create('p', row, fits);
      expect((await table.get('p', row))?.value, row).toEqual(fits);
    }
  });
});
