import { applicantSettings, type Programme } from '../programme/programme';

/**
 * Applications (PRODUCT rules 2 and 3): participation is voluntary — people apply through the
 * form, with their reasons, what they want to learn or can contribute, languages, availability and
 * consent; HR approves mentors (experience and the will to help others grow) or rejects with a
 * reason. Mentees take part unless rejected.
 */

export type ApplicationRole = 'mentee' | 'mentor';
export type ApplicationStatus = 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export type PartOfDay = 'morning' | 'afternoon';

export interface ApplicationForm {
  role: ApplicationRole;
  why: string;
  /** Mentee: topics they want to learn. */
  wants: string[];
  /** Mentor: knowledge areas they can contribute. */
  offers: string[];
  /** BCP-47 primary tags. */
  languages: string[];
  availability: { days: string[]; partsOfDay: PartOfDay[]; notes: string };
  answers: string[];
  consent: true;
}

export interface Application extends ApplicationForm {
  programmeId: string;
  personId: string;
  /** The applicant's name as signed in, so HR reads names, not ids. */
  personName: string;
  status: ApplicationStatus;
  rejectionReason?: string;
  /**
   * Whether the programme let applicants read HR's reason when HR rejected (its
   * `showRejectionReason` then): what the reject dialog told HR stays true. Absent before it
   * existed: not shared.
   */
  rejectionReasonShared?: boolean;
  /**
   * HR's last decision on it (approval or rejection): who, when, and the note HR added (a
   * rejection's note is its reason). Absent before HR decided, and again once the applicant edits
   * the form (it is reviewed anew); rows stored before it existed have none.
   */
  decision?: ApplicationDecision;
  /**
   * A mentee left out of the matching whom HR keeps on the programme's waiting list (for the next
   * cohort, or a mentor who frees up): since when.
   */
  waitingListSince?: string;
  createdAt: string;
  updatedAt: string;
}

/** Who decides on an application: a person of HR, by id and name as signed in. */
export interface Decider {
  id: string;
  name: string;
}

export interface ApplicationDecision {
  by: Decider;
  at: string;
  note?: string;
}

const decision = (by: Decider | undefined, now: Date, note?: string) =>
  by ? { decision: { by, at: now.toISOString(), ...(note ? { note } : {}) } } : {};

export type ApplicationRefusal =
  | { code: 'notAcceptingApplications'; status: Programme['status'] }
  | { code: 'notEligible' }
  | { code: 'notEditable'; status: ApplicationStatus }
  | { code: 'onlyMentorsNeedApproval' }
  | { code: 'invalidDecision'; status: ApplicationStatus };

type Result = { ok: true; application: Application } | { ok: false; reason: ApplicationRefusal };

/** Applications are taken during a pilot (for its people) and an open call. */
export function acceptsApplications(programme: Pick<Programme, 'status'>): boolean {
  return programme.status === 'pilot' || programme.status === 'open';
}

export function submitApplication(
  programme: Programme,
  person: { id: string; name: string },
  eligible: boolean,
  form: ApplicationForm,
  now: Date,
): Result {
  if (!acceptsApplications(programme)) {
    return { ok: false, reason: { code: 'notAcceptingApplications', status: programme.status } };
  }
  if (!eligible) return { ok: false, reason: { code: 'notEligible' } };
  const at = now.toISOString();
  return {
    ok: true,
    application: {
      ...form,
      programmeId: programme.id,
      personId: person.id,
      personName: person.name,
      status: 'submitted',
      createdAt: at,
      updatedAt: at,
    },
  };
}

/** Applicants edit their own form while the call is open; a changed mentor form is reviewed again. */
export function editApplication(
  programme: Programme,
  application: Application,
  form: ApplicationForm,
  now: Date,
): Result {
  if (!acceptsApplications(programme)) {
    return { ok: false, reason: { code: 'notAcceptingApplications', status: programme.status } };
  }
  if (application.status === 'rejected' || application.status === 'withdrawn') {
    return { ok: false, reason: { code: 'notEditable', status: application.status } };
  }
  const { decision: _reviewedAnew, ...rest } = application;
  return {
    ok: true,
    application: { ...rest, ...form, status: 'submitted', updatedAt: now.toISOString() },
  };
}

export function withdrawApplication(application: Application, now: Date): Result {
  if (application.status === 'withdrawn') {
    return { ok: false, reason: { code: 'notEditable', status: application.status } };
  }
  return {
    ok: true,
    application: { ...application, status: 'withdrawn', updatedAt: now.toISOString() },
  };
}

/**
 * HR approves a mentor (PRODUCT rule 2: rigorous mentor selection); `by` and `note` are recorded
 * as the decision.
 */
export function approveMentor(
  application: Application,
  now: Date,
  by?: Decider,
  note?: string,
): Result {
  if (application.role !== 'mentor')
    return { ok: false, reason: { code: 'onlyMentorsNeedApproval' } };
  if (application.status !== 'submitted') {
    return { ok: false, reason: { code: 'invalidDecision', status: application.status } };
  }
  return {
    ok: true,
    application: {
      ...application,
      status: 'approved',
      ...decision(by, now, note),
      updatedAt: now.toISOString(),
    },
  };
}

