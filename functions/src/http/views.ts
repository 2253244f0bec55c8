import { z } from 'zod';
import type { ApplicationOutcome } from '../domain/application/application';
import { AUDIT_ACTIONS } from '../domain/audit/audit';
import type { EvaluationSummary } from '../domain/evaluation/evaluation';
import { MOMENTS } from '../domain/notifications/moments';
import {
  ActivitySchema,
  AgendaItemSchema,
  EvaluationSchema,
  FeedbackSchema,
  GoalSchema,
  NoteSchema,
  SpaceEntrySchema,
} from '../domain/pair-space/entry-schemas';
import { PROGRAMME_KINDS } from '../domain/programme/kinds';
import type { Programme } from '../domain/programme/programme';
import { type PairProgress, type ProgrammeProgress, RISK_CODES } from '../domain/progress/progress';
import {
  ApplicationFormSchema,
  EligibilitySchema,
  ProgrammeKindSchema,
  ProgrammeStatusSchema,
} from './contracts';

/**
 * What the API answers, declared once in zod; the view types the tab reads are inferred from
 * these schemas (`z.infer`). Apart from contracts.ts (the inputs) so that the tab, which imports
 * these only as types, never bundles them. `functions/src/http/endpoints.ts` names the schema of
 * each route's answer.
 */

const text = z.string();
const instant = z.string();
const etag = z.string();
const person = z.object({ id: z.string(), name: z.string() });
const BOOKING_STATUSES = ['queued', 'booked', 'refused', 'failed', 'ended'] as const;

/** A programme as the API returns it: its settings, status and the ETag to quote on edits. */
export const ProgrammeViewSchema = z.object({
  id: z.string(),
  name: text,
  kind: ProgrammeKindSchema,
  status: ProgrammeStatusSchema,
  objectives: text,
  description: z.object({ es: text, en: text }),
  eligibility: EligibilitySchema,
  pilotGroup: z.array(z.string()),
  callOpensOn: text.nullable(),
  callClosesOn: text.nullable(),
  earliestStartOn: text.nullable(),
  pilotedAt: instant.nullable(),
  promotedTo: z.string().nullable(),
  promotedFrom: z.string().nullable(),
  clonedFrom: z.string().nullable(),
  archivedAt: instant.nullable(),
  plannedSessions: z.number(),
  durationMonths: z.number(),
  sessionMinutes: z.number(),
  hierarchyRule: z.enum(['chain', 'directManager']),
  mentorCapacity: z.number(),
  /** Survey results show from this many respondents (PRODUCT rule 8). */
  minRespondents: z.number(),
  /** A rejected applicant reads HR's reason only when this is on. */
  showRejectionReason: z.boolean(),
  /** Mentees left out once the programme runs are on a waiting list HR may still pair from. */
  keepsWaitingList: z.boolean(),
  /** A mentee may be proposed again with a mentor of an earlier programme only when this is on. */
  allowRepeatPairs: z.boolean(),
  questions: z.array(text),
  owners: z.array(z.string()),
  /** HR's switches: every moment, `false` for the ones never sent (docs/notifications.md). */
  notifications: z.object(
    Object.fromEntries(MOMENTS.map((m) => [m, z.boolean()])) as {
      [M in (typeof MOMENTS)[number]]: z.ZodBoolean;
    },
  ),
  /** The language the programme was created in (notices fall back to it). */
  language: z.enum(['es', 'en']),
  createdAt: instant,
  updatedAt: instant,
  etag,
});
export type ProgrammeView = z.infer<typeof ProgrammeViewSchema>;
// The view is the stored programme, every setting filled in, with its ETag: kept in step here.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : { onlyInFirst: Exclude<keyof A, keyof B>; onlyInSecond: Exclude<keyof B, keyof A> };
const programmeViewHasEveryField: SameKeys<ProgrammeView, Required<Programme> & { etag: string }> =
  true;
void programmeViewHasEveryField;

/** A programme's topic vocabulary; HR also reads the applicants' words that name no topic yet. */
export const TopicsViewSchema = z.object({
  programmeId: z.string(),
  topics: z.array(
    z.object({
      id: z.string(),
      label: z.object({ es: z.string(), en: z.string() }),
      synonyms: z.array(z.string()),
    }),
  ),
  updatedAt: instant,
  etag,
  /** HR only: words applicants wrote ("other") that no topic names, most frequent first. */
  unmapped: z.array(z.object({ words: z.string(), applications: z.number() })).optional(),
});
export type TopicsView = z.infer<typeof TopicsViewSchema>;

