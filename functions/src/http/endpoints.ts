import { z } from 'zod';
import { matchingInstanceSchema } from '../domain/matching/instance';
import {
  ApplicationFormSchema,
  ApplicationParams,
  ApproveMentorSchema,
  ChangeStatusSchema,
  CloneProgrammeSchema,
  ConfirmProposalsSchema,
  CreateProgrammeSchema,
  DecideApplicationsSchema,
  EditActivitySchema,
  EditAgendaItemSchema,
  EditGoalSchema,
  EditNoteSchema,
  EndPairSchema,
  EvaluationSchema,
  FeedbackSchema,
  LockProposalSchema,
  MatchingInputQuery,
  MentorCapacitySchema,
  MentorParams,
  MeSchema,
  MoveSessionSchema,
  NewActivitySchema,
  NewAgendaItemSchema,
  NewGoalSchema,
  NewNoteSchema,
  NotificationSwitchesSchema,
  PairByHandSchema,
  PairIdParams,
  PeopleQuery,
  ProgrammeIdParams,
  ProgrammeSettingsSchema,
  ProposalParams,
  RejectApplicationSchema,
  RejectProposalSchema,
  ReportQuery,
  RunMatchingSchema,
  SaveTopicsSchema,
  SessionParams,
  SpaceEntryParams,
  SwapProposalsSchema,
} from './contracts';
import {
  ENDPOINT_PATHS,
  type EndpointMethod,
  type EndpointName,
  type EndpointPath,
  endpointLine,
} from './endpoint-paths';
import type { AnyRoute } from './route';
import {
  ActivityViewSchema,
  AgendaItemViewSchema,
  ApplicationViewSchema,
  AuditEntryViewSchema,
  BookingViewSchema,
  ConfirmationViewSchema,
  DecisionsViewSchema,
  DirectoryStatusSchema,
  ErasureViewSchema,
  EvaluationResultsViewSchema,
  EvaluationViewSchema,
  FeedbackViewSchema,
  GoalViewSchema,
  ListSchema,
  MatchingViewSchema,
  MyPairSummarySchema,
  NoteViewSchema,
  PairSpaceViewSchema,
  PairViewSchema,
  PersonalDataExportSchema,
  PersonChoiceSchema,
  ProgrammeViewSchema,
  ProgressViewSchema,
  ReviewApplicationViewSchema,
  SlotsSchema,
  TopicsViewSchema,
} from './views';

/**
 * What each route takes (zod schemas of its path parameters, query and body) and answers (the
 * schema of its JSON body; `z.void()` for 204, `z.string()` for a file). The route table spreads
 * `endpoint(name)` into each definition's header, so a route's method, path and input are
 * declared here once; the tab's client is typed from this list (as types only: it bundles none of
 * these schemas). Paths and methods: endpoint-paths.ts.
 */
interface Contract {
  request?: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  response: z.ZodType;
}

const none = z.void();
const file = z.string();
const programme = { params: ProgrammeIdParams };
const pair = { params: PairIdParams };
const entry = { params: SpaceEntryParams };

