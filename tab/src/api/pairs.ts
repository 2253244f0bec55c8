import type {
  ActivityView,
  AgendaItemView,
  EvaluationView,
  FeedbackView,
  GoalView,
  MyPairView,
  NoteView,
  PairSpaceView,
} from '../../../functions/src/http/contracts';
import type { ApiClient } from './client';

export type {
  ActivityView,
  AgendaItemView,
  EvaluationView,
  FeedbackView,
  GoalView,
  MyPairView,
  NoteView,
  PairSpaceView,
};

const pair = (id: string) => `/pairs/${encodeURIComponent(id)}`;
const ifMatch = (etag: string) => ({ 'if-match': etag });

/** A pair's members: their pairs, the pair's space and what they write in it. */
export const pairsApi = (api: ApiClient) => ({
  mine: async () => (await api.request<{ value: MyPairView[] }>('GET', '/pairs/me')).value,
  space: (id: string) => api.request<PairSpaceView>('GET', `${pair(id)}/space`),
  addAgenda: (id: string, text: string, sessionIndex: number | null = null) =>
    api.request<AgendaItemView>('POST', `${pair(id)}/agenda`, { text, sessionIndex }),
  editAgenda: (
    item: AgendaItemView,
    changes: { text?: string; done?: boolean; sessionIndex?: number | null },
  ) =>
    api.request<AgendaItemView>(
      'PATCH',
      `${pair(item.pairId)}/agenda/${item.id}`,
      changes,
      ifMatch(item.etag),
    ),
  addNote: (id: string, text: string, visibility: 'shared' | 'private') =>
    api.request<NoteView>('POST', `${pair(id)}/notes`, { text, visibility }),
  remove: (entry: { pairId: string; id: string; etag: string }, segment: string) =>
    api.request<void>(
      'DELETE',
      `${pair(entry.pairId)}/${segment}/${entry.id}`,
      undefined,
      ifMatch(entry.etag),
    ),
  addGoal: (id: string, goal: { horizon: 'short' | 'long'; title: string; description?: string }) =>
    api.request<GoalView>('POST', `${pair(id)}/goals`, goal),
  editGoal: (
    goal: GoalView,
    changes: { progress?: number; status?: GoalView['status']; mentorComment?: string },
  ) =>
    api.request<GoalView>(
      'PATCH',
      `${pair(goal.pairId)}/goals/${goal.id}`,
      changes,
      ifMatch(goal.etag),
    ),
  addActivity: (
    id: string,
    activity: { kind: ActivityView['kind']; date: string; description: string; outcome?: string },
  ) => api.request<ActivityView>('POST', `${pair(id)}/activities`, activity),
  feedback: (
    id: string,
    index: number,
    answer: { rating: number; useful: boolean; comment?: string },
    previous?: FeedbackView | null,
  ) =>
    api.request<FeedbackView>(
      'PUT',
      `${pair(id)}/sessions/${index}/feedback`,
      answer,
      previous ? ifMatch(previous.etag) : {},
    ),
  evaluate: (
    id: string,
    answer: { satisfaction: number; goalsReached: number; recommend: number; suggestion?: string },
    previous?: EvaluationView | null,
  ) =>
    api.request<EvaluationView>(
      'PUT',
      `${pair(id)}/evaluation`,
      answer,
      previous ? ifMatch(previous.etag) : {},
    ),
  alternatives: async (id: string, index: number) =>
    (
      await api.request<{ value: { start: string; end: string }[] }>(
        'GET',
        `${pair(id)}/sessions/${index}/alternatives`,
      )
    ).value,
  move: (id: string, index: number, start: string) =>
    api.request<unknown>('POST', `${pair(id)}/sessions/${index}/move`, { start }),
});
