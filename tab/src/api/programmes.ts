import type {
  AuditEntryView,
  EditProgramme,
  PersonChoice,
  ProgrammeView,
  ReportQuery,
} from '../../../functions/src/http/contracts';
import { searchPeople } from '../../../functions/src/http/lines/directory';
import {
  archiveProgramme,
  cloneProgramme,
  deleteProgramme,
  editProgramme,
  programmeAudit,
  programmeAuditReport,
  promotePilot,
} from '../../../functions/src/http/lines/programmes';
import { pathOf } from './call';
import type { ApiClient } from './client';

export type { AuditEntryView, PersonChoice };

const inProgramme = (p: { id: string }) => ({ params: { programmeId: p.id } });
const quoting = (p: { id: string; etag: string }) => ({ ...inProgramme(p), ifMatch: p.etag });

/** HR's programme calls beyond the list: settings, the lifecycle, the audit trail, people. */
export const programmeApi = ({ call, download }: ApiClient) => ({
  edit: (p: ProgrammeView, changes: EditProgramme) =>
    call(editProgramme, { ...quoting(p), body: changes }),
  promote: (p: ProgrammeView) => call(promotePilot, quoting(p)),
  clone: (p: ProgrammeView, name?: string) =>
    call(cloneProgramme, { ...inProgramme(p), body: name ? { name } : {} }),
  remove: (p: ProgrammeView) => call(deleteProgramme, quoting(p)),
  archive: (p: ProgrammeView) => call(archiveProgramme, quoting(p)),
  audit: async (p: { id: string }) => (await call(programmeAudit, inProgramme(p))).value,
  auditReport: (p: { id: string }, reader: ReportQuery) =>
    download(pathOf(programmeAuditReport, { ...inProgramme(p), query: reader })),
  /** People of the directory snapshot matching a name, department or title. */
  people: async (q: string) => (await call(searchPeople, { query: { q } })).value,
  /** These people by id (at most 50), to name who a picker holds. */
  peopleById: async (ids: readonly string[]) =>
    (await call(searchPeople, { query: { ids: ids.join(',') } })).value,
});
