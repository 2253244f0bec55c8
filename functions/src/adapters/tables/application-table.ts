import type { Application } from '../../domain/application/application';
import type { ApplicationStore } from '../../ports/applications';
import { JsonTable, notYetParsed, type TableConnection, tableClient } from './json-table';

/**
 * Applications in the `applications` table: partitioned by programme (HR reviews a programme's
 * applications together), one row per person (an applicant's own form is a point read).
 */
export function applicationTable(connection: TableConnection): ApplicationStore {
  const table = new JsonTable<Application>(
    tableClient(connection, 'applications'),
    'The application',
    notYetParsed<Application>(),
  );
  return {
    create: (a) => table.create(a.programmeId, a.personId, a),
    get: (programmeId, personId) => table.get(programmeId, personId),
    listByProgramme: (programmeId) => table.list(programmeId),
    async listByPerson(personId, programmeIds) {
      const found = await Promise.all(programmeIds.map((p) => table.get(p, personId)));
      return found.filter((a) => a !== undefined);
    },
    replace: (a, etag) => table.replace(a.programmeId, a.personId, a, etag),
    remove: (a, etag) => table.delete(a.programmeId, a.personId, etag),
  };
}
