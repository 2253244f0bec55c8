import { describe, expect, it } from 'vitest';
import {
  asPerson,
  HR,
  matchingProgramme,
  menteeForm,
  mentorForm,
  unrelatedPeople,
} from './matching-fixture';
import { localStackForFile } from './stack-for-file';

/**
 * HR's rigorous review (PRODUCT rule 2) through the real API and storage: each application with
 * the directory's word on its applicant, decisions with who and when, decisions in bulk, and the
 * waiting list for mentees the matching left out (rule 4).
 */
const { stack, api } = localStackForFile();

async function openProgramme(extra: Record<string, unknown> = {}) {
  const draft = await api(HR, 'POST', '/programmes', {
    body: { kind: 'classic', questions: ['¿Qué experiencia tienes?'], ...extra },
  });
  const opened = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
    body: { status: 'open' },
    headers: { 'if-match': draft.body.etag },
  });
  return opened.body.id as string;
}

describe('HR’s review of applications', () => {
  it('reads each applicant’s department, job title and manager from the directory', async () => {
    const [ana] = unrelatedPeople(stack, 1);
    const as = asPerson(stack, api);
    const id = await openProgramme();
    await as(ana!.id, 'POST', `/programmes/${id}/applications`, {
      body: { ...mentorForm, answers: ['Diez años en ventas'] },
    });
    const list = await api(HR, 'GET', `/programmes/${id}/applications`);
    expect(list.status).toBe(200);
    const inDirectory = stack.graph.tenant.list().find((p) => p.id === ana!.id)!;
    const manager = stack.graph.tenant.list().find((p) => p.id === inDirectory.managerId);
    expect(list.body.value[0]).toMatchObject({
      personId: ana!.id,
      answers: ['Diez años en ventas'],
      directory: {
        department: inDirectory.department ?? null,
        jobTitle: inDirectory.jobTitle ?? null,
        manager: manager ? { id: manager.id, name: manager.displayName } : null,
      },
    });
  });

  it('records who decided and when; the applicant never reads HR’s record', async () => {
    const [bo] = unrelatedPeople(stack, 1);
    const as = asPerson(stack, api);
    const id = await openProgramme();
    const applied = await as(bo!.id, 'POST', `/programmes/${id}/applications`, {
      body: mentorForm,
    });
    const approved = await api(HR, 'POST', `/programmes/${id}/applications/${bo!.id}/approve`, {
      body: { note: 'Lidera un equipo de doce' },
      headers: { 'if-match': applied.body.etag },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.decision).toMatchObject({
      by: { name: HR },
      note: 'Lidera un equipo de doce',
    });
    expect(Date.parse(approved.body.decision.at)).not.toBeNaN();
    const mine = await as(bo!.id, 'GET', `/programmes/${id}/applications/me`);
    expect(mine.body.status).toBe('approved');
    expect(mine.body).not.toHaveProperty('decision');
  });

  it('decides in bulk: each one it can, and says why for the rest', async () => {
    const [m1, m2, e1] = unrelatedPeople(stack, 3);
    const as = asPerson(stack, api);
    const id = await openProgramme();
    for (const [p, form] of [
      [m1, mentorForm],
      [m2, mentorForm],
      [e1, menteeForm],
    ] as const) {
      const r = await as(p!.id, 'POST', `/programmes/${id}/applications`, { body: form });
      expect(r.status).toBe(201);
    }
    const approve = await api(HR, 'POST', `/programmes/${id}/applications/decisions`, {
      body: { decision: 'approve', personIds: [m1!.id, m2!.id, e1!.id], note: 'Buen perfil' },
    });
    expect(approve.status).toBe(200);
    expect(approve.body.decided.map((a: { personId: string }) => a.personId).sort()).toEqual(
      [m1!.id, m2!.id].sort(),
    );
    expect(approve.body.undecided).toEqual([{ personId: e1!.id, code: 'onlyMentorsNeedApproval' }]);
    const reject = await api(HR, 'POST', `/programmes/${id}/applications/decisions`, {
      body: { decision: 'reject', personIds: [m2!.id, e1!.id], reason: 'Plazas completas' },
    });
    expect(reject.body.decided.map((a: { status: string }) => a.status)).toEqual([
      'rejected',
      'rejected',
    ]);
    const list = await api(HR, 'GET', `/programmes/${id}/applications`);
    const byId = new Map(
      list.body.value.map((a: { personId: string }) => [a.personId, a] as const),
    );
    expect(byId.get(m1!.id)).toMatchObject({
      status: 'approved',
      decision: { note: 'Buen perfil' },
    });
    expect(byId.get(m2!.id)).toMatchObject({
      status: 'rejected',
      decision: { note: 'Plazas completas', by: { name: HR } },
    });
  });

  it('refuses bad bulk decisions, naming the field', async () => {
    const id = await openProgramme();
    const [someone] = unrelatedPeople(stack, 1);
    for (const [body, path] of [
      [{ decision: 'reject', personIds: [someone!.id] }, 'body.reason'],
      [{ decision: 'reject', personIds: [someone!.id], reason: '   ' }, 'body.reason'],
      [{ decision: 'approve', personIds: [] }, 'body.personIds'],
      [{ decision: 'approve', personIds: ['not-a-guid'] }, 'body.personIds.0'],
      [{ decision: 'maybe', personIds: [someone!.id] }, 'body.decision'],
      [{ decision: 'approve', personIds: [someone!.id], reason: 'x' }, 'body'],
    ] as const) {
      const r = await api(HR, 'POST', `/programmes/${id}/applications/decisions`, { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(
        r.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    const note = await api(HR, 'POST', `/programmes/${id}/applications/${someone!.id}/approve`, {
      body: { note: 'x'.repeat(1001) },
      headers: { 'if-match': '*' },
    });
    expect(note.status).toBe(400);
  });
});

describe('the waiting list (PRODUCT rule 4)', () => {
  it('keeps a mentee the matching left out, and the mentee reads that they wait', async () => {
    const [mentor, e1, e2] = unrelatedPeople(stack, 3);
    const { programmeId } = await matchingProgramme(
      stack,
      api,
      { mentors: [mentor!.id], mentees: [e1!.id, e2!.id] },
      { run: true, mentorCapacity: 1 },
    );
    const current = await api(HR, 'GET', `/programmes/${programmeId}`);
    const leftOut = (await api(HR, 'GET', `/programmes/${programmeId}/matching`)).body.unmatched[0];
    const path = `/programmes/${programmeId}/applications/${leftOut.personId}/waiting-list`;
    const before = await api(HR, 'POST', path);
    expect(before.status).toBe(409);
    expect(before.body.code).toBe('noWaitingList');
    const setting = await api(HR, 'PATCH', `/programmes/${programmeId}`, {
      body: { keepsWaitingList: true },
      headers: { 'if-match': current.body.etag },
    });
    expect(setting.status, JSON.stringify(setting.body)).toBe(200);
    const kept = await api(HR, 'POST', path);
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(Date.parse(kept.body.waitingListSince)).not.toBeNaN();
    const paired = [e1!.id, e2!.id].find((id) => id !== leftOut.personId)!;
    const refused = await api(
      HR,
      'POST',
      `/programmes/${programmeId}/applications/${paired}/waiting-list`,
    );
    expect(refused.body.code).toBe('notLeftOut');
    const as = asPerson(stack, api);
    const mine = (await as(leftOut.personId, 'GET', '/applications/me')).body.value.find(
      (a: { programmeId: string }) => a.programmeId === programmeId,
    );
    expect(mine.outcome).toBe('waitingList');
  });
});
