import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApplicationFormSchema } from '../../functions/src/http/contracts';
import { localStackForFile } from './stack-for-file';

const HR = 'Lucía Fernández';
const MARTA = 'Marta Gil';
const JAMES = 'James Whitaker';

const mentee = {
  role: 'mentee',
  why: 'Quiero aprender a negociar con clientes grandes',
  wants: ['negotiation', 'design-thinking'],
  languages: ['es', 'en'],
  availability: { days: ['tuesday', 'thursday'], partsOfDay: ['morning'], notes: '' },
  consent: true,
};
const mentor = { ...mentee, role: 'mentor', wants: [], offers: ['negotiation'] };

const { stack, api } = localStackForFile();

async function programme(
  status: 'draft' | 'open' | 'pilot' = 'open',
  extra: Record<string, unknown> = {},
) {
  const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic', ...extra } });
  if (status === 'draft') return draft.body.id as string;
  const r = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
    body: { status },
    headers: { 'if-match': draft.body.etag },
  });
  return r.body.id as string;
}

describe('applying (PRODUCT rules 2 and 3)', () => {
  it('an employee applies, reads and edits their own application; HR sees it', async () => {
    const id = await programme();
    const submitted = await api(MARTA, 'POST', `/programmes/${id}/applications`, { body: mentee });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      role: 'mentee',
      wants: ['negotiation', 'design-thinking'],
    });
    const mine = await api(MARTA, 'GET', `/programmes/${id}/applications/me`);
    expect(mine.body).toEqual(submitted.body);
    const edited = await api(MARTA, 'PUT', `/programmes/${id}/applications/me`, {
      body: { ...mentee, wants: ['feedback'] },
      headers: { 'if-match': mine.body.etag },
    });
    expect(edited.status).toBe(200);
    const list = await api(HR, 'GET', `/programmes/${id}/applications`);
    expect(list.body.value).toMatchObject([
      { personId: submitted.body.personId, wants: ['feedback'] },
    ]);
  });

  it('refuses a second application, a draft programme and a pilot one is not named in', async () => {
    const id = await programme();
    await api(MARTA, 'POST', `/programmes/${id}/applications`, { body: mentee });
    const again = await api(MARTA, 'POST', `/programmes/${id}/applications`, { body: mentee });
    expect([again.status, again.body.code]).toEqual([409, 'alreadyApplied']);
    const draft = await programme('draft');
    expect(
      (await api(MARTA, 'POST', `/programmes/${draft}/applications`, { body: mentee })).status,
    ).toBe(404);
    const marta = stack.people.find((p) => p.displayName === MARTA)!;
    const pilot = await programme('pilot', {
      eligibility: { kind: 'people', personIds: [marta.id] },
    });
    expect(
      (await api(MARTA, 'POST', `/programmes/${pilot}/applications`, { body: mentee })).status,
    ).toBe(201);
    expect(
      (await api(JAMES, 'POST', `/programmes/${pilot}/applications`, { body: mentee })).status,
    ).toBe(404);
  });

  it('a department programme admits the people the directory puts in that department', async () => {
    const id = await programme('open', {
      eligibility: { kind: 'departments', departments: ['Tecnología'] },
    });
    // Marta is in Tecnología in the directory; James is in Ventas, whatever he might claim.
    const marta = await api(MARTA, 'POST', `/programmes/${id}/applications`, { body: mentee });
    expect(marta.status).toBe(201);
    const james = await api(JAMES, 'POST', `/programmes/${id}/applications`, { body: mentee });
    expect([james.status, james.body.code]).toEqual([403, 'notEligible']);
    // After a move in the directory and an org sync, James is admitted too.
    const jamesId = stack.people.find((p) => p.displayName === JAMES)!.id;
    stack.graph.tenant.update(jamesId, { department: 'Tecnología' });
    expect((await api(HR, 'POST', '/directory/sync')).status).toBe(200);
    const again = await api(JAMES, 'POST', `/programmes/${id}/applications`, { body: mentee });
    expect(again.status).toBe(201);
  });

  it('HR approves mentors and rejects with a reason the applicant can read', async () => {
    // The applicant reads HR's reason only where the programme shows it (application-outcome.test.ts).
    const id = await programme('open', { showRejectionReason: true });
    const m = await api(JAMES, 'POST', `/programmes/${id}/applications`, { body: mentor });
    const approved = await api(
      HR,
      'POST',
      `/programmes/${id}/applications/${m.body.personId}/approve`,
      {
        headers: { 'if-match': m.body.etag },
      },
    );
    expect(approved.body.status).toBe('approved');
    const e = await api(MARTA, 'POST', `/programmes/${id}/applications`, { body: mentee });
    const notForMentees = await api(
      HR,
      'POST',
      `/programmes/${id}/applications/${e.body.personId}/approve`,
      {
        headers: { 'if-match': e.body.etag },
      },
    );
    expect([notForMentees.status, notForMentees.body.code]).toEqual([
      409,
      'onlyMentorsNeedApproval',
    ]);
    const rejected = await api(
      HR,
      'POST',
      `/programmes/${id}/applications/${e.body.personId}/reject`,
      {
        body: { reason: 'Este año el programa es solo para Ventas' },
        headers: { 'if-match': e.body.etag },
      },
    );
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Este año el programa es solo para Ventas',
    });
    expect(
      (await api(MARTA, 'GET', `/programmes/${id}/applications/me`)).body.rejectionReason,
    ).toBe('Este año el programa es solo para Ventas');
  });

  it('lets the applicant withdraw, and an edit racing a decision loses cleanly (412)', async () => {
    const id = await programme();
    const m = await api(JAMES, 'POST', `/programmes/${id}/applications`, { body: mentor });
    const [decision, edit] = await Promise.all([
      api(HR, 'POST', `/programmes/${id}/applications/${m.body.personId}/approve`, {
        headers: { 'if-match': m.body.etag },
      }),
      api(JAMES, 'PUT', `/programmes/${id}/applications/me`, {
        body: { ...mentor, offers: ['finance'] },
        headers: { 'if-match': m.body.etag },
      }),
    ]);
    expect([decision.status, edit.status].sort()).toEqual([200, 412]);
    const now = await api(JAMES, 'GET', `/programmes/${id}/applications/me`);
    const withdrawn = await api(JAMES, 'POST', `/programmes/${id}/applications/me/withdraw`, {
      headers: { 'if-match': now.body.etag },
    });
    expect(withdrawn.body.status).toBe('withdrawn');
  });
});

