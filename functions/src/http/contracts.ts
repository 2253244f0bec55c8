import { z } from 'zod';
import { MOMENTS } from '../domain/notifications/moments';
import { PROGRAMME_KINDS } from '../domain/programme/kinds';
import { RESPONDENTS } from '../domain/programme/programme';
import { LIST_SEPARATOR_NAMES } from '../domain/progress/list-separator';
import { TOPIC_ID, VOCABULARY_LIMITS } from '../domain/topics/vocabulary';

/**
 * Request contracts shared by the functions and the tab. Every input is parsed by one of these
 * schemas before a handler runs; the tab imports the same types. The answers' schemas and view
 * types are in views.ts (re-exported here as types), each route's pair of them in endpoints.ts.
 */
export type {
  ActivityView,
  AgendaItemView,
  ApplicationStandingView,
  ApplicationView,
  AuditEntryView,
  BookingView,
  ConfirmationView,
  DecisionsView,
  DirectoryStatus,
  EvaluationResultsView,
  EvaluationView,
  FeedbackView,
  GoalView,
  MatchingView,
  MyPairSummary,
  MyPairView,
  NoteView,
  PairSpaceView,
  PairStatusView,
  PairView,
  PersonChoice,
  ProgrammeView,
  ProgressView,
  ProposalView,
  ReasonView,
  ReviewApplicationView,
  TopicsView,
} from './views';

export const MeSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  username: z.string(),
  roles: z.array(z.string()),
  isAdmin: z.boolean(),
  isAdvisor: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ProblemBody = z.infer<typeof ProblemSchema>;

/**
 * Body limit of the routes taking a programme's settings or an application form: their largest
 * valid bodies (2,000 named people; 10 answers of 2,000 characters, each escaped to 6 bytes in the
 * worst case) stay under it, and their stored JSON under the 480,000 characters one entity holds
 * (adapters/tables/json-table.ts; test/integration/storage-limits.test.ts proves both).
 */
export const LARGE_FORM_BYTES = 256 * 1024;

// --- Programmes ------------------------------------------------------------------------------

/**
 * A person is an Entra object id: a GUID (Microsoft Graph's `user.id`,
 * https://learn.microsoft.com/en-us/graph/api/resources/user). Checked here so that no id reaches
 * a Table Storage key with a `/`, `#` or `?` in it.
 */
export const PersonIdSchema = z.guid();
const personId = PersonIdSchema;
export const EligibilitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }).strict(),
  z
    .object({
      kind: z.literal('departments'),
      departments: z.array(z.string().min(1).max(100)).min(1).max(50),
    })
    .strict(),
  z.object({ kind: z.literal('people'), personIds: z.array(personId).min(1).max(2000) }).strict(),
]);

/** A calendar day, `YYYY-MM-DD` (ISO 8601). */
const day = z.iso.date({ error: 'A day as YYYY-MM-DD' });

/** What HR may set on a programme; every field optional on edit. */
export const ProgrammeSettingsSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    objectives: z.string().max(4000),
    /** What employees read, in Spanish and English (each reader sees their own). */
    description: z.object({ es: z.string().max(4000), en: z.string().max(4000) }).strict(),
    eligibility: EligibilitySchema,
    /** The pilot's named group (PRODUCT rule 9): while a pilot, only they see it and apply. */
    pilotGroup: z.array(personId).max(500),
    /** The call's days and the series' earliest start (`YYYY-MM-DD`); null clears one. */
    callOpensOn: day.nullable(),
    callClosesOn: day.nullable(),
    earliestStartOn: day.nullable(),
    plannedSessions: z.number().int().min(1).max(52),
    durationMonths: z.number().int().min(1).max(24),
    sessionMinutes: z.number().int().min(15).max(240),
    hierarchyRule: z.enum(['chain', 'directManager']),
    mentorCapacity: z.number().int().min(1).max(10),
    minRespondents: z.number().int().min(RESPONDENTS.lowest).max(RESPONDENTS.highest),
    questions: z.array(z.string().trim().min(1).max(500)).max(10),
    owners: z.array(personId).min(1).max(20),
    /** Whether a rejected applicant reads HR's reason (off unless HR turns it on). */
    showRejectionReason: z.boolean({ error: 'true or false' }),
    /** Whether mentees left out when the programme starts stay on a waiting list. */
    keepsWaitingList: z.boolean({ error: 'true or false' }),
    /** Whether a mentee may be proposed again with a mentor of an earlier programme (off). */
    allowRepeatPairs: z.boolean({ error: 'true or false' }),
  })
  .partial()
  .strict();

