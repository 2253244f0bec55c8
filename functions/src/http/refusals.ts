import type { ApplicationAppRefusal } from '../app/applications/refusals';
import type { MatchingAppRefusal } from '../app/matching/refusals';
import type { ApplicationStatus } from '../domain/application/application';
import type { SessionProblem } from '../domain/booking/session-refusal';
import type { EvaluationRefusal } from '../domain/evaluation/evaluation';
import type { Refusal as PairSpaceRefusal } from '../domain/pair-space/pair-space';
import type { ErasureBlocker } from '../domain/personal-data/personal-data';
import type { LifecycleRefusal } from '../domain/programme/lifecycle';
import type { ProgrammeRefusal } from '../domain/programme/programme';
import type { TopicsRefusal } from '../domain/topics/programme-topics';
import { type Problem, problem } from './problems';

/**
 * Every refusal the API answers with: the domain's and the use cases' refusal values, each with a
 * stable `code`. A new refusal type goes into this union; its code then needs an entry in
 * `REFUSALS` below (type-checking fails without one) and a sentence in the tab's
 * `errors.codes.*` (tab/src/components/error-text.test.ts fails without one).
 */
export type ApiRefusal =
  | ApplicationAppRefusal
  | ProgrammeRefusal
  | LifecycleRefusal
  | MatchingAppRefusal
  | TopicsRefusal
  | PairSpaceRefusal
  | EvaluationRefusal
  | SessionProblem
  | { code: 'erasureBlocked'; blockers: ErasureBlocker[] }
  | { code: 'directoryUnavailable' }
  /** Graph is throttling the organiser mailbox: try again after the wait. */
  | { code: 'graphBusy'; retryAfterSeconds: number };

export type RefusalCode = ApiRefusal['code'];

interface Entry<R> {
  status: number;
  /** The problem's English `detail` (the tab shows its own sentence for the code). */
  detail: string | ((reason: R) => string);
  /**
   * The problem's fields beside `code`, when not the reason's own (which are the default, less
   * any that would shadow a problem member such as `status`).
   */
  fields?: (reason: R) => { code: string } & Record<string, unknown>;
}

type Registry = { [C in RefusalCode]: Entry<Extract<ApiRefusal, { code: C }>> };

const APPLICATION_STATUSES: readonly string[] = [
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
] satisfies ApplicationStatus[];

/** A session refusal says only its code (the tab words it; nothing else is the pair's to read). */
const codeOnly = (reason: { code: string }) => ({ code: reason.code });
const session = (status: number): Entry<{ code: string }> => ({
  status,
  detail: (r) => `Not possible for this pair's sessions (${r.code}).`,
  fields: codeOnly,
});

