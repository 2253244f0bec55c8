// The lines of routes/pair-space.ts (see ../endpoint-paths.ts).
export const getPairSpace = 'GET /pairs/:pairId/space';
export const addAgendaItem = 'POST /pairs/:pairId/agenda';
export const editAgendaItem = 'PATCH /pairs/:pairId/agenda/:entryId';
export const deleteAgendaItem = 'DELETE /pairs/:pairId/agenda/:entryId';
export const addNote = 'POST /pairs/:pairId/notes';
export const editNote = 'PATCH /pairs/:pairId/notes/:entryId';
export const deleteNote = 'DELETE /pairs/:pairId/notes/:entryId';
export const addGoal = 'POST /pairs/:pairId/goals';
export const editGoal = 'PATCH /pairs/:pairId/goals/:entryId';
export const deleteGoal = 'DELETE /pairs/:pairId/goals/:entryId';
export const addActivity = 'POST /pairs/:pairId/activities';
export const editActivity = 'PATCH /pairs/:pairId/activities/:entryId';
export const deleteActivity = 'DELETE /pairs/:pairId/activities/:entryId';
export const giveFeedback = 'PUT /pairs/:pairId/sessions/:index/feedback';
export const evaluateProgramme = 'PUT /pairs/:pairId/evaluation';
