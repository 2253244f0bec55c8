import { describe, expect, it } from 'vitest';
import { createProgramme, type Programme } from '../programme/programme';
import {
  type ApplicationForm,
  approveMentor,
  editApplication,
  isReadyForMatching,
  rejectApplication,
  submitApplication,
  withdrawApplication,
} from './application';

const now = new Date('2026-03-02T09:00:00Z');
const programme = (status: Programme['status']): Programme => ({
  ...createProgramme('p', 'classic', {}, 'hr', now),
  status,
});
const form = (role: 'mentee' | 'mentor'): ApplicationForm => ({
  role,
  why: 'Quiero crecer',
  wants: role === 'mentee' ? ['negociación'] : [],
  offers: role === 'mentor' ? ['negociación'] : [],
  languages: ['es'],
  availability: { days: ['tuesday'], partsOfDay: ['morning'], notes: '' },
  answers: [],
  consent: true,
});

describe('applications (PRODUCT rules 2 and 3)', () => {
  it('are taken during a pilot and an open call only', () => {
    for (const status of ['draft', 'matching', 'running', 'closed'] as const) {
      expect(
        submitApplication(programme(status), { id: 'u1', name: 'Ana' }, true, form('mentee'), now),
      ).toEqual({
        ok: false,
        reason: { code: 'notAcceptingApplications', status },
      });
    }
    expect(
      submitApplication(programme('pilot'), { id: 'u1', name: 'Ana' }, true, form('mentee'), now)
        .ok,
    ).toBe(true);
  });

  it('refuse people the programme is not for', () => {
    expect(
      submitApplication(programme('open'), { id: 'u1', name: 'Ana' }, false, form('mentee'), now),
    ).toEqual({
      ok: false,
      reason: { code: 'notEligible' },
    });
  });

  it('need HR’s approval for mentors only; mentees take part unless rejected', () => {
    const r = submitApplication(
      programme('open'),
      { id: 'u1', name: 'Ana' },
      true,
      form('mentor'),
      now,
    );
    if (!r.ok) throw new Error('submit');
    expect(isReadyForMatching(r.application)).toBe(false);
    const approved = approveMentor(r.application, now);
    expect(approved.ok && isReadyForMatching(approved.application)).toBe(true);
    const mentee = submitApplication(
      programme('open'),
      { id: 'u2', name: 'Bea' },
      true,
      form('mentee'),
      now,
    );
    if (!mentee.ok) throw new Error('submit');
    expect(isReadyForMatching(mentee.application)).toBe(true);
    expect(approveMentor(mentee.application, now)).toEqual({
      ok: false,
      reason: { code: 'onlyMentorsNeedApproval' },
    });
  });

  it('send an approved mentor back to review when they change their form', () => {
    const r = submitApplication(
      programme('open'),
      { id: 'u1', name: 'Ana' },
      true,
      form('mentor'),
      now,
    );
    if (!r.ok) throw new Error('submit');
    const approved = approveMentor(r.application, now);
    if (!approved.ok) throw new Error('approve');
    const edited = editApplication(
      programme('open'),
      approved.application,
      { ...form('mentor'), offers: ['finanzas'] },
      now,
    );
    expect(edited.ok && edited.application.status).toBe('submitted');
  });

  it('keep the reason of a rejection, and cannot be edited after it or after withdrawing', () => {
    const r = submitApplication(
      programme('open'),
      { id: 'u1', name: 'Ana' },
      true,
      form('mentee'),
      now,
    );
    if (!r.ok) throw new Error('submit');
    const rejected = rejectApplication(r.application, 'Plazas completas', now);
    expect(rejected.ok && rejected.application).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Plazas completas',
    });
    if (!rejected.ok) throw new Error('reject');
    expect(editApplication(programme('open'), rejected.application, form('mentee'), now).ok).toBe(
      false,
    );
    const withdrawn = withdrawApplication(r.application, now);
    expect(withdrawn.ok && withdrawn.application.status).toBe('withdrawn');
    if (!withdrawn.ok) throw new Error('withdraw');
    expect(withdrawApplication(withdrawn.application, now).ok).toBe(false);
  });
});