export const ProgrammeKindSchema = z.enum(PROGRAMME_KINDS);
export const ProgrammeStatusSchema = z.enum([
  'draft',
  'pilot',
  'open',
  'matching',
  'running',
  'closed',
]);

export const CreateProgrammeSchema = ProgrammeSettingsSchema.extend({
  kind: ProgrammeKindSchema,
  /** The language HR works in: the template's name and objectives come in it (default English). */
  language: z.enum(['es', 'en']).optional(),
}).strict();
export type CreateProgramme = z.infer<typeof CreateProgrammeSchema>;
export type EditProgramme = z.infer<typeof ProgrammeSettingsSchema>;

export const ChangeStatusSchema = z.object({ status: ProgrammeStatusSchema }).strict();

/** A programme cloned for the next cohort: its new name, or the same one. */
export const CloneProgrammeSchema = z
  .object({ name: z.string().trim().min(1).max(120).optional() })
  .strict();

/** HR's search of the directory snapshot for the people pickers: a name, department or title. */
export const PeopleQuery = z
  .object({
    q: z.string().trim().max(100).default(''),
    /** Or these people by id (comma-separated, at most 50): the pickers name who is chosen. */
    ids: z
      .string()
      .max(50 * 37)
      .transform((text) => text.split(',').filter(Boolean))
      .pipe(z.array(personId).max(50))
      .optional(),
  })
  .strict();
/**
 * HR's switches for a programme's Teams notices (docs/notifications.md): the moments to change,
 * each `true` (sent) or `false` (never sent); the others stay as they are.
 */
export const NotificationSwitchesSchema = z
  .object(
    Object.fromEntries(MOMENTS.map((m) => [m, z.boolean({ error: 'true or false' })])) as {
      [M in (typeof MOMENTS)[number]]: z.ZodBoolean;
    },
  )
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, { error: 'name at least one moment' });
export type NotificationSwitchChanges = z.infer<typeof NotificationSwitchesSchema>;

export const ProgrammeIdParams = z.object({ programmeId: z.string().uuid() }).strict();

// --- Applications ----------------------------------------------------------------------------

const topic = z.string().trim().min(1).max(80);
export const ApplicationFormSchema = z
  .object({
    role: z.enum(['mentee', 'mentor']),
    why: z.string().trim().min(1).max(2000),
    wants: z.array(topic).max(10).default([]),
    offers: z.array(topic).max(20).default([]),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'a BCP-47 primary language tag such as "es"'))
      .min(1)
      .max(10),
    availability: z
      .object({
        days: z
          .array(z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']))
          .max(5)
          .default([]),
        partsOfDay: z
          .array(z.enum(['morning', 'afternoon']))
          .max(2)
          .default([]),
        notes: z.string().max(500).default(''),
      })
      .strict()
      .default({ days: [], partsOfDay: [], notes: '' }),
    answers: z.array(z.string().max(2000)).max(10).default([]),
    consent: z.literal(true, { error: 'consent is required to take part' }),
  })
  .strict()
  // `when`: checked even while other fields are wrong, so one answer names every missing field.
  .refine((f) => f.role !== 'mentee' || f.wants.length > 0, {
    path: ['wants'],
    message: 'a mentee says what they want to learn',
    when: (payload) => topicsReadable(payload.value, 'wants'),
  })
  .refine((f) => f.role !== 'mentor' || f.offers.length > 0, {
    path: ['offers'],
    message: 'a mentor says what they can contribute',
    when: (payload) => topicsReadable(payload.value, 'offers'),
  });

