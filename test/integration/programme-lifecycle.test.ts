import { describe, expect, it } from 'vitest';
import { localStackForFile } from './stack-for-file';

/**
 * A programme's whole life through the API (issue #19, PRODUCT rule 9): every setting, a pilot
 * for a named group that nobody else can see or apply to, its promotion to the organisation-wide
 * call, a clone for the next cohort, a draft deleted, a closed programme archived — and the audit
 * trail that records each of them, for the programme's owners alone.
 */
const HR = 'Lucía Fernández';
const ADVISOR = 'Elena Rivas';
const MARTA = 'Marta Gil';
const JAMES = 'James Whitaker';

const { stack, api } = localStackForFile();
const id = (name: string) => stack.people.find((p) => p.displayName === name)!.id;

const everySetting = () => ({
  kind: 'reverse',
  language: 'es',
  name: 'Mentoring inverso 2027',
  objectives: 'Lo digital, de quienes lo dominan a la dirección.',
  description: { es: 'Aprende lo digital en diez sesiones.', en: 'Learn digital in ten sessions.' },
  eligibility: { kind: 'departments', departments: ['Tecnología', 'Ventas'] },
  pilotGroup: [id(MARTA)],
  plannedSessions: 8,
  durationMonths: 4,
  sessionMinutes: 45,
  hierarchyRule: 'directManager',
  mentorCapacity: 2,
  questions: ['¿Qué esperas del programa?', '¿Cuánto tiempo puedes dedicar?'],
  callOpensOn: '2027-01-11',
  callClosesOn: '2027-01-31',
  earliestStartOn: '2027-02-08',
  owners: [id(HR)],
});

const mentee = {
  role: 'mentee',
  why: 'Quiero entender lo digital',
  wants: ['digital-marketing'],
  languages: ['es'],
  consent: true,
};