export const ListSchema = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item) });

/** One entry of a programme's audit trail (HR owners only). */
export const AuditEntryViewSchema = z.object({
  programmeId: z.string(),
  at: instant,
  by: person,
  action: z.enum(AUDIT_ACTIONS),
  details: z.record(z.string(), z.union([text, z.number(), z.boolean(), z.array(text)])),
});
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;

/** A person from the directory snapshot, as HR's people pickers show them. */
export const PersonChoiceSchema = z.object({
  id: z.string(),
  name: text,
  department: text.nullable(),
  jobTitle: text.nullable(),
});
export type PersonChoice = z.infer<typeof PersonChoiceSchema>;

// --- Applications ----------------------------------------------------------------------------

const OUTCOMES = [
  'underReview',
  'approved',
  'beingMatched',
  'paired',
  'waitingList',
  'notPaired',
  'notSelected',
] as const satisfies readonly ApplicationOutcome[];

/**
 * Where the applicant stands, beside their application on GET /applications/me (issue #14):
 * the outcome's code (the tab words it), and in a pair who with and the first session ahead.
 * A hidden rejection reason is not in the application at all (domain applicantView).
 */
export const ApplicationStandingViewSchema = z.object({
  outcome: z.enum(OUTCOMES).optional(),
  /**
   * In a pair (`paired`): each pair (a mentor may have more than one mentee), newest first, with
   * the next session still ahead once booked (`first` while none has been held yet).
   */
  pairs: z
    .array(
      z.object({
        id: z.string(),
        partner: person,
        nextSession: z.object({ start: instant, first: z.boolean() }).nullable(),
      }),
    )
    .optional(),
});
export type ApplicationStandingView = z.infer<typeof ApplicationStandingViewSchema>;

/** An application as its applicant and HR read it, with its standing and ETag. */
export const ApplicationViewSchema = z.object({
  ...ApplicationFormSchema.shape,
  programmeId: z.string(),
  personId: z.string(),
  personName: text,
  status: z.enum(['submitted', 'approved', 'rejected', 'withdrawn']),
  /** HR's reason for a rejection: only when the programme lets applicants read it. */
  rejectionReason: text.optional(),
  /** A mentee HR keeps on the waiting list: since when. */
  waitingListSince: instant.optional(),
  createdAt: instant,
  updatedAt: instant,
  etag,
  ...ApplicationStandingViewSchema.shape,
});
export type ApplicationView = z.infer<typeof ApplicationViewSchema>;

/**
 * An application as HR reviews it (PRODUCT rule 2): the whole application, HR's decision (who,
 * when, the note), and what the directory snapshot says of the applicant — department, job title
 * (the level, as Entra holds it) and manager; null when the snapshot does not know them.
 */
export const ReviewApplicationViewSchema = ApplicationViewSchema.extend({
  rejectionReasonShared: z.boolean().optional(),
  decision: z.object({ by: person, at: instant, note: text.optional() }).optional(),
  waitingListSince: instant.optional(),
  directory: z
    .object({
      department: text.nullable(),
      jobTitle: text.nullable(),
      manager: person.nullable(),
    })
    .nullable(),
});
export type ReviewApplicationView = z.infer<typeof ReviewApplicationViewSchema>;

/** A bulk decision's answer: the applications decided, and each one left as it was with why. */
export const DecisionsViewSchema = z.object({
  decided: z.array(ReviewApplicationViewSchema),
  undecided: z.array(z.object({ personId: z.string(), code: z.string() })),
});
export type DecisionsView = z.infer<typeof DecisionsViewSchema>;

/** How fresh the directory snapshot is (HR's org sync panel). */
export const DirectoryStatusSchema = z.object({
  people: z.number(),
  /** When the last org sync round completed (ISO 8601), null before the first. */
  syncedAt: instant.nullable(),
  lastRound: z
    .object({
      full: z.boolean(),
      pages: z.number(),
      changes: z.number(),
      removed: z.number(),
      people: z.number(),
    })
    .optional(),
});
export type DirectoryStatus = z.infer<typeof DirectoryStatusSchema>;

