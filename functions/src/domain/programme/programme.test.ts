import { describe, expect, it } from 'vitest';
import {
  changeStatus,
  createProgramme,
  editProgramme,
  isEligible,
  type ProgrammeStatus,
  TEMPLATES,
  TRANSITIONS,
} from './programme';

const now = new Date('2026-03-02T09:00:00Z');

describe('programme templates', () => {
  it('start as drafts with PRODUCT’s defaults: 10 sessions, 6 months, 60 minutes, chain rule, capacity 1', () => {
    for (const kind of ['classic', 'reverse', 'executive'] as const) {
      const p = createProgramme('p1', kind, {}, 'hr1', now);
      expect(p).toMatchObject({
        kind,
        status: 'draft',
        plannedSessions: 10,
        durationMonths: 6,
        sessionMinutes: 60,
        hierarchyRule: 'chain',
        mentorCapacity: 1,
        owners: ['hr1'],
        eligibility: { kind: 'everyone' },
        showRejectionReason: false,
        keepsWaitingList: false,
      });
      expect(p.objectives).toBe(TEMPLATES[kind].objectives);
    }
  });

  it('takes HR’s overrides', () => {
    const p = createProgramme(
      'p1',
      'executive',
      { plannedSessions: 12, name: 'Dirección 2027' },
      'hr1',
      now,
    );
    expect(p).toMatchObject({ plannedSessions: 12, name: 'Dirección 2027', kind: 'executive' });
  });

  it('come with their name and objectives in HR’s language, the same settings otherwise', () => {
    for (const kind of ['classic', 'reverse', 'executive'] as const) {
      const es = createProgramme('p1', kind, {}, 'hr1', now, 'es');
      const en = createProgramme('p1', kind, {}, 'hr1', now, 'en');
      expect(es.objectives).not.toBe(en.objectives);
      expect(es.objectives).toMatch(/[áéíóúñ]|mentor/);
      expect([es.language, en.language]).toEqual(['es', 'en']);
      const { name: _n, objectives: _o, language: _l, ...rest } = es;
      const { name: _n2, objectives: _o2, language: _l2, ...restEn } = en;
      expect(rest).toEqual(restEn);
    }
    expect(createProgramme('p1', 'reverse', {}, 'hr1', now, 'es').name).toBe('Mentoring inverso');
    expect(createProgramme('p1', 'reverse', { name: 'Mío' }, 'hr1', now, 'es').name).toBe('Mío');
  });
});

describe('the status machine (PRODUCT rule 9: pilot first)', () => {
  const at = (status: ProgrammeStatus) => ({
    ...createProgramme('p', 'classic', {}, 'hr', now),
    status,
  });

  it('runs draft → pilot → open → matching → running → closed', () => {
    let p = { ...at('draft'), pilotGroup: ['u1'] };
    for (const next of ['pilot', 'open', 'matching', 'running', 'closed'] as const) {
      const r = changeStatus(p, next, now);
      expect(r.ok).toBe(true);
      if (r.ok) p = r.programme;
    }
    expect(p.status).toBe('closed');
  });

  it('refuses every other move with a reason', () => {
    const all: ProgrammeStatus[] = ['draft', 'pilot', 'open', 'matching', 'running', 'closed'];
    for (const from of all) {
      for (const to of all) {
        const r = changeStatus({ ...at(from), pilotGroup: ['u1'] }, to, now);
        expect(r.ok, `${from} → ${to}`).toBe(TRANSITIONS[from].includes(to));
        if (!r.ok) expect(r.reason).toEqual({ code: 'invalidTransition', from, to });
      }
    }
  });

  it('freezes settings once the programme is running', () => {
    expect(editProgramme(at('running'), { name: 'x' }, now)).toEqual({
      ok: false,
      reason: { code: 'notEditable', status: 'running' },
    });
    expect(editProgramme(at('open'), { name: 'x' }, now).ok).toBe(true);
  });

  it('lets HR change what applicants are told while running, with the plan still frozen', () => {
    const running = editProgramme(
      at('running'),
      { keepsWaitingList: true, showRejectionReason: true },
      now,
    );
    expect(running.ok && running.programme).toMatchObject({
      keepsWaitingList: true,
      showRejectionReason: true,
    });
    expect(editProgramme(at('running'), { keepsWaitingList: true, name: 'x' }, now).ok).toBe(false);
  });
});

describe('eligibility', () => {
  it('is everyone, some departments or named people', () => {
    const person = { id: 'u1', department: 'Ventas' };
    expect(isEligible({ eligibility: { kind: 'everyone' } }, person)).toBe(true);
    expect(
      isEligible({ eligibility: { kind: 'departments', departments: ['Ventas'] } }, person),
    ).toBe(true);
    expect(
      isEligible({ eligibility: { kind: 'departments', departments: ['Legal'] } }, person),
    ).toBe(false);
    expect(isEligible({ eligibility: { kind: 'people', personIds: ['u2'] } }, person)).toBe(false);
  });
});