/** The one table from refusal code to HTTP status and English words, applied by the dispatcher. */
export const REFUSALS: Registry = {
  // Applications (domain/application).
  notAcceptingApplications: {
    status: 409,
    detail: 'This programme is not taking applications now.',
  },
  notEligible: { status: 403, detail: 'This programme is not open to you.' },
  notEditable: {
    status: 409,
    detail: (r) =>
      APPLICATION_STATUSES.includes(r.status)
        ? 'This application can no longer be changed.'
        : 'A running or closed programme can no longer be edited.',
  },
  onlyMentorsNeedApproval: {
    status: 409,
    detail: 'Only mentors are approved; mentees take part unless rejected.',
  },
  invalidDecision: { status: 409, detail: 'This application has already been decided.' },
  alreadyApplied: {
    status: 409,
    detail: 'You have already applied to this programme: edit your application.',
  },
  noApplication: { status: 404, detail: 'No such application.' },
  notLeftOut: {
    status: 409,
    detail: 'Only a mentee the matching left out goes on the waiting list.',
  },
  noWaitingList: {
    status: 409,
    detail: 'This programme keeps no waiting list: turn it on in the applicants’ settings first.',
  },
  // Programmes (domain/programme).
  invalidTransition: {
    status: 409,
    detail: (r) => `A ${r.from} programme cannot become ${r.to}.`,
    fields: codeOnly,
  },
  noPilotGroup: {
    status: 409,
    detail: 'A pilot is for a named group: choose the pilot group first.',
  },
  // 409: the dates conflict with each other, often with one already stored (an edit of one).
  datesOutOfOrder: {
    status: 409,
    detail: (r) =>
      r.field === 'callClosesOn'
        ? 'The call closes before it opens.'
        : 'The series would start before the call closes.',
    fields: (r) => ({
      code: r.code,
      field: r.field,
      errors: [{ path: `body.${r.field}`, message: 'Out of order' }],
    }),
  },
  notAPilot: { status: 409, detail: 'Only a programme that ran as a pilot can be promoted.' },
  alreadyPromoted: {
    status: 409,
    detail: 'This pilot has already been promoted to an organisation-wide call.',
  },
  notDraft: {
    status: 409,
    detail:
      'Only a draft can be deleted: employees may have seen this programme. Close it instead.',
  },
  notClosed: { status: 409, detail: 'Only a closed programme can be archived.' },
  // Matching (domain/matching-run, app/matching).
  notMatching: {
    status: 409,
    detail: (r) =>
      `Matching happens while the programme is in matching (it is ${r.programmeStatus}): move it to matching first, which closes the call for applications.`,
  },
  noMatching: { status: 404, detail: 'No matching has run for this programme yet.' },
  unknownProposal: { status: 404, detail: 'No such proposal in this matching.' },
  alreadyConfirmed: { status: 409, detail: 'This proposal is already a confirmed pair.' },
  sameProposal: { status: 409, detail: 'A swap needs two different proposals.' },
  sameMentor: {
    status: 409,
    detail: 'Both proposals have the same mentor: there is nothing to swap.',
  },
  excludedPair: { status: 409, detail: 'HR rejected one of the pairs this swap would make.' },
  notApplicant: {
    status: 409,
    detail: (r) =>
      r.role === 'mentee'
        ? 'That person is not a mentee taking part in this programme.'
        : 'That person is not a mentor HR approved in this programme.',
  },
  alreadyProposed: {
    status: 409,
    detail: 'That mentee already has a proposal or a pair: reject or swap it instead.',
  },
  noRoomLeft: {
    status: 409,
    detail: (r) => `The mentor already has ${r.capacity} mentees, their capacity: raise it first.`,
  },
  belowLoad: {
    status: 409,
    detail: (r) => `The mentor already has ${r.load} mentees: the capacity cannot be lower.`,
  },
  // The reporting line (or why it cannot be checked) is the code HR reads: PRODUCT rule 1.
  refusedPair: {
    status: 409,
    detail: (r) => `The swap would make a pair that is not allowed. ${r.reason.text}`,
    fields: (r) => ({ code: r.reason.code, reason: r.reason, mentee: r.mentee, mentor: r.mentor }),
  },
  nothingToConfirm: { status: 409, detail: 'Every proposal is already confirmed.' },
  // None of the named proposals became a pair: the first one's reason answers, with the rest.
  noneConfirmed: {
    status: 409,
    detail: (r) => r.refused[0].reason.text,
    fields: (r) => ({
      code: r.refused[0].code,
      confirmed: [],
      refused: r.refused,
      programmeStatus: r.programmeStatus,
    }),
  },
  directoryUnavailable: {
    status: 503,
    detail:
      'The organisation directory could not be read from Microsoft Graph, so reporting lines cannot be checked now; try again shortly.',
  },
  // The topic vocabulary (domain/topics).
  duplicateTopicId: { status: 409, detail: (r) => `Two topics have the id "${r.topicId}".` },
  badTopicId: { status: 409, detail: (r) => `"${r.topicId}" is not a topic id.` },
  missingLabel: {
    status: 409,
    detail: (r) =>
      `The topic "${r.topicId}" has no ${r.language === 'es' ? 'Spanish' : 'English'} name.`,
  },
  termInTwoTopics: {
    status: 409,
    detail: (r) => `"${r.term}" names two topics (${r.topicIds.join(', ')}).`,
    fields: (r) => ({ code: r.code, term: r.term, topicIds: r.topicIds.join(', ') }),
  },
  tooManyTopics: { status: 409, detail: (r) => `At most ${r.limit} topics.` },
  tooManySynonyms: {
    status: 409,
    detail: (r) => `The topic "${r.topicId}" has more than ${r.limit} other words.`,
  },
  termTooLong: {
    status: 409,
    detail: (r) => `A name of the topic "${r.topicId}" is longer than ${r.limit} characters.`,
  },
  topicInUse: {
    status: 409,
    detail: (r) =>
      `${r.applications} application(s) name the topic "${r.topicId}": map them to another topic first, or keep it.`,
  },
  // The pair's space (domain/pair-space) and its evaluation.
  notAuthor: { status: 403, detail: 'Only the person who wrote it can change it.' },
  onlyMentee: { status: 403, detail: 'Goals are the mentee’s: only the mentee can do this.' },
  onlyMentor: { status: 403, detail: 'Only the mentor comments on the mentee’s goals.' },
  notExecutive: {
    status: 409,
    detail: 'Activities (shadowing, negotiation practice, visits) belong to executive programmes.',
  },
  noSuchSession: { status: 404, detail: 'The pair has no such session.' },
  sessionNotHeld: { status: 409, detail: 'Feedback opens when the session starts.' },
  sessionCancelled: {
    status: 409,
    detail: 'The session was cancelled: there is nothing to rate.',
  },
  evaluationNotOpen: {
    status: 409,
    detail:
      'The evaluation opens when the programme is over for your pair: after your last session, or when HR closes it.',
  },
  // Moving a session (app/sessions): PRODUCT rule 5.
  notBooked: session(409),
  sessionPast: session(409),
  slotNotFree: session(409),
  occurrenceBoundary: session(409),
  invalidSession: session(409),
  noFreeSlotNearby: session(409),
  invalidPlan: session(409),
  windowTooShort: session(409),
  noCommonWorkingHours: session(409),
  unknownTimeZone: session(409),
  customTimeZoneUnsupported: session(409),
  invalidWorkingHours: session(409),
  invalidSchedule: session(409),
  // Personal data.
  erasureBlocked: {
    status: 409,
    detail:
      'Your data can be erased once you take part in nothing still running: withdraw your applications under review, and ask HR to end your current pairs.',
  },
  graphBusy: { status: 503, detail: 'Microsoft 365 is busy; try again in a minute.' },
};

/** Problem members a reason's own field must never shadow. */
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'errors']);

/** A refusal as problem+json: its status and words from the registry, its code and fields. */
export function refusalProblem(reason: ApiRefusal): Problem {
  const entry = REFUSALS[reason.code] as Entry<ApiRefusal>;
  const detail = typeof entry.detail === 'string' ? entry.detail : entry.detail(reason);
  const fields =
    entry.fields?.(reason) ??
    Object.fromEntries(Object.entries(reason).filter(([key]) => !RESERVED.has(key)));
  return problem(entry.status, detail, fields);
}

/** A refusal thrown out of a handler; the dispatcher answers it with `refusalProblem`. */
export class Refused extends Error {
  constructor(readonly reason: ApiRefusal) {
    super(`refused: ${reason.code}`);
  }
}

/** Stops the handler with the refusal. */
export function refuse(reason: ApiRefusal): never {
  throw new Refused(reason);
}

/** A use case's value, or its refusal thrown for the dispatcher to answer. */
export function settled<T>(result: { ok: true; value: T } | { ok: false; reason: ApiRefusal }): T {
  if (!result.ok) refuse(result.reason);
  return result.value;
}