// --- Matching and pairs ------------------------------------------------------------------------

/** A reason with a stable code the tab translates, English text, and the values it names. */
export const ReasonViewSchema = z.object({
  code: z.string(),
  text,
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ReasonView = z.infer<typeof ReasonViewSchema>;

export const ProposalViewSchema = z.object({
  id: z.string(),
  mentee: z.string(),
  menteeName: text,
  mentor: z.string(),
  mentorName: text,
  /** The matcher's score in points (what the CLI's format carries). */
  score: z.number(),
  /** The same score out of 100, as HR reads it. */
  scoreOutOf100: z.number(),
  reasons: z.array(ReasonViewSchema),
  locked: z.boolean(),
  status: z.enum(['proposed', 'confirmed']),
  pairId: z.string().optional(),
});
export type ProposalView = z.infer<typeof ProposalViewSchema>;

const pairRef = { mentee: z.string(), mentor: z.string() };

/** HR's matching screen: proposals with reasons, who is left out and why, HR's rejections. */
export const MatchingViewSchema = z.object({
  programmeId: z.string(),
  run: z.number(),
  ranAt: instant,
  ranBy: z.string(),
  objective: z.enum(['maxParticipation', 'maxScore']),
  /** The most each score component adds, out of 100: how the score is explained to HR. */
  scoreShares: z.record(z.string(), z.number()),
  proposals: z.array(ProposalViewSchema),
  unmatched: z.array(
    z.object({
      personId: z.string(),
      name: text,
      role: z.enum(['mentee', 'mentor']),
      reason: ReasonViewSchema,
    }),
  ),
  refusedLocks: z.array(z.object({ ...pairRef, reason: ReasonViewSchema })),
  excluded: z.array(z.object({ ...pairRef, reason: text, at: instant })),
  /** Mentors whose capacity HR set on the board, by person id. */
  capacities: z.record(z.string(), z.number()).optional(),
  updatedAt: instant,
  etag,
});
export type MatchingView = z.infer<typeof MatchingViewSchema>;

export const PairStatusViewSchema = z.enum(['confirmed', 'booking', 'booked', 'bookingFailed']);
export type PairStatusView = z.infer<typeof PairStatusViewSchema>;

/** A pair in full (its members and HR). */
export const PairViewSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: text,
  mentor: person,
  mentee: person,
  status: PairStatusViewSchema,
  score: z.number(),
  reasons: z.array(ReasonViewSchema),
  createdAt: instant,
  updatedAt: instant,
  etag,
});
export type PairView = z.infer<typeof PairViewSchema>;

/** The answer to a confirmation: the pairs made, and each proposal refused with its reason. */
export const ConfirmationViewSchema = z.object({
  confirmed: z.array(PairViewSchema),
  refused: z.array(
    z.object({ proposalId: z.string(), code: z.string(), reason: ReasonViewSchema }),
  ),
  programmeStatus: ProgrammeStatusSchema,
});
export type ConfirmationView = z.infer<typeof ConfirmationViewSchema>;

/** One of my pairs: my role, the other person, the programme, the status. */
export const MyPairViewSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: text,
  role: z.enum(['mentor', 'mentee']),
  other: person,
  status: PairStatusViewSchema,
  createdAt: instant,
});
export type MyPairView = z.infer<typeof MyPairViewSchema>;

/** One of my pairs on my home page: with the next session and both answers to the invitation. */
export const MyPairSummarySchema = MyPairViewSchema.extend({
  nextSession: instant.nullable(),
  answers: z.object({ mine: z.string(), theirs: z.string() }).nullable(),
  joinUrl: z.string().nullable(),
});
export type MyPairSummary = z.infer<typeof MyPairSummarySchema>;

/** A code with the details it names (a refusal, a flag). */
const coded = z.looseObject({ code: z.string() });

