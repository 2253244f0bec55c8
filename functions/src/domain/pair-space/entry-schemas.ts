import { z } from 'zod';
import type {
  Activity,
  AgendaItem,
  Evaluation,
  Feedback,
  Goal,
  Note,
  SpaceEntry,
} from './pair-space';

/**
 * The pair space's entries as zod schemas, each checked against its domain type: the one shape
 * that the `pairspace` table reads its rows with (adapters/tables/pair-space-table.ts, where a
 * row that does not read is a StoredRowError) and that the API's views extend with the ETag
 * (http/views.ts). Every entry type has had its fields since it was first stored, so no defaults
 * yet; a field added later gets its default here (`.default(…)`) — the table's migration point.
 */
const base = {
  id: z.string().min(1),
  pairId: z.string().min(1),
  authorId: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
};
const sessionIndex = z.number().int().nonnegative();

export const AgendaItemSchema = z.object({
  ...base,
  type: z.literal('agenda'),
  sessionIndex: sessionIndex.nullable(),
  text: z.string(),
  done: z.boolean(),
}) satisfies z.ZodType<AgendaItem>;

export const NoteSchema = z.object({
  ...base,
  type: z.literal('note'),
  visibility: z.enum(['shared', 'private']),
  sessionIndex: sessionIndex.nullable(),
  text: z.string(),
}) satisfies z.ZodType<Note>;

export const GoalSchema = z.object({
  ...base,
  type: z.literal('goal'),
  horizon: z.enum(['short', 'long']),
  title: z.string(),
  description: z.string(),
  progress: z.number().min(0).max(100),
  status: z.enum(['notStarted', 'inProgress', 'achieved', 'dropped']),
  mentorComment: z.string(),
}) satisfies z.ZodType<Goal>;

export const ActivitySchema = z.object({
  ...base,
  type: z.literal('activity'),
  kind: z.enum(['shadowing', 'negotiationPractice', 'visit']),
  date: z.string(),
  description: z.string(),
  outcome: z.string(),
}) satisfies z.ZodType<Activity>;

export const FeedbackSchema = z.object({
  ...base,
  type: z.literal('feedback'),
  sessionIndex,
  rating: z.number().int().min(1).max(5),
  useful: z.boolean(),
  comment: z.string(),
}) satisfies z.ZodType<Feedback>;

export const EvaluationSchema = z.object({
  ...base,
  type: z.literal('evaluation'),
  role: z.enum(['mentor', 'mentee']),
  satisfaction: z.number().int().min(1).max(5),
  goalsReached: z.number().int().min(1).max(5),
  recommend: z.number().int().min(0).max(10),
  suggestion: z.string(),
}) satisfies z.ZodType<Evaluation>;

export const SpaceEntrySchema: z.ZodType<SpaceEntry> = z.discriminatedUnion('type', [
  AgendaItemSchema,
  NoteSchema,
  GoalSchema,
  ActivitySchema,
  FeedbackSchema,
  EvaluationSchema,
]);
