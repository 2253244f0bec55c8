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
import {
  addActivity,
  addAgendaItem,
  addGoal,
  addNote,
  deleteActivity,
  deleteAgendaItem,
  deleteGoal,
  deleteNote,
  editAgendaItem,
  editGoal,
  evaluateProgramme,
  getPairSpace,
  giveFeedback,
} from '../../../functions/src/http/lines/pair-space';
import { listMyPairs } from '../../../functions/src/http/lines/pairs';
import { moveSession, sessionAlternatives } from '../../../functions/src/http/lines/sessions';
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

const inPair = (pairId: string) => ({ params: { pairId } });
const ofEntry = (entry: { pairId: string; id: string; etag: string }) => ({
  params: { pairId: entry.pairId, entryId: entry.id },
  ifMatch: entry.etag,
});
const ofSession = (pairId: string, index: number) => ({ params: { pairId, index } });

/** The route that deletes each kind of entry, by the segment of its path. */
const DELETE_ROUTES = {
  agenda: deleteAgendaItem,
  notes: deleteNote,
  goals: deleteGoal,
  activities: deleteActivity,
} as const;

/** A pair's members: their pairs, the pair's space and what they write in it. */
export const pairsApi = ({ call }: ApiClient) => ({
  mine: async (): Promise<MyPairView[]> => (await call(listMyPairs, {})).value,
  space: (id: string) => call(getPairSpace, inPair(id)),
  addAgenda: (id: string, text: string, sessionIndex: number | null = null) =>
    call(addAgendaItem, { ...inPair(id), body: { text, sessionIndex } }),
  editAgenda: (
    item: AgendaItemView,
    changes: { text?: string; done?: boolean; sessionIndex?: number | null },
  ) => call(editAgendaItem, { ...ofEntry(item), body: changes }),
  addNote: (id: string, text: string, visibility: 'shared' | 'private') =>
    call(addNote, { ...inPair(id), body: { text, visibility } }),
  remove: (
    entry: { pairId: string; id: string; etag: string },
    segment: keyof typeof DELETE_ROUTES,
  ) => call(DELETE_ROUTES[segment], ofEntry(entry)),
  addGoal: (id: string, goal: { horizon: 'short' | 'long'; title: string; description?: string }) =>
    call(addGoal, { ...inPair(id), body: goal }),
  editGoal: (
    goal: GoalView,
    changes: { progress?: number; status?: GoalView['status']; mentorComment?: string },
  ) => call(editGoal, { ...ofEntry(goal), body: changes }),
  addActivity: (
    id: string,
    activity: { kind: ActivityView['kind']; date: string; description: string; outcome?: string },
  ) => call(addActivity, { ...inPair(id), body: activity }),
  feedback: (
    id: string,
    index: number,
    answer: { rating: number; useful: boolean; comment?: string },
    previous?: FeedbackView | null,
  ) =>
    call(giveFeedback, {
      ...ofSession(id, index),
      body: answer,
      ...(previous && { ifMatch: previous.etag }),
    }),
  evaluate: (
    id: string,
    answer: { satisfaction: number; goalsReached: number; recommend: number; suggestion?: string },
    previous?: EvaluationView | null,
  ) =>
    call(evaluateProgramme, {
      ...inPair(id),
      body: answer,
      ...(previous && { ifMatch: previous.etag }),
    }),
  alternatives: async (id: string, index: number) =>
    (await call(sessionAlternatives, ofSession(id, index))).value,
  move: (id: string, index: number, start: string) =>
    call(moveSession, { ...ofSession(id, index), body: { start } }),
});
