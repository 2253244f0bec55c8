import { describe, expect, it } from 'vitest';
import { createProgramme, type Programme } from '../programme/programme';
import {
  type Application,
  type ApplicationForm,
  applicantView,
  applicationOutcome,
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
    const rejected = rejectApplication(r.application, 'Plazas completas', programme('open'), now);
    expect(rejected.ok && rejected.application).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Plazas completas',
      rejectionReasonShared: false,
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

describe('where an applicant stands (issue #14)', () => {
  const submitted = (role: 'mentee' | 'mentor', status: Programme['status'] = 'open') => {
    const r = submitApplication(
      programme('open'),
      { id: 'u1', name: 'Ana' },
      true,
      form(role),
      now,
    );
    if (!r.ok) throw new Error('not submitted');
    return { application: r.application, programme: programme(status) };
  };
  const approved = (a: Application) => {
    const r = approveMentor(a, now);
    if (!r.ok) throw new Error('not approved');
    return r.application;
  };
  const rejected = (a: Application, showRejectionReason = false) => {
    const r = rejectApplication(
      a,
      'Plazas completas',
      { ...programme('open'), showRejectionReason },
      now,
    );
    if (!r.ok) throw new Error('not rejected');
    return r.application;
  };

  it('under review while the call or pilot is open; a mentor once approved reads it', () => {
    for (const status of ['open', 'pilot'] as const) {
      const mentee = submitted('mentee', status);
      expect(applicationOutcome(mentee.application, mentee.programme, false)).toBe('underReview');
      const mentor = submitted('mentor', status);
      expect(applicationOutcome(mentor.application, mentor.programme, false)).toBe('underReview');
      expect(applicationOutcome(approved(mentor.application), mentor.programme, false)).toBe(
        'approved',
      );
    }
  });

  it('being matched in matching; a mentor HR has not approved is still under review', () => {
    const mentee = submitted('mentee', 'matching');
    expect(applicationOutcome(mentee.application, mentee.programme, false)).toBe('beingMatched');
    const mentor = submitted('mentor', 'matching');
    expect(applicationOutcome(mentor.application, mentor.programme, false)).toBe('underReview');
    expect(applicationOutcome(approved(mentor.application), mentor.programme, false)).toBe(
      'beingMatched',
    );
  });

  it('paired whenever a pair holds them', () => {
    for (const status of ['matching', 'running', 'closed'] as const) {
      const mentee = submitted('mentee', status);
      expect(applicationOutcome(mentee.application, mentee.programme, true)).toBe('paired');
    }
  });

  it('left out once running: on the waiting list only when the programme keeps one', () => {
    const mentee = submitted('mentee', 'running');
    expect(applicationOutcome(mentee.application, mentee.programme, false)).toBe('notPaired');
    const keeping = { ...mentee.programme, keepsWaitingList: true };
    expect(applicationOutcome(mentee.application, keeping, false)).toBe('waitingList');
    // The waiting list is of mentees; a mentor left out is simply not matched this time.
    const mentor = submitted('mentor', 'running');
    expect(applicationOutcome(approved(mentor.application), keeping, false)).toBe('notPaired');
    // Once closed, nobody will be paired from it any more.
    expect(applicationOutcome(mentee.application, { ...keeping, status: 'closed' }, false)).toBe(
      'notPaired',
    );
  });

  it('an older programme without the settings keeps no waiting list and hides reasons', () => {
    // As stored before the settings existed.
    const older: Programme = programme('running');
    delete older.keepsWaitingList;
    delete older.showRejectionReason;
    const mentee = submitted('mentee');
    expect(applicationOutcome(mentee.application, older, false)).toBe('notPaired');
    expect(applicantView(rejected(mentee.application), older).rejectionReason).toBeUndefined();
  });

  it('not selected when HR rejected, at any stage; withdrawn says nothing more', () => {
    for (const status of ['open', 'matching', 'running', 'closed'] as const) {
      const mentee = submitted('mentee', status);
      expect(applicationOutcome(rejected(mentee.application), mentee.programme, false)).toBe(
        'notSelected',
      );
      const gone = withdrawApplication(mentee.application, now);
      expect(gone.ok && applicationOutcome(gone.application, mentee.programme, false)).toBe(
        undefined,
      );
    }
  });

  it('the reason reaches the applicant only when the programme shows it', () => {
    const { application, programme: p } = submitted('mentee');
    const shared = rejected(application, true);
    expect(shared.rejectionReasonShared).toBe(true);
    expect(applicantView(shared, { ...p, showRejectionReason: true }).rejectionReason).toBe(
      'Plazas completas',
    );
    // HR may stop showing reasons: the applicant then no longer reads it.
    expect(applicantView(shared, { ...p, showRejectionReason: false })).not.toHaveProperty(
      'rejectionReason',
    );
    // Everything else the applicant wrote stays.
    expect(applicantView(shared, p)).toEqual({ ...shared, rejectionReason: undefined });
  });

  it('a reason HR wrote while reasons were hidden stays hidden when HR later shows them', () => {
    const { application, programme: p } = submitted('mentee');
    const kept = rejected(application, false);
    expect(kept.rejectionReasonShared).toBe(false);
    expect(applicantView(kept, { ...p, showRejectionReason: true })).not.toHaveProperty(
      'rejectionReason',
    );
    // Stored before the setting existed: not shared either.
    const { rejectionReasonShared: _, ...older } = kept;
    expect(applicantView(older, { ...p, showRejectionReason: true })).not.toHaveProperty(
      'rejectionReason',
    );
  });
});
