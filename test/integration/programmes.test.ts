import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateProgrammeSchema } from '../../functions/src/http/contracts';
import { localStackForFile } from './stack-for-file';

const HR = 'Lucía Fernández';
const EMPLOYEE = 'Marta Gil';
const ADVISOR = 'Elena Rivas';

const { stack, api } = localStackForFile();

async function newProgramme(body: Record<string, unknown> = { kind: 'classic' }) {
  const r = await api(HR, 'POST', '/programmes', { body });
  expect(r.status).toBe(201);
  return r;
}

describe('programmes', () => {
  it('HR creates one from a template with PRODUCT’s defaults, as a draft', async () => {
    const r = await newProgramme({ kind: 'reverse', name: 'Mentoring inverso 2027' });
    expect(r.body).toMatchObject({
      kind: 'reverse',
      name: 'Mentoring inverso 2027',
      status: 'draft',
      plannedSessions: 10,
      durationMonths: 6,
      sessionMinutes: 60,
      hierarchyRule: 'chain',
      mentorCapacity: 1,
      owners: [stack.people.find((p) => p.displayName === HR)!.id],
    });
    expect(r.headers.get('etag')).toBe(r.body.etag);
    expect(r.headers.get('location')).toBe(`/api/programmes/${r.body.id}`);
    const read = await api(HR, 'GET', `/programmes/${r.body.id}`);
    expect(read.body).toEqual(r.body);
  });

  it('hides drafts from employees, and shows them the programme once the call is open', async () => {
    const { body } = await newProgramme();
    expect((await api(EMPLOYEE, 'GET', `/programmes/${body.id}`)).status).toBe(404);
    expect(
      (await api(EMPLOYEE, 'GET', '/programmes')).body.value.map((p: { id: string }) => p.id),
    ).not.toContain(body.id);
    const opened = await api(HR, 'PUT', `/programmes/${body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': body.etag },
    });
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    expect((await api(EMPLOYEE, 'GET', `/programmes/${body.id}`)).status).toBe(200);
    expect((await api(ADVISOR, 'GET', `/programmes/${body.id}`)).status).toBe(200);
  });

  it('shows a pilot for named people only to those people', async () => {
    const marta = stack.people.find((p) => p.displayName === EMPLOYEE)!;
    const { body } = await newProgramme({
      kind: 'classic',
      eligibility: { kind: 'people', personIds: [marta.id] },
    });
    await api(HR, 'PUT', `/programmes/${body.id}/status`, {
      body: { status: 'pilot' },
      headers: { 'if-match': body.etag },
    });
    expect((await api(EMPLOYEE, 'GET', `/programmes/${body.id}`)).status).toBe(200);
    expect((await api('James Whitaker', 'GET', `/programmes/${body.id}`)).status).toBe(404);
  });

  it('refuses a status change the machine does not allow, with its reason code', async () => {
    const { body } = await newProgramme();
    const r = await api(HR, 'PUT', `/programmes/${body.id}/status`, {
      body: { status: 'running' },
      headers: { 'if-match': body.etag },
    });
    expect(r.status).toBe(409);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(r.body.code).toBe('invalidTransition');
  });

  it('requires If-Match on edits (428) and refuses a stale one (412)', async () => {
    const { body } = await newProgramme();
    expect((await api(HR, 'PATCH', `/programmes/${body.id}`, { body: { name: 'x' } })).status).toBe(
      428,
    );
    const first = await api(HR, 'PATCH', `/programmes/${body.id}`, {
      body: { name: 'First' },
      headers: { 'if-match': body.etag },
    });
    expect(first.status).toBe(200);
    const stale = await api(HR, 'PATCH', `/programmes/${body.id}`, {
      body: { name: 'Second' },
      headers: { 'if-match': body.etag },
    });
    expect(stale.status).toBe(412);
    expect((await api(HR, 'GET', `/programmes/${body.id}`)).body.name).toBe('First');
  });

  it('lets exactly one of two concurrent edits win, and loses neither silently', async () => {
    const { body } = await newProgramme();
    const results = await Promise.all(
      ['Ana', 'Bea'].map((name) =>
        api(HR, 'PATCH', `/programmes/${body.id}`, {
          body: { name },
          headers: { 'if-match': body.etag },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!.body.name;
    expect((await api(HR, 'GET', `/programmes/${body.id}`)).body.name).toBe(winner);
  });
});

describe('bad input to every programme write route', () => {
  const wrong = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.array(fc.anything(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
  );
  const fields = [
    'kind',
    'name',
    'objectives',
    'eligibility',
    'plannedSessions',
    'durationMonths',
    'sessionMinutes',
    'hierarchyRule',
    'mentorCapacity',
    'questions',
    'owners',
  ];
  // A body with one field of a wrong kind, or an unknown field — kept only if the contract itself
  // refuses it (an empty list of questions, say, is a valid body and would rightly be stored).
  const badBody = fc
    .oneof(
      fc
        .record({ field: fc.constantFrom(...fields), value: wrong })
        .map(({ field, value }) => ({ kind: 'classic', [field]: value })),
      fc
        .string({ minLength: 1 })
        .filter((k) => !fields.includes(k) && k !== '__proto__')
        .map((k) => ({ kind: 'classic', [k]: 1 })),
    )
    .filter((body) => !CreateProgrammeSchema.safeParse(body).success);

  it('never answers 5xx and never changes what is stored', async () => {
    const { body: programme } = await newProgramme();
    const before = await api(HR, 'GET', '/programmes');
    await fc.assert(
      fc.asyncProperty(badBody, async (bad) => {
        // `kind` cannot be edited and `status` is the only field of a status change: the same
        // bad body is invalid for all three routes.
        const responses = await Promise.all([
          api(HR, 'POST', '/programmes', { body: bad }),
          api(HR, 'PATCH', `/programmes/${programme.id}`, {
            body: bad,
            headers: { 'if-match': programme.etag },
          }),
          api(HR, 'PUT', `/programmes/${programme.id}/status`, {
            body: bad,
            headers: { 'if-match': programme.etag },
          }),
        ]);
        for (const r of responses) {
          expect(r.status, JSON.stringify(bad)).toBe(400);
          expect(r.body.errors.length).toBeGreaterThan(0);
          for (const e of r.body.errors) expect(e.path).toMatch(/^(body|params|query)/);
        }
      }),
      { numRuns: 60 },
    );
    const after = await api(HR, 'GET', '/programmes');
    expect(after.body).toEqual(before.body);
  });

  it('answers malformed JSON, other media types and huge bodies with 400, 415 and 413', async () => {
    expect((await api(HR, 'POST', '/programmes', { body: '{"kind":' })).status).toBe(400);
    expect(
      (
        await api(HR, 'POST', '/programmes', {
          body: 'kind=classic',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await api(HR, 'POST', '/programmes', {
          body: { kind: 'classic', objectives: 'x'.repeat(300_000) },
        })
      ).status,
    ).toBe(413);
    expect((await api(HR, 'GET', '/programmes/not-a-uuid')).status).toBe(400);
  });
});
