import { describe, expect, it } from 'vitest';
import {
  archive,
  changedFields,
  cloneProgramme,
  editEffects,
  mayDelete,
  promotePilot,
} from './lifecycle';
import {
  changeStatus,
  createProgramme,
  datesInOrder,
  editProgramme,
  isVisibleTo,
  mayApply,
  type Programme,
  type ProgrammeStatus,
} from './programme';

const now = new Date('2027-01-10T09:00:00Z');
const later = new Date('2027-03-01T09:00:00Z');
const draft = (extra: Partial<Programme> = {}): Programme => ({
  ...createProgramme('p1', 'classic', { name: 'Mentoring 2027' }, 'hr', now, 'es'),
  ...extra,
});
const at = (status: ProgrammeStatus, extra: Partial<Programme> = {}) => draft({ status, ...extra });

describe('the pilot (PRODUCT rule 9)', () => {
  it('needs a named group to start, and remembers it started', () => {
    expect(changeStatus(draft(), 'pilot', now)).toEqual({
      ok: false,
      reason: { code: 'noPilotGroup' },
    });
    const named = draft({ eligibility: { kind: 'people', personIds: ['a'] } });
    expect(changeStatus(named, 'pilot', now).ok).toBe(true);
    const started = changeStatus(draft({ pilotGroup: ['a'] }), 'pilot', now);
    expect(started.ok && started.programme.pilotedAt).toBe(now.toISOString());
    const opened = changeStatus(draft(), 'open', now);
    expect(opened.ok && opened.programme.pilotedAt).toBeNull();
  });

  it('is seen and applied to by its group alone; the open call by everyone eligible', () => {
    const pilot = at('pilot', { pilotGroup: ['a', 'b'] });
    expect(isVisibleTo(pilot, 'a')).toBe(true);
    expect(isVisibleTo(pilot, 'z')).toBe(false);
    expect(mayApply(pilot, { id: 'b' })).toBe(true);
    expect(mayApply(pilot, { id: 'z' })).toBe(false);
    const open = at('open', { pilotGroup: ['a', 'b'] });
    expect(isVisibleTo(open, 'z')).toBe(true);
    expect(mayApply(open, { id: 'z' })).toBe(true);
    expect(isVisibleTo(at('draft', { pilotGroup: ['a'] }), 'a')).toBe(false);
  });

  it('is promoted once to an open call with its settings, each naming the other', () => {
    const pilot = at('running', {
      pilotGroup: ['a'],
      pilotedAt: now.toISOString(),
      questions: ['¿Qué esperas?'],
      plannedSessions: 8,
      callOpensOn: '2027-01-11',
    });
    const r = promotePilot(pilot, 'p2', later);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.pilot).toMatchObject({ id: 'p1', status: 'running', promotedTo: 'p2' });
    expect(r.value.call).toMatchObject({
      id: 'p2',
      status: 'open',
      promotedFrom: 'p1',
      pilotGroup: [],
      callOpensOn: null,
      questions: ['¿Qué esperas?'],
      plannedSessions: 8,
      name: 'Mentoring 2027',
      pilotedAt: null,
      createdAt: later.toISOString(),
    });
    expect(promotePilot(r.value.pilot, 'p3', later)).toEqual({
      ok: false,
      reason: { code: 'alreadyPromoted', promotedTo: 'p2' },
    });
    expect(promotePilot(at('open'), 'p3', later)).toEqual({
      ok: false,
      reason: { code: 'notAPilot' },
    });
  });
});

describe('the next cohort, drafts and archives', () => {
  it('clones a programme as a draft with its settings and a new name', () => {
    const from = at('closed', { mentorCapacity: 3, pilotGroup: ['a'] });
    const copy = cloneProgramme(from, 'p9', later, 'Mentoring 2028');
    expect(copy).toMatchObject({
      id: 'p9',
      status: 'draft',
      name: 'Mentoring 2028',
      mentorCapacity: 3,
      pilotGroup: [],
      clonedFrom: 'p1',
      archivedAt: null,
    });
    expect(cloneProgramme(from, 'p9', later).name).toBe('Mentoring 2027');
  });

  it('deletes drafts only and archives closed programmes only', () => {
    expect(mayDelete(draft()).ok).toBe(true);
    expect(mayDelete(at('pilot'))).toEqual({
      ok: false,
      reason: { code: 'notDraft', status: 'pilot' },
    });
    expect(archive(at('running'), later)).toEqual({
      ok: false,
      reason: { code: 'notClosed', status: 'running' },
    });
    const archived = archive(at('closed'), later);
    expect(archived.ok && archived.value.archivedAt).toBe(later.toISOString());
  });
});

describe('settings', () => {
  it('keeps the call’s days and the earliest start in order, naming the later field', () => {
    expect(
      datesInOrder({
        callOpensOn: '2027-02-01',
        callClosesOn: '2027-01-01',
        earliestStartOn: null,
      }),
    ).toEqual({ code: 'datesOutOfOrder', field: 'callClosesOn' });
    expect(
      datesInOrder({
        callOpensOn: '2027-01-01',
        callClosesOn: '2027-02-01',
        earliestStartOn: '2027-01-15',
      }),
    ).toEqual({ code: 'datesOutOfOrder', field: 'earliestStartOn' });
    expect(
      datesInOrder({
        callOpensOn: '2027-01-01',
        callClosesOn: '2027-02-01',
        earliestStartOn: '2027-02-01',
      }),
    ).toBeNull();
    expect(
      editProgramme(draft({ callOpensOn: '2027-02-01' }), { callClosesOn: '2027-01-01' }, now).ok,
    ).toBe(false);
  });

  it('names what an edit affects once employees can apply, nothing on a draft', () => {
    expect(editEffects('draft', ['questions', 'eligibility'])).toEqual([]);
    expect(editEffects('open', ['questions', 'eligibility', 'name'])).toEqual([
      'answersGivenKept',
      'applicationsKept',
    ]);
    expect(editEffects('matching', ['sessionMinutes', 'mentorCapacity'])).toEqual([
      'newBookingsOnly',
      'nextMatching',
    ]);
  });

  it('lists only the fields an edit really changes', () => {
    const p = draft();
    expect(
      changedFields(p, { name: p.name, plannedSessions: 12, questions: ['¿Por qué?'] }),
    ).toEqual(['plannedSessions', 'questions']);
  });
});