describe('a programme’s life, recorded', () => {
  it('creates with every setting, pilots for its group alone, promotes, clones and audits it', async () => {
    const created = await api(HR, 'POST', '/programmes', { body: everySetting() });
    expect(created.status).toBe(201);
    const { language: _l, kind: _k, ...settings } = everySetting();
    expect(created.body).toMatchObject({ ...settings, status: 'draft', pilotedAt: null });

    const pilot = await api(HR, 'PUT', `/programmes/${created.body.id}/status`, {
      body: { status: 'pilot' },
      headers: { 'if-match': created.body.etag },
    });
    expect(pilot.status).toBe(200);
    // The pilot group sees and applies; James, in Ventas and so eligible for the call, does not.
    expect((await api(MARTA, 'GET', `/programmes/${pilot.body.id}`)).status).toBe(200);
    expect((await api(JAMES, 'GET', `/programmes/${pilot.body.id}`)).status).toBe(404);
    const jamesList = (await api(JAMES, 'GET', '/programmes')).body.value.map(
      (p: { id: string }) => p.id,
    );
    expect(jamesList).not.toContain(pilot.body.id);
    const outsider = await api(JAMES, 'POST', `/programmes/${pilot.body.id}/applications`, {
      body: mentee,
    });
    expect(outsider.status).toBe(404);
    const member = await api(MARTA, 'POST', `/programmes/${pilot.body.id}/applications`, {
      body: mentee,
    });
    expect(member.status).toBe(201);
    // A member reads only their own id in the pilot group.
    expect((await api(MARTA, 'GET', `/programmes/${pilot.body.id}`)).body.pilotGroup).toEqual([
      id(MARTA),
    ]);

    const promoted = await api(HR, 'POST', `/programmes/${pilot.body.id}/promote`, {
      headers: { 'if-match': pilot.body.etag },
    });
    expect(promoted.status).toBe(201);
    expect(promoted.body).toMatchObject({
      status: 'open',
      promotedFrom: pilot.body.id,
      questions: settings.questions,
      plannedSessions: 8,
      hierarchyRule: 'directManager',
      pilotGroup: [],
      callOpensOn: null,
    });
    // The organisation-wide call is James's to see and apply to; the pilot keeps Marta's application.
    expect((await api(JAMES, 'GET', `/programmes/${promoted.body.id}`)).status).toBe(200);
    expect(
      (
        await api(JAMES, 'POST', `/programmes/${promoted.body.id}/applications`, {
          body: mentee,
        })
      ).status,
    ).toBe(201);
    const pilotNow = await api(HR, 'GET', `/programmes/${pilot.body.id}`);
    expect(pilotNow.body).toMatchObject({ status: 'pilot', promotedTo: promoted.body.id });
    expect(
      (await api(HR, 'GET', `/programmes/${pilot.body.id}/applications`)).body.value,
    ).toHaveLength(1);
    const twice = await api(HR, 'POST', `/programmes/${pilot.body.id}/promote`, {
      headers: { 'if-match': pilotNow.body.etag },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'alreadyPromoted']);

    const clone = await api(HR, 'POST', `/programmes/${promoted.body.id}/clone`, {
      body: { name: 'Mentoring inverso 2028' },
    });
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject({
      status: 'draft',
      name: 'Mentoring inverso 2028',
      clonedFrom: promoted.body.id,
      mentorCapacity: 2,
    });

    const trail = await api(HR, 'GET', `/programmes/${pilot.body.id}/audit`);
    expect(trail.status).toBe(200);
    expect(
      trail.body.value.map((e: { action: string; by: { name: string } }) => [e.action, e.by.name]),
    ).toEqual([
      ['created', HR],
      ['statusChanged', HR],
      ['promoted', HR],
    ]);
    expect(trail.body.value[1].details).toEqual({ from: 'draft', to: 'pilot' });
    expect((await api(ADVISOR, 'GET', `/programmes/${pilot.body.id}/audit`)).status).toBe(403);

    const csv = await api(
      HR,
      'GET',
      `/programmes/${pilot.body.id}/audit.csv?lang=es&tz=Europe/Madrid`,
    );
    expect(csv.status).toBe(200);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Cuándo (Europe/Madrid);Quién;Acción;Detalle');
    expect(lines.slice(1).map((l) => l.split(';')[2])).toEqual([
      'Creó el programa',
      'Cambió el estado',
      'Promovió el piloto',
    ]);
  });

  it('refuses a pilot without a group, dates out of order, and deleting what is not a draft', async () => {
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
    const pilot = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'pilot' },
      headers: { 'if-match': draft.body.etag },
    });
    expect([pilot.status, pilot.body.code]).toEqual([409, 'noPilotGroup']);
    const dates = await api(HR, 'PATCH', `/programmes/${draft.body.id}`, {
      body: { callOpensOn: '2027-03-01', callClosesOn: '2027-02-01' },
      headers: { 'if-match': draft.body.etag },
    });
    expect([dates.status, dates.body.code, dates.body.field]).toEqual([
      409,
      'datesOutOfOrder',
      'callClosesOn',
    ]);
    const open = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    });
    const kept = await api(HR, 'DELETE', `/programmes/${draft.body.id}`, {
      headers: { 'if-match': open.body.etag },
    });
    expect([kept.status, kept.body.code]).toEqual([409, 'notDraft']);
    const archive = await api(HR, 'POST', `/programmes/${draft.body.id}/archive`, {
      headers: { 'if-match': open.body.etag },
    });
    expect([archive.status, archive.body.code]).toEqual([409, 'notClosed']);
  });

  it('deletes a draft (gone for HR too) and archives a closed programme, still reported', async () => {
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'executive' } });
    const gone = await api(HR, 'DELETE', `/programmes/${draft.body.id}`, {
      headers: { 'if-match': draft.body.etag },
    });
    expect(gone.status).toBe(204);
    expect((await api(HR, 'GET', `/programmes/${draft.body.id}`)).status).toBe(404);

    const other = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
    const open = await api(HR, 'PUT', `/programmes/${other.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': other.body.etag },
    });
    const closed = await api(HR, 'PUT', `/programmes/${other.body.id}/status`, {
      body: { status: 'closed' },
      headers: { 'if-match': open.body.etag },
    });
    const archived = await api(HR, 'POST', `/programmes/${other.body.id}/archive`, {
      headers: { 'if-match': closed.body.etag },
    });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    expect((await api(HR, 'GET', `/programmes/${other.body.id}/progress`)).status).toBe(200);
    expect((await api(HR, 'GET', `/programmes/${other.body.id}/report.csv`)).status).toBe(200);
  });

  it('refuses settings its contract does not allow, naming each field', async () => {
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
    const r = await api(HR, 'PATCH', `/programmes/${draft.body.id}`, {
      body: {
        plannedSessions: 0,
        callOpensOn: '11/01/2027',
        description: { es: 'Solo en español' },
        pilotGroup: ['not-a-person'],
      },
      headers: { 'if-match': draft.body.etag },
    });
    expect(r.status).toBe(400);
    const paths = r.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual([
      'body.callOpensOn',
      'body.description.en',
      'body.pilotGroup.0',
      'body.plannedSessions',
    ]);
  });

  it('finds people in the directory snapshot by name, department or title, for HR only', async () => {
    await api(HR, 'POST', '/directory/sync');
    const byName = await api(HR, 'GET', '/directory/people?q=marta');
    expect(byName.body.value.map((p: { name: string }) => p.name)).toContain(MARTA);
    const byDepartment = await api(HR, 'GET', '/directory/people?q=tecnologia');
    expect(byDepartment.body.value.length).toBeGreaterThan(0);
    for (const p of byDepartment.body.value) expect(p.department).toBe('Tecnología');
    expect((await api(MARTA, 'GET', '/directory/people?q=a')).status).toBe(403);
  });
});
