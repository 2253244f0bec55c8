// The lines of routes/programmes.ts (see ../endpoint-paths.ts).
export const listProgrammes = 'GET /programmes';
export const createProgramme = 'POST /programmes';
export const getProgramme = 'GET /programmes/:programmeId';
export const editProgramme = 'PATCH /programmes/:programmeId';
export const changeProgrammeStatus = 'PUT /programmes/:programmeId/status';
export const deleteProgramme = 'DELETE /programmes/:programmeId';
export const promotePilot = 'POST /programmes/:programmeId/promote';
export const cloneProgramme = 'POST /programmes/:programmeId/clone';
export const archiveProgramme = 'POST /programmes/:programmeId/archive';
export const programmeAudit = 'GET /programmes/:programmeId/audit';
export const programmeAuditReport = 'GET /programmes/:programmeId/audit.csv';
export const editNotificationSettings = 'PATCH /programmes/:programmeId/notifications';
