import { z } from 'zod';
import { OBJECTIVES } from '../../domain/matching/instance';
import type { Matching } from '../../domain/matching-run/matching-run';

/**
 * A stored matching as the `matchings` table reads it: the migration point for matchings. A field
 * added after matchings were first stored gets its default here (`capacities` is optional, read
 * as "none changed"); nothing past this file sees an old row. A row that does not read is a
 * StoredRowError naming the table and the programme (json-table.ts).
 */
const reason = z.object({
  code: z.string(),
  text: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const role = z.enum(['mentee', 'mentor']);

export const storedMatching = z.object({
  programmeId: z.string().min(1),
  run: z.number().int().positive(),
  ranAt: z.string(),
  ranBy: z.string(),
  objective: z.enum(OBJECTIVES),
  proposals: z.array(
    z.object({
      id: z.string().min(1),
      mentee: z.string(),
      menteeName: z.string(),
      mentor: z.string(),
      mentorName: z.string(),
      score: z.number(),
      reasons: z.array(reason),
      locked: z.boolean(),
      status: z.enum(['proposed', 'confirmed']),
      pairId: z.string().optional(),
    }),
  ),
  unmatched: z.array(z.object({ personId: z.string(), name: z.string(), role, reason })),
  refusedLocks: z.array(z.object({ mentee: z.string(), mentor: z.string(), reason })),
  excluded: z.array(
    z.object({ mentee: z.string(), mentor: z.string(), reason: z.string(), at: z.string() }),
  ),
  capacities: z.record(z.string(), z.number().int()).optional(),
  updatedAt: z.string(),
}) satisfies z.ZodType<Matching>;