/** Whether the role and a topic list parsed, so the refinement can read them. */
function topicsReadable(value: unknown, field: 'wants' | 'offers'): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const form = value as Record<string, unknown>;
  return (
    (form.role === 'mentee' || form.role === 'mentor') &&
    (form[field] === undefined || Array.isArray(form[field]))
  );
}
export type ApplicationFormInput = z.infer<typeof ApplicationFormSchema>;

export const RejectApplicationSchema = z
  .object({ reason: z.string().trim().min(1).max(1000) })
  .strict();

/** HR approves a mentor, with an optional note kept with the decision. */
export const ApproveMentorSchema = z
  .object({ note: z.string().trim().max(1000).optional() })
  .strict()
  .optional();

const decidedPeople = z.array(personId).min(1).max(500);
/** HR decides on many applications at once: approve (an optional note) or reject (a reason). */
export const DecideApplicationsSchema = z.discriminatedUnion('decision', [
  z
    .object({
      decision: z.literal('approve'),
      personIds: decidedPeople,
      note: z.string().trim().max(1000).optional(),
    })
    .strict(),
  z
    .object({
      decision: z.literal('reject'),
      personIds: decidedPeople,
      reason: z.string().trim().min(1).max(1000),
    })
    .strict(),
]);
export type DecideApplications = z.infer<typeof DecideApplicationsSchema>;

export const ApplicationParams = z.object({ programmeId: z.string().uuid(), personId }).strict();

// --- Matching and pairs ------------------------------------------------------------------------

/** Starting a run: the objective defaults to the most mentees matched (docs/matching.md). */
export const RunMatchingSchema = z
  .object({ objective: z.enum(['maxParticipation', 'maxScore']).optional() })
  .strict()
  .optional();

// --- Topic vocabulary (domain/topics) ------------------------------------------------------------

const term = z.string().trim().min(1).max(VOCABULARY_LIMITS.termLength);
/** One topic as HR writes it: a stable id, its Spanish and English names, other words for it. */
export const TopicSchema = z
  .object({
    id: z
      .string()
      .max(60)
      .regex(TOPIC_ID, 'lower-case letters, digits and hyphens, such as "design-thinking"'),
    label: z.object({ es: term, en: term }).strict(),
    synonyms: z.array(term).max(VOCABULARY_LIMITS.synonymsPerTopic).default([]),
  })
  .strict();
export const SaveTopicsSchema = z
  .object({ topics: z.array(TopicSchema).max(VOCABULARY_LIMITS.topics) })
  .strict();

/** The export of a run's input (`tandem match --in`): JSON to replay, CSV to read. */
export const MatchingInputQuery = z
  .object({ format: z.enum(['json', 'csv']).default('json') })
  .strict();

export const ProposalParams = z
  .object({ programmeId: z.string().uuid(), proposalId: z.string().uuid() })
  .strict();

export const LockProposalSchema = z.object({ locked: z.boolean() }).strict();

export const RejectProposalSchema = z
  .object({ reason: z.string().trim().max(1000).default('') })
  .strict()
  .optional();

export const SwapProposalsSchema = z
  .object({ proposalIds: z.tuple([z.string().uuid(), z.string().uuid()]) })
  .strict()
  .refine((s) => s.proposalIds[0] !== s.proposalIds[1], {
    path: ['proposalIds'],
    message: 'two different proposals',
  });

/** HR pairs a mentee left out with an approved mentor, by hand. */
export const PairByHandSchema = z.object({ mentee: personId, mentor: personId }).strict();

export const MentorParams = z.object({ programmeId: z.string().uuid(), personId }).strict();

/** One mentor's capacity, set from the board (the programme's own bounds). */
export const MentorCapacitySchema = z
  .object({ capacity: z.number().int().min(1).max(10) })
  .strict();

