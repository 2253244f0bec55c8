import type { Moment } from '../../../functions/src/domain/notifications/moments';
import type {
  BookingView,
  ConfirmationView,
  DecideApplications,
  DecisionsView,
  DirectoryStatus,
  EvaluationResultsView,
  MatchingView,
  ProgressView,
  ProposalView,
  ReportQuery,
} from '../../../functions/src/http/contracts';
import {
  addToWaitingList,
  decideApplications,
} from '../../../functions/src/http/lines/applications';
import { listBookings } from '../../../functions/src/http/lines/bookings';
import { directoryStatus, syncDirectory } from '../../../functions/src/http/lines/directory';
import {
  changeMentorCapacity,
  confirmProposals,
  exportMatchingInput,
  getMatching,
  lockProposal,
  pairByHand,
  rejectProposal,
  runMatching,
  swapProposals,
} from '../../../functions/src/http/lines/matching';
import {
  editNotificationSettings,
  editProgramme,
} from '../../../functions/src/http/lines/programmes';
import {
  programmeEvaluation,
  programmeEvaluationReport,
  programmeProgress,
  programmeReport,
} from '../../../functions/src/http/lines/progress';
import { pathOf } from './call';
import { type ApiClient, ApiError } from './client';

export type {
  BookingView,
  ConfirmationView,
  DecisionsView,
  DirectoryStatus,
  EvaluationResultsView,
  MatchingView,
  ProgressView,
  ProposalView,
};

/** Who reads an export: its language (words, `;` or `,`) and time zone (the times in it). */
export type ReportReader = ReportQuery;

const inProgramme = (id: string) => ({ params: { programmeId: id } });
const ofProposal = (m: MatchingView, proposal: ProposalView) => ({
  params: { programmeId: m.programmeId, proposalId: proposal.id },
  ifMatch: m.etag,
});

/** HR's and advisors' calls: matching, booking, directory, progress, evaluation, the report. */
export const hrApi = ({ call, download }: ApiClient) => ({
  /** The programme's matching, or null before the first run. */
  matching: async (id: string) => {
    try {
      return await call(getMatching, inProgramme(id));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  run: (id: string, objective: MatchingView['objective']) =>
    call(runMatching, { ...inProgramme(id), body: { objective } }),
  lock: (m: MatchingView, proposal: ProposalView, locked: boolean) =>
    call(lockProposal, { ...ofProposal(m, proposal), body: { locked } }),
  reject: (m: MatchingView, proposal: ProposalView, reason: string) =>
    call(rejectProposal, { ...ofProposal(m, proposal), body: { reason } }),
  swap: (m: MatchingView, a: ProposalView, b: ProposalView) =>
    call(swapProposals, {
      ...inProgramme(m.programmeId),
      body: { proposalIds: [a.id, b.id] },
      ifMatch: m.etag,
    }),
  confirm: (id: string, proposals: 'all' | string[]) =>
    call(confirmProposals, { ...inProgramme(id), body: { proposals } }),
  /** Pairs a left-out mentee with an approved mentor (PRODUCT rule 1 still judged). */
  pairByHand: (m: MatchingView, mentee: string, mentor: string) =>
    call(pairByHand, { ...inProgramme(m.programmeId), body: { mentee, mentor }, ifMatch: m.etag }),
  /** One mentor's capacity, set from the board. */
  setCapacity: (m: MatchingView, mentor: string, capacity: number) =>
    call(changeMentorCapacity, {
      params: { programmeId: m.programmeId, personId: mentor },
      body: { capacity },
      ifMatch: m.etag,
    }),
  /** Approves or rejects many applications at once, with one note or reason. */
  decide: (id: string, body: DecideApplications): Promise<DecisionsView> =>
    call(decideApplications, { ...inProgramme(id), body }),
  /** Keeps a left-out mentee on the programme's waiting list. */
  waitingList: (programmeId: string, personId: string) =>
    call(addToWaitingList, { params: { programmeId, personId } }),
  bookings: async (id: string) => (await call(listBookings, inProgramme(id))).value,
  directory: () => call(directoryStatus, {}),
  syncDirectory: () => call(syncDirectory, {}),
  progress: (id: string) => call(programmeProgress, inProgramme(id)),
  evaluation: (id: string) => call(programmeEvaluation, inProgramme(id)),
  /** How many answers the survey results wait for (PRODUCT rule 8): HR may lower it to 3. */
  setMinRespondents: (p: { id: string; etag: string }, minRespondents: number) =>
    call(editProgramme, { ...inProgramme(p.id), body: { minRespondents }, ifMatch: p.etag }),
  /** What applicants are told (issue #14): HR's reason on a rejection, a waiting list. */
  setApplicantSetting: (
    p: { id: string; etag: string },
    setting: 'showRejectionReason' | 'keepsWaitingList',
    on: boolean,
  ) => call(editProgramme, { ...inProgramme(p.id), body: { [setting]: on }, ifMatch: p.etag }),
  /** HR's switch for one moment's Teams notices (docs/notifications.md). */
  setNotificationSwitch: (p: { id: string; etag: string }, moment: Moment, on: boolean) =>
    call(editNotificationSettings, {
      ...inProgramme(p.id),
      body: { [moment]: on },
      ifMatch: p.etag,
    }),
  /** Whether a mentee may be proposed again with a mentor of an earlier programme (issue #20). */
  setMatchingSetting: (p: { id: string; etag: string }, setting: 'allowRepeatPairs', on: boolean) =>
    call(editProgramme, { ...inProgramme(p.id), body: { [setting]: on }, ifMatch: p.etag }),
  /** What a run reads now, as `tandem match --in` replays it (HR owners only; docs/matching.md). */
  matchingInput: (id: string) =>
    download(pathOf(exportMatchingInput, { ...inProgramme(id), query: { format: 'json' } })),
  /** The CSV report, one row per pair, for its reader. */
  report: (id: string, reader: ReportReader) =>
    download(pathOf(programmeReport, { ...inProgramme(id), query: reader })),
  /** The evaluation in aggregate as CSV: the counts only until the minimum have answered. */
  evaluationReport: (id: string, reader: ReportReader) =>
    download(pathOf(programmeEvaluationReport, { ...inProgramme(id), query: reader })),
});
