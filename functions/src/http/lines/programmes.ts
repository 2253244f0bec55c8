// The lines of routes/programmes.ts (see ../endpoint-paths.ts).
export const listProgrammes = 'GET /programmes';
export const createProgramme = 'POST /programmes';
export const getProgramme = 'GET /programmes/:programmeId';
export const editProgramme = 'PATCH /programmes/:programmeId';
export const changeProgrammeStatus = 'PUT /programmes/:programmeId/status';
export const editNotificationSettings = 'PATCH /programmes/:programmeId/notifications';