export const ENDPOINTS = {
  ping: { response: none },
  health: { response: z.unknown() },
  me: { response: MeSchema },

  'list-programmes': { response: ListSchema(ProgrammeViewSchema) },
  'create-programme': { request: { body: CreateProgrammeSchema }, response: ProgrammeViewSchema },
  'get-programme': { request: programme, response: ProgrammeViewSchema },
  'edit-programme': {
    request: { ...programme, body: ProgrammeSettingsSchema },
    response: ProgrammeViewSchema,
  },
  'edit-notification-settings': {
    request: { ...programme, body: NotificationSwitchesSchema },
    response: ProgrammeViewSchema,
  },
  'change-programme-status': {
    request: { ...programme, body: ChangeStatusSchema },
    response: ProgrammeViewSchema,
  },
  'delete-programme': { request: programme, response: none },
  'promote-pilot': { request: programme, response: ProgrammeViewSchema },
  'clone-programme': {
    request: { ...programme, body: CloneProgrammeSchema },
    response: ProgrammeViewSchema,
  },
  'archive-programme': { request: programme, response: ProgrammeViewSchema },
  'programme-audit': { request: programme, response: ListSchema(AuditEntryViewSchema) },
  'programme-audit-report': { request: { ...programme, query: ReportQuery }, response: file },

  'list-my-applications': { response: ListSchema(ApplicationViewSchema) },
  'submit-application': {
    request: { ...programme, body: ApplicationFormSchema },
    response: ApplicationViewSchema,
  },
  'get-my-application': { request: programme, response: ApplicationViewSchema },
  'edit-my-application': {
    request: { ...programme, body: ApplicationFormSchema },
    response: ApplicationViewSchema,
  },
  'withdraw-my-application': { request: programme, response: ApplicationViewSchema },
  'list-applications': { request: programme, response: ListSchema(ReviewApplicationViewSchema) },
  'approve-mentor': {
    request: { params: ApplicationParams, body: ApproveMentorSchema },
    response: ReviewApplicationViewSchema,
  },
  'reject-application': {
    request: { params: ApplicationParams, body: RejectApplicationSchema },
    response: ReviewApplicationViewSchema,
  },
  'decide-applications': {
    request: { ...programme, body: DecideApplicationsSchema },
    response: DecisionsViewSchema,
  },
  'add-to-waiting-list': {
    request: { params: ApplicationParams },
    response: ReviewApplicationViewSchema,
  },

  'directory-status': { response: DirectoryStatusSchema },
  'sync-directory': { response: DirectoryStatusSchema },
  'search-people': { request: { query: PeopleQuery }, response: ListSchema(PersonChoiceSchema) },
  'list-bookings': { request: programme, response: ListSchema(BookingViewSchema) },

  'session-alternatives': { request: { params: SessionParams }, response: SlotsSchema },
  'move-session': {
    request: { params: SessionParams, body: MoveSessionSchema },
    response: z.object({
      index: z.number(),
      start: z.string(),
      end: z.string(),
      status: z.string(),
    }),
  },
  'end-pair': {
    request: { ...pair, body: EndPairSchema },
    response: z.object({ status: z.string(), cancelled: z.unknown() }),
  },

  'get-programme-topics': { request: programme, response: TopicsViewSchema },
  'save-programme-topics': {
    request: { ...programme, body: SaveTopicsSchema },
    response: TopicsViewSchema,
  },
  // `format=json`: the `tandem match` input itself (domain/matching/instance.ts); csv: a file.
  'export-matching-input': {
    request: { ...programme, query: MatchingInputQuery },
    response: z.union([file, matchingInstanceSchema()]),
  },
  'run-matching': {
    request: { ...programme, body: RunMatchingSchema },
    response: MatchingViewSchema,
  },
  'get-matching': { request: programme, response: MatchingViewSchema },
  'lock-proposal': {
    request: { params: ProposalParams, body: LockProposalSchema },
    response: MatchingViewSchema,
  },
  'reject-proposal': {
    request: { params: ProposalParams, body: RejectProposalSchema },
    response: MatchingViewSchema,
  },
  'swap-proposals': {
    request: { ...programme, body: SwapProposalsSchema },
    response: MatchingViewSchema,
  },
  'pair-by-hand': {
    request: { ...programme, body: PairByHandSchema },
    response: MatchingViewSchema,
  },
  'change-mentor-capacity': {
    request: { params: MentorParams, body: MentorCapacitySchema },
    response: MatchingViewSchema,
  },
  'confirm-proposals': {
    request: { ...programme, body: ConfirmProposalsSchema },
    response: ConfirmationViewSchema,
  },

  'list-my-pairs': { response: ListSchema(MyPairSummarySchema) },
  'get-pair': { request: pair, response: PairViewSchema },
  'get-pair-space': { request: pair, response: PairSpaceViewSchema },
  'add-agenda-item': {
    request: { ...pair, body: NewAgendaItemSchema },
    response: AgendaItemViewSchema,
  },
  'edit-agenda-item': {
    request: { ...entry, body: EditAgendaItemSchema },
    response: AgendaItemViewSchema,
  },
  'delete-agenda-item': { request: entry, response: none },
  'add-note': { request: { ...pair, body: NewNoteSchema }, response: NoteViewSchema },
  'edit-note': { request: { ...entry, body: EditNoteSchema }, response: NoteViewSchema },
  'delete-note': { request: entry, response: none },
  'add-goal': { request: { ...pair, body: NewGoalSchema }, response: GoalViewSchema },
  'edit-goal': { request: { ...entry, body: EditGoalSchema }, response: GoalViewSchema },
  'delete-goal': { request: entry, response: none },
  'add-activity': { request: { ...pair, body: NewActivitySchema }, response: ActivityViewSchema },
  'edit-activity': {
    request: { ...entry, body: EditActivitySchema },
    response: ActivityViewSchema,
  },
  'delete-activity': { request: entry, response: none },
  'give-feedback': {
    request: { params: SessionParams, body: FeedbackSchema },
    response: FeedbackViewSchema,
  },
  'evaluate-programme': {
    request: { ...pair, body: EvaluationSchema },
    response: EvaluationViewSchema,
  },

  'programme-progress': { request: programme, response: ProgressViewSchema },
  'programme-evaluation': { request: programme, response: EvaluationResultsViewSchema },
  'programme-report': { request: { ...programme, query: ReportQuery }, response: file },
  'programme-evaluation-report': { request: { ...programme, query: ReportQuery }, response: file },
  'export-my-data': { response: PersonalDataExportSchema },
  'erase-my-data': { response: ErasureViewSchema },
  // Microsoft Graph's, not the tab's: its schemas are with the route (calendar-notifications.ts).
  'calendar-notifications': { response: z.unknown() },
} as const satisfies Record<EndpointName, Contract>;

export type Endpoints = typeof ENDPOINTS;
type RequestOf<N extends EndpointName> = Endpoints[N] extends { request: infer R } ? R : undefined;

/**
 * A route's header from the one list: its name, method, path and input schemas. Spread into
 * `defineRoute({ ...endpoint('get-programme'), access, handler })`; the handler's types follow.
 */
export function endpoint<N extends EndpointName>(
  name: N,
): { name: N; method: EndpointMethod<N>; path: EndpointPath<N>; request: RequestOf<N> } {
  const contract: Contract = ENDPOINTS[name];
  return { name, ...endpointLine(name), request: contract.request as RequestOf<N> };
}

/** Every route the table serves is in the list, under its own method and path (a test checks). */
export function headerMismatches(routes: readonly AnyRoute[]): string[] {
  const problems: string[] = [];
  const served = new Set(routes.map((r) => r.name));
  for (const name of Object.keys(ENDPOINT_PATHS) as EndpointName[])
    if (!served.has(name)) problems.push(`${name} is listed but not served`);
  for (const route of routes) {
    const line = ENDPOINT_PATHS[route.name as EndpointName];
    if (line !== `${route.method} ${route.path}`)
      problems.push(`${route.name}: serves ${route.method} ${route.path}, listed ${line}`);
  }
  return problems;
}