/** A pair's booking as HR follows it (PRODUCT rules 5 and 8): statuses and answers, no notes. */
export const BookingViewSchema = z.object({
  pairId: z.string(),
  mentor: person,
  mentee: person,
  status: z.enum(['queued', 'booked', 'refused', 'failed', 'ended']),
  /** Why a rule refused it (`reportingLine` with the line, `noSchedule`, `noTeamsMeetings`…). */
  refusal: coded.nullable(),
  joinUrl: z.string().nullable(),
  sessions: z.array(
    z.object({
      index: z.number(),
      start: instant,
      end: instant,
      status: z.string(),
      clashes: z.number(),
      /** Whose preferred days and parts of the day the session is outside (empty: both's). */
      outsidePreferences: z.array(z.enum(['mentee', 'mentor'])),
    }),
  ),
  responses: z.object({ mentor: z.string(), mentee: z.string(), checkedAt: instant.nullable() }),
  /** `declined`, `unanswered`, `sessionMoved`, `sessionCancelled`, `seriesCancelled`. */
  flags: z.array(coded),
  attempts: z.number(),
  lastError: z.string().nullable(),
  updatedAt: instant,
});
export type BookingView = z.infer<typeof BookingViewSchema>;

/** Free slots near a session, for both members. */
export const SlotsSchema = ListSchema(z.object({ start: instant, end: instant }));

// --- The pair's space (PRODUCT rules 6–8) -------------------------------------------------------

/**
 * An entry of the space as the API returns it: the domain's entry, as stored, and the ETag for
 * the next edit — the entry's schema is the domain's (domain/pair-space/entry-schemas.ts), so
 * the view extends it, not restates it.
 */
const tag = { etag };
export const AgendaItemViewSchema = AgendaItemSchema.extend(tag);
export const NoteViewSchema = NoteSchema.extend(tag);
export const GoalViewSchema = GoalSchema.extend(tag);
export const ActivityViewSchema = ActivitySchema.extend(tag);
export const FeedbackViewSchema = FeedbackSchema.extend(tag);
export const EvaluationViewSchema = EvaluationSchema.extend(tag);
export type AgendaItemView = z.infer<typeof AgendaItemViewSchema>;
export type NoteView = z.infer<typeof NoteViewSchema>;
export type GoalView = z.infer<typeof GoalViewSchema>;
export type ActivityView = z.infer<typeof ActivityViewSchema>;
export type FeedbackView = z.infer<typeof FeedbackViewSchema>;
export type EvaluationView = z.infer<typeof EvaluationViewSchema>;

/** GET /api/pairs/{id}/space: what the pair page and the Outlook pane show a member. */
export const PairSpaceViewSchema = z.object({
  pair: MyPairViewSchema.extend({ programmeKind: z.enum(PROGRAMME_KINDS) }),
  /** HR ended the pair or closed its programme: no sessions ahead, none to move. */
  ended: z.boolean(),
  joinUrl: z.string().nullable(),
  sessions: z.array(
    z.object({
      index: z.number(),
      start: instant,
      end: instant,
      status: z.enum(['planned', 'moved', 'cancelled']),
      held: z.boolean(),
      myFeedback: FeedbackViewSchema.nullable(),
      otherGaveFeedback: z.boolean(),
    }),
  ),
  agenda: z.array(AgendaItemViewSchema),
  sharedNotes: z.array(NoteViewSchema),
  /** The caller's own private notes; nobody else's ever. */
  privateNotes: z.array(NoteViewSchema),
  goals: z.array(GoalViewSchema),
  /** Executive programmes only; null otherwise. */
  activities: z.array(ActivityViewSchema).nullable(),
  /** The end-of-programme evaluation: open once the programme is over for the pair. */
  evaluation: z.object({ open: z.boolean(), mine: EvaluationViewSchema.nullable() }),
});
export type PairSpaceView = z.infer<typeof PairSpaceViewSchema>;

// --- Progress (PRODUCT rule 8) ------------------------------------------------------------------

/**
 * GET /api/programmes/{id}/progress: figures and statuses, never note contents. `pairs.list`
 * (each pair's figures and risks) is HR's only; advisors read the programme level. The domain's
 * figures are the shape (domain/progress), so the view is derived from them.
 */
