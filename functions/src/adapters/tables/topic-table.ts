import { z } from 'zod';
import type { ProgrammeTopics } from '../../domain/topics/programme-topics';
import type { TopicStore } from '../../ports/topics';
import { JsonTable, type TableConnection, tableClient } from './json-table';

/**
 * A stored vocabulary as the `topics` table reads it: the migration point for vocabularies (a
 * field added later gets its default here). `updatedBy` is absent while it is the template's.
 */
export const storedTopics = z.object({
  programmeId: z.string().min(1),
  topics: z.array(
    z.object({
      id: z.string().min(1),
      label: z.object({ es: z.string(), en: z.string() }),
      synonyms: z.array(z.string()),
    }),
  ),
  updatedAt: z.string(),
  updatedBy: z.string().optional(),
}) satisfies z.ZodType<ProgrammeTopics>;

// One small row per programme, read by the form and the matcher: one partition, keyed by programme.
const PARTITION = 'topics';

/** Programme vocabularies in the `topics` table. */
export function topicTable(connection: TableConnection): TopicStore {
  const table = new JsonTable<ProgrammeTopics>(
    tableClient(connection, 'topics'),
    'The topic list',
    storedTopics,
  );
  return {
    get: (programmeId) => table.get(PARTITION, programmeId),
    create: (t) => table.create(PARTITION, t.programmeId, t),
    replace: (t, etag) => table.replace(PARTITION, t.programmeId, t, etag),
  };
}
