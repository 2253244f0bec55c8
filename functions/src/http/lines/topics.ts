// The lines of routes/topics.ts (see ../endpoint-paths.ts).
export const getProgrammeTopics = 'GET /programmes/:programmeId/topics';
export const saveProgrammeTopics = 'PUT /programmes/:programmeId/topics';