describe('bad applications', () => {
  const wrong = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string(),
    fc.array(fc.anything(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }),
  );
  const fields = [
    'role',
    'why',
    'wants',
    'offers',
    'languages',
    'availability',
    'answers',
    'consent',
  ];
  const badForm = fc
    .oneof(
      fc
        .record({ field: fc.constantFrom(...fields), value: wrong })
        .map(({ field, value }) => ({ ...mentee, [field]: value })),
      fc.constantFrom(...fields).map((field) => {
        const { [field as keyof typeof mentee]: _gone, ...rest } = mentee;
        return rest;
      }),
      fc
        .string({ minLength: 1 })
        .filter((k) => !fields.includes(k) && k !== '__proto__')
        .map((k) => ({ ...mentee, [k]: 1 })),
    )
    .filter((body) => !ApplicationFormSchema.safeParse(body).success);

  it('are refused with the field that is wrong, and nothing is stored', async () => {
    const id = await programme();
    const existing = await api(JAMES, 'POST', `/programmes/${id}/applications`, { body: mentor });
    await fc.assert(
      fc.asyncProperty(badForm, async (bad) => {
        const submit = await api(MARTA, 'POST', `/programmes/${id}/applications`, { body: bad });
        const edit = await api(JAMES, 'PUT', `/programmes/${id}/applications/me`, {
          body: bad,
          headers: { 'if-match': existing.body.etag },
        });
        const reject = await api(
          HR,
          'POST',
          `/programmes/${id}/applications/${existing.body.personId}/reject`,
          {
            body: bad,
            headers: { 'if-match': existing.body.etag },
          },
        );
        for (const r of [submit, edit, reject]) {
          expect(r.status, JSON.stringify(bad)).toBe(400);
          expect(r.body.errors[0].path).toMatch(/^body/);
        }
      }),
      { numRuns: 50 },
    );
    const list = await api(HR, 'GET', `/programmes/${id}/applications`);
    // HR's list adds the directory's word on the applicant; the application itself is unchanged.
    expect(list.body.value.map(({ directory: _, ...a }: Record<string, unknown>) => a)).toEqual([
      existing.body,
    ]);
  });

  it('require consent, and a mentee’s topics', async () => {
    const id = await programme();
    const noConsent = await api(MARTA, 'POST', `/programmes/${id}/applications`, {
      body: { ...mentee, consent: false },
    });
    expect(noConsent.body.errors).toEqual([
      { path: 'body.consent', message: 'consent is required to take part' },
    ]);
    const noTopics = await api(MARTA, 'POST', `/programmes/${id}/applications`, {
      body: { ...mentee, wants: [] },
    });
    expect(noTopics.body.errors).toEqual([
      { path: 'body.wants', message: 'a mentee says what they want to learn' },
    ]);
  });
});
