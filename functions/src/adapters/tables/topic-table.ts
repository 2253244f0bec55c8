import type { ProgrammeTopics } from '../../domain/topics/programme-topics';
import type { TopicStore } from '../../ports/topics';
import { JsonTable, notYetParsed, type TableConnection, tableClient } from './json-table';

// One small row per programme, read by the form and the matcher: one partition, keyed by programme.
const PARTITION = 'topics';

/** Programme vocabularies in the `topics` table. */
export function topicTable(connection: TableConnection): TopicStore {
  const table = new JsonTable<ProgrammeTopics>(
    tableClient(connection, 'topics'),
    'The topic list',
    notYetParsed<ProgrammeTopics>(),
  );
  return {
    get: (programmeId) => table.get(PARTITION, programmeId),
    create: (t) => table.create(PARTITION, t.programmeId, t),
    replace: (t, etag) => table.replace(PARTITION, t.programmeId, t, etag),
  };
}