const counts = z.record(z.string(), z.number());
const sessionCounts = z.object({
  planned: z.number(),
  held: z.number(),
  cancelled: z.number(),
  moved: z.number(),
});
const RESPONSES = ['none', 'accepted', 'tentativelyAccepted', 'declined'] as const;
const risk = z.enum(RISK_CODES as [PairProgress['risks'][number], ...PairProgress['risks']]);
const PairProgressSchema = z.object({
  pairId: z.string(),
  mentor: person,
  mentee: person,
  pairStatus: PairStatusViewSchema,
  bookingStatus: z.enum([...BOOKING_STATUSES, 'notQueued']),
  sessions: sessionCounts,
  nextSession: instant.nullable(),
  answers: z.object({ mentor: z.enum(RESPONSES), mentee: z.enum(RESPONSES) }),
  goals: z.object({
    total: z.number(),
    progressed: z.number(),
    achieved: z.number(),
    averageProgress: z.number().nullable(),
  }),
  feedback: z.object({
    given: z.number(),
    expected: z.number(),
    averageRating: z.number().nullable(),
  }),
  risks: z.array(risk),
}) satisfies z.ZodType<PairProgress>;

export const ProgressViewSchema = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  status: z.string(),
  at: instant,
  pairs: z.object({
    total: z.number(),
    byStatus: counts,
    list: z.array(PairProgressSchema).optional(),
  }),
  sessions: sessionCounts,
  invitations: z.object(
    Object.fromEntries(RESPONSES.map((r) => [r, z.number()])) as {
      [R in (typeof RESPONSES)[number]]: z.ZodNumber;
    },
  ),
  goals: z.object({
    total: z.number(),
    progressed: z.number(),
    achieved: z.number(),
    averageProgress: z.number().nullable(),
    pairsWithGoals: z.number(),
  }),
  feedback: z.object({
    given: z.number(),
    expected: z.number(),
    averageRating: z.number().nullable(),
    usefulShare: z.number().nullable(),
  }),
  atRisk: z.object({
    pairs: z.number(),
    byReason: z.object(
      Object.fromEntries(RISK_CODES.map((r) => [r, z.number()])) as {
        [R in PairProgress['risks'][number]]: z.ZodNumber;
      },
    ),
  }),
}) satisfies z.ZodType<Omit<ProgrammeProgress, 'pairs'>>;
export type ProgressView = z.infer<typeof ProgressViewSchema>;

/**
 * GET /api/programmes/{id}/evaluation: the end-of-programme evaluation in aggregate; HR also reads
 * the suggestions written for the programme team, without names.
 */
const byRole = z.object({
  responses: z.number(),
  satisfaction: z.number().nullable(),
  goalsReached: z.number().nullable(),
});
export const EvaluationResultsViewSchema = z.object({
  programmeId: z.string(),
  responses: z.number(),
  minimumRespondents: z.number(),
  withheld: z.boolean(),
  expected: z.number(),
  byRole: z.object({ mentor: byRole, mentee: byRole }),
  satisfaction: z.object({
    '1': z.number(),
    '2': z.number(),
    '3': z.number(),
    '4': z.number(),
    '5': z.number(),
  }),
  netPromoterScore: z.number().nullable(),
  suggestions: z.array(z.string()).optional(),
}) satisfies z.ZodType<EvaluationSummary>;
export type EvaluationResultsView = z.infer<typeof EvaluationResultsViewSchema>;

// --- Personal data (the rights of access and erasure) --------------------------------------------

/**
 * GET /api/me/data: everything a person gave Tandem, as one JSON download
 * (domain/personal-data exportDocument). Applications as their applicant reads them, without the
 * ETags an edit would quote; what the person wrote in each pair's space, as stored.
 */
export const PersonalDataExportSchema = z.object({
  about: text,
  exportedAt: instant,
  person: z.object({ id: z.string(), name: z.string(), username: z.string() }),
  applications: z.array(ApplicationViewSchema.omit({ etag: true })),
  pairs: z.array(
    z.object({
      pairId: z.string(),
      programme: z.object({
        id: z.string(),
        name: text,
        kind: z.enum(PROGRAMME_KINDS),
        status: ProgrammeStatusSchema,
      }),
      role: z.enum(['mentor', 'mentee']),
      with: person,
      status: PairStatusViewSchema,
      booking: z.enum(BOOKING_STATUSES).nullable(),
      confirmedAt: instant,
      written: z.array(SpaceEntrySchema),
    }),
  ),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;

/** DELETE /api/me/data: how much was erased. */
export const ErasureViewSchema = z.object({
  erased: z.object({ applications: z.number(), entries: z.number() }),
});
