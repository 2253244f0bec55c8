import { describe, expect, it } from 'vitest';
import { memoryAudit, memoryProgrammes } from '../../../../test/fixtures/in-memory-ports';
import { StaleVersionError } from '../../ports/versioned';
import { changeProgrammeStatus } from './change-status';
import { createProgramme } from './create-programme';
import { editSettings } from './edit-settings';
import { archiveProgramme, cloneProgramme, deleteDraft, promotePilot } from './lifecycle';

const now = new Date('2027-01-10T09:00:00Z');
const hr = { id: 'hr-1', name: 'Lucía Fernández' };

function world() {
  const programmes = memoryProgrammes();
  const audit = memoryAudit();
  const ended: string[] = [];
  let n = 0;
  const deps = {
    programmes,
    audit,
    clock: { now: () => now },
    newId: () => `p${++n}`,
    sessions: {
      endProgramme: async (p: { id: string }) => {
        ended.push(p.id);
        return [] as string[];
      },
    },
  };
  return { deps, programmes, audit, ended };
}

async function created(w: ReturnType<typeof world>, settings = {}) {
  const r = await createProgramme(w.deps, { kind: 'classic', language: 'es', settings, by: hr });
  if (!r.ok) throw new Error(r.reason.code);
  return r.value;
}

describe('programme use cases, each recorded in the audit trail', () => {
  it('create and edit: the trail names who, the kind and which fields really changed', async () => {
    const w = world();
    const p = await created(w, { plannedSessions: 8 });
    const edited = await editSettings(w.deps, {
      programme: p.value,
      etag: p.etag,
      by: hr,
      changes: { plannedSessions: 8, mentorCapacity: 2, questions: ['¿Qué esperas?'] },
    });
    expect(edited.ok && edited.value.value.mentorCapacity).toBe(2);
    expect(w.audit.entries.map((e) => [e.action, e.details, e.by.name])).toEqual([
      ['created', { kind: 'classic', fields: ['plannedSessions'] }, hr.name],
      ['settingsChanged', { fields: ['mentorCapacity', 'questions'] }, hr.name],
    ]);
  });

  it('refuses dates out of order and records nothing for it', async () => {
    const w = world();
    const p = await created(w);
    const r = await editSettings(w.deps, {
      programme: p.value,
      etag: p.etag,
      by: hr,
      changes: { callOpensOn: '2027-02-01', callClosesOn: '2027-01-15' },
    });
    expect(r).toEqual({ ok: false, reason: { code: 'datesOutOfOrder', field: 'callClosesOn' } });
    expect(w.audit.entries.map((e) => e.action)).toEqual(['created']);
  });

  it('a stale ETag writes nothing and records nothing', async () => {
    const w = world();
    const p = await created(w);
    await expect(
      changeProgrammeStatus(w.deps, { programme: p.value, etag: 'W/"old"', by: hr, to: 'open' }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect(w.audit.entries.map((e) => e.action)).toEqual(['created']);
  });

  it('pilot → promoted call: a new open programme, the pilot kept and marked, both trails', async () => {
    const w = world();
    const p = await created(w, { pilotGroup: ['u1'], questions: ['¿Por qué tú?'] });
    const pilot = await changeProgrammeStatus(w.deps, {
      programme: p.value,
      etag: p.etag,
      by: hr,
      to: 'pilot',
    });
    if (!pilot.ok) throw new Error(pilot.reason.code);
    const call = await promotePilot(w.deps, {
      programme: pilot.value.value,
      etag: pilot.value.etag,
      by: hr,
    });
    if (!call.ok) throw new Error(call.reason.code);
    expect(call.value.value).toMatchObject({
      status: 'open',
      promotedFrom: p.value.id,
      questions: ['¿Por qué tú?'],
    });
    expect(w.programmes.rows.get(p.value.id)?.value).toMatchObject({
      status: 'pilot',
      promotedTo: call.value.value.id,
    });
    const pilotTrail = w.audit.entries.filter((e) => e.programmeId === p.value.id);
    expect(pilotTrail.map((e) => [e.action, e.details])).toEqual([
      ['created', { kind: 'classic', fields: ['pilotGroup', 'questions'] }],
      ['statusChanged', { from: 'draft', to: 'pilot' }],
      ['promoted', { to: call.value.value.id }],
    ]);
    const again = await promotePilot(w.deps, {
      programme: w.programmes.rows.get(p.value.id)!.value,
      etag: w.programmes.rows.get(p.value.id)!.etag,
      by: hr,
    });
    expect(again.ok).toBe(false);
  });

  it('clone, delete a draft (only a draft), close then archive', async () => {
    const w = world();
    const p = await created(w);
    const copy = await cloneProgramme(w.deps, { programme: p.value, by: hr, name: 'Siguiente' });
    expect(copy.ok && copy.value.value).toMatchObject({ status: 'draft', name: 'Siguiente' });
    const opened = await changeProgrammeStatus(w.deps, {
      programme: p.value,
      etag: p.etag,
      by: hr,
      to: 'open',
    });
    if (!opened.ok) throw new Error(opened.reason.code);
    expect(
      await deleteDraft(w.deps, { programme: opened.value.value, etag: opened.value.etag, by: hr }),
    ).toEqual({ ok: false, reason: { code: 'notDraft', status: 'open' } });
    if (!copy.ok) return;
    expect(
      (await deleteDraft(w.deps, { programme: copy.value.value, etag: copy.value.etag, by: hr }))
        .ok,
    ).toBe(true);
    expect(w.programmes.rows.has(copy.value.value.id)).toBe(false);
    const closed = await changeProgrammeStatus(w.deps, {
      programme: opened.value.value,
      etag: opened.value.etag,
      by: hr,
      to: 'closed',
    });
    if (!closed.ok) throw new Error(closed.reason.code);
    expect(w.ended).toEqual([p.value.id]);
    const archived = await archiveProgramme(w.deps, {
      programme: closed.value.value,
      etag: closed.value.etag,
      by: hr,
    });
    expect(archived.ok && archived.value.value.archivedAt).toBe(now.toISOString());
    expect(
      w.audit.entries.filter((e) => e.programmeId === p.value.id).map((e) => e.action),
    ).toEqual(['created', 'cloned', 'statusChanged', 'statusChanged', 'archived']);
    expect(
      w.audit.entries
        .filter((e) => e.programmeId === copy.value.value.id)
        .map((e) => [e.action, e.details]),
    ).toEqual([
      ['created', { clonedFrom: p.value.id }],
      ['deleted', { name: 'Siguiente' }],
    ]);
  });
});
