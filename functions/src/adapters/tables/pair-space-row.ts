import { z } from 'zod';
import type { SpaceEntry } from '../../domain/pair-space/pair-space';

/**
 * A stored pair-space entry as this adapter reads it: the migration point for the `pairspace`
 * table. Every entry type has had its fields since it was first stored, so no defaults yet; a
 * field added later gets its default here (`.default(…)`), and nothing past this file sees an
 * old row. A row that does not read is a StoredRowError (json-table.ts).
 */
const base = {
  id: z.string().min(1),
  pairId: z.string().min(1),
  authorId: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
};
const sessionIndex = z.number().int().nonnegative();

export const storedSpaceEntry: z.ZodType<SpaceEntry> = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('agenda'),
    sessionIndex: sessionIndex.nullable(),
    text: z.string(),
    done: z.boolean(),
  }),
  z.object({
    ...base,
    type: z.literal('note'),
    visibility: z.enum(['shared', 'private']),
    sessionIndex: sessionIndex.nullable(),
    text: z.string(),
  }),
  z.object({
    ...base,
    type: z.literal('goal'),
    horizon: z.enum(['short', 'long']),
    title: z.string(),
    description: z.string(),
    progress: z.number().min(0).max(100),
    status: z.enum(['notStarted', 'inProgress', 'achieved', 'dropped']),
    mentorComment: z.string(),
  }),
  z.object({
    ...base,
    type: z.literal('activity'),
    kind: z.enum(['shadowing', 'negotiationPractice', 'visit']),
    date: z.string(),
    description: z.string(),
    outcome: z.string(),
  }),
  z.object({
    ...base,
    type: z.literal('feedback'),
    sessionIndex,
    rating: z.number().int().min(1).max(5),
    useful: z.boolean(),
    comment: z.string(),
  }),
  z.object({
    ...base,
    type: z.literal('evaluation'),
    role: z.enum(['mentor', 'mentee']),
    satisfaction: z.number().int().min(1).max(5),
    goalsReached: z.number().int().min(1).max(5),
    recommend: z.number().int().min(0).max(10),
    suggestion: z.string(),
  }),
]);
