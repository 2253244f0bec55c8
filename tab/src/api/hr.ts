import type {
  BookingView,
  ConfirmationView,
  DirectoryStatus,
  EvaluationResultsView,
  MatchingView,
  ProgrammeView,
  ProgressView,
  ProposalView,
  ReportQuery,
} from '../../../functions/src/http/contracts';
import { type ApiClient, ApiError } from './client';

export type {
  BookingView,
  ConfirmationView,
  DirectoryStatus,
  EvaluationResultsView,
  MatchingView,
  ProgressView,
  ProposalView,
};

const programme = (id: string) => `/programmes/${encodeURIComponent(id)}`;

/** Who reads an export: its language (words, `;` or `,`) and time zone (the times in it). */
export type ReportReader = ReportQuery;
const readerQuery = (reader: ReportReader) => `?${new URLSearchParams(reader)}`;

/** HR's and advisors' calls: matching, booking, directory, progress, evaluation, the report. */
export const hrApi = (api: ApiClient) => ({
  /** The programme's matching, or null before the first run. */
  matching: async (id: string) => {
    try {
      return await api.request<MatchingView>('GET', `${programme(id)}/matching`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  run: (id: string, objective: MatchingView['objective']) =>
    api.request<MatchingView>('POST', `${programme(id)}/matching/runs`, { objective }),
  lock: (m: MatchingView, proposal: ProposalView, locked: boolean) =>
    api.request<MatchingView>(
      'PUT',
      `${programme(m.programmeId)}/matching/proposals/${proposal.id}/lock`,
      { locked },
      { 'if-match': m.etag },
    ),
  reject: (m: MatchingView, proposal: ProposalView, reason: string) =>
    api.request<MatchingView>(
      'POST',
      `${programme(m.programmeId)}/matching/proposals/${proposal.id}/reject`,
      { reason },
      { 'if-match': m.etag },
    ),
  swap: (m: MatchingView, a: ProposalView, b: ProposalView) =>
    api.request<MatchingView>(
      'POST',
      `${programme(m.programmeId)}/matching/swap`,
      { proposalIds: [a.id, b.id] },
      { 'if-match': m.etag },
    ),
  confirm: (id: string, proposals: 'all' | string[]) =>
    api.request<ConfirmationView>('POST', `${programme(id)}/matching/confirm`, { proposals }),
  bookings: async (id: string) =>
    (await api.request<{ value: BookingView[] }>('GET', `${programme(id)}/bookings`)).value,
  directory: () => api.request<DirectoryStatus>('GET', '/directory'),
  syncDirectory: () => api.request<DirectoryStatus>('POST', '/directory/sync'),
  progress: (id: string) => api.request<ProgressView>('GET', `${programme(id)}/progress`),
  evaluation: (id: string) =>
    api.request<EvaluationResultsView>('GET', `${programme(id)}/evaluation`),
  /** How many answers the survey results wait for (PRODUCT rule 8): HR may lower it to 3. */
  setMinRespondents: (p: { id: string; etag: string }, minRespondents: number) =>
    api.request<ProgrammeView>(
      'PATCH',
      programme(p.id),
      { minRespondents },
      { 'if-match': p.etag },
    ),
  /** What applicants are told (issue #14): HR's reason on a rejection, a waiting list. */
  setApplicantSetting: (
    p: { id: string; etag: string },
    setting: 'showRejectionReason' | 'keepsWaitingList',
    on: boolean,
  ) =>
    api.request<ProgrammeView>('PATCH', programme(p.id), { [setting]: on }, { 'if-match': p.etag }),
  /** The CSV report, one row per pair, for its reader. */
  report: (id: string, reader: ReportReader) =>
    api.download(`${programme(id)}/report.csv${readerQuery(reader)}`),
  /** The evaluation in aggregate as CSV: the counts only until the minimum have answered. */
  evaluationReport: (id: string, reader: ReportReader) =>
    api.download(`${programme(id)}/evaluation.csv${readerQuery(reader)}`),
});