/**
 * HR rejects with a reason. `programme` decides, now, whether the applicant may read it (the
 * reject dialog says which): a reason written as HR's own never reaches the applicant later.
 */
export function rejectApplication(
  application: Application,
  reason: string,
  programme: Pick<Programme, 'showRejectionReason'>,
  now: Date,
  by?: Decider,
): Result {
  if (application.status !== 'submitted' && application.status !== 'approved') {
    return { ok: false, reason: { code: 'invalidDecision', status: application.status } };
  }
  return {
    ok: true,
    application: {
      ...application,
      status: 'rejected',
      rejectionReason: reason,
      rejectionReasonShared: applicantSettings(programme).showRejectionReason,
      ...decision(by, now, reason),
      updatedAt: now.toISOString(),
    },
  };
}

/**
 * HR keeps a mentee the matching left out on the programme's waiting list (PRODUCT rule 4): for
 * the next cohort, or a mentor who frees up. Only when the programme keeps one; only a mentee
 * still taking part whom no proposal or pair holds (`leftOut`, as the matching says).
 */
export function putOnWaitingList(
  application: Application,
  programme: Pick<Programme, 'keepsWaitingList'>,
  leftOut: boolean,
  now: Date,
):
  | { ok: true; application: Application }
  | { ok: false; reason: { code: 'noWaitingList' | 'notLeftOut' } } {
  if (!applicantSettings(programme).keepsWaitingList) {
    return { ok: false, reason: { code: 'noWaitingList' } };
  }
  if (application.role !== 'mentee' || !isReadyForMatching(application) || !leftOut) {
    return { ok: false, reason: { code: 'notLeftOut' } };
  }
  const at = now.toISOString();
  return { ok: true, application: { ...application, waitingListSince: at, updatedAt: at } };
}

/** Who the matcher may pair: mentees not rejected or withdrawn, mentors HR approved. */
export function isReadyForMatching(application: Application): boolean {
  return application.role === 'mentee'
    ? application.status === 'submitted'
    : application.status === 'approved';
}

/**
 * Where an applicant stands (issue #14, PRODUCT rule 10: nobody is left guessing), as home and the
 * application view say it:
 * - `underReview`: submitted while the call or pilot is open; a mentor awaiting HR's approval
 *   (rule 2) stays under review until HR decides, whatever the stage;
 * - `approved`: a mentor HR approved, the call still open;
 * - `beingMatched`: the programme is in matching and the application takes part in it;
 * - `paired`: in a confirmed pair (who with and the first session come beside it);
 * - `waitingList`: a mentee left out once the programme runs, when it keeps a waiting list
 *   (rule 4: HR may still pair them) — or whom HR put on it during matching;
 * - `notPaired`: left out, no waiting list (or the programme is closed): not matched this time;
 * - `notSelected`: rejected by HR; the reason only when the programme shows it (applicantView).
 * Withdrawn applications have none: their status says it all.
 */
export type ApplicationOutcome =
  | 'underReview'
  | 'approved'
  | 'beingMatched'
  | 'paired'
  | 'waitingList'
  | 'notPaired'
  | 'notSelected';

export function applicationOutcome(
  application: Pick<Application, 'status' | 'role' | 'waitingListSince'>,
  programme: Pick<Programme, 'status' | 'keepsWaitingList'>,
  paired: boolean,
): ApplicationOutcome | undefined {
  if (application.status === 'withdrawn') return undefined;
  if (application.status === 'rejected') return 'notSelected';
  if (paired) return 'paired';
  const awaitingApproval = application.role === 'mentor' && application.status === 'submitted';
  switch (programme.status) {
    case 'draft':
      return undefined;
    case 'pilot':
    case 'open':
      return application.status === 'approved' ? 'approved' : 'underReview';
    case 'matching':
      if (awaitingApproval) return 'underReview';
      return application.waitingListSince ? 'waitingList' : 'beingMatched';
    case 'running':
      return application.role === 'mentee' && applicantSettings(programme).keepsWaitingList
        ? 'waitingList'
        : 'notPaired';
    case 'closed':
      return 'notPaired';
  }
}

/**
 * An application as its applicant reads it: HR's reason for a rejection only when the programme
 * showed reasons when HR rejected, and still does (`showRejectionReason`, off unless HR turns it
 * on). Every answer to the applicant goes through here, so a hidden reason never leaves the API.
 */
export function applicantView<A extends Application>(
  application: A,
  programme: Pick<Programme, 'showRejectionReason'>,
): A {
  // HR's decision record (who, when, the note) is HR's: its note may be a hidden reason.
  const { decision: _hrs, ...own } = application;
  if (own.rejectionReason === undefined) return own as A;
  const shown =
    own.rejectionReasonShared === true && applicantSettings(programme).showRejectionReason;
  if (shown) return own as A;
  const { rejectionReason: _hidden, ...rest } = own;
  return rest as A;
}