/** Confirm every pending proposal, or the ones listed. */
export const ConfirmProposalsSchema = z
  .object({
    proposals: z.union([z.literal('all'), z.array(z.string().uuid()).min(1).max(1000)]),
  })
  .strict();

export const PairIdParams = z.object({ pairId: z.string().uuid() }).strict();

export const SessionParams = z
  .object({ pairId: z.string().uuid(), index: z.coerce.number().int().min(0).max(99) })
  .strict();

/** Move one session to a proposed slot: its start, an ISO instant with an offset. */
export const MoveSessionSchema = z
  .object({ start: z.string().datetime({ offset: true }) })
  .strict();

/** HR ends a pair early: the remaining sessions are cancelled with this reason. */
export const EndPairSchema = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

// --- The pair's space (PRODUCT rules 6–8) -------------------------------------------------------

const spaceText = z.string().trim().min(1).max(4000);
const sessionIndex = z.number().int().min(0).max(99).nullable();

export const SpaceEntryParams = z
  .object({ pairId: z.string().uuid(), entryId: z.string().uuid() })
  .strict();

export const NewAgendaItemSchema = z
  .object({ text: spaceText.max(500), sessionIndex: sessionIndex.optional() })
  .strict();
export const EditAgendaItemSchema = z
  .object({ text: spaceText.max(500), sessionIndex, done: z.boolean() })
  .partial()
  .strict();

export const NewNoteSchema = z
  .object({
    text: spaceText,
    visibility: z.enum(['shared', 'private']),
    sessionIndex: sessionIndex.optional(),
  })
  .strict();
export const EditNoteSchema = z.object({ text: spaceText, sessionIndex }).partial().strict();

const goalFields = {
  horizon: z.enum(['short', 'long']),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000),
  progress: z.number().int().min(0).max(100),
  status: z.enum(['notStarted', 'inProgress', 'achieved', 'dropped']),
};
export const NewGoalSchema = z
  .object({ ...goalFields })
  .partial({ description: true, progress: true, status: true })
  .strict();
export const EditGoalSchema = z
  .object({ ...goalFields, mentorComment: z.string().trim().max(2000) })
  .partial()
  .strict();

const activityFields = {
  kind: z.enum(['shadowing', 'negotiationPractice', 'visit']),
  date: z.iso.date(),
  description: z.string().trim().min(1).max(1000),
  outcome: z.string().trim().max(2000),
};
export const NewActivitySchema = z
  .object({ ...activityFields })
  .partial({ outcome: true })
  .strict();
export const EditActivitySchema = z
  .object({ ...activityFields })
  .partial()
  .strict();

export const FeedbackSchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    useful: z.boolean(),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict();

export const EvaluationSchema = z
  .object({
    satisfaction: z.number().int().min(1).max(5),
    goalsReached: z.number().int().min(1).max(5),
    recommend: z.number().int().min(0).max(10),
    suggestion: z.string().trim().max(2000).optional(),
  })
  .strict();

// --- Progress (PRODUCT rule 8) ------------------------------------------------------------------

/** True for a time zone Intl knows by its IANA name ("Europe/Madrid", "UTC"). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * `?lang=es&tz=Europe/Madrid` on HR's CSV exports: the reader's language (headers, values, `;` or
 * `,`) and time zone (the times in it). The tab sends its language and the browser's zone;
 * without them a file is English, in UTC.
 */
export const ReportQuery = z
  .object({
    lang: z.enum(['es', 'en']).default('en'),
    tz: z
      .string()
      .max(64)
      .refine(isTimeZone, { message: 'Not a time zone: use an IANA name like Europe/Madrid' })
      .default('UTC'),
    /** The reader's own choice of Excel list separator; absent: their language's usual one. */
    sep: z.enum(LIST_SEPARATOR_NAMES).optional(),
  })
  .strict();
export type ReportQuery = z.infer<typeof ReportQuery>;
