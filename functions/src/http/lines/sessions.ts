// The lines of routes/sessions.ts (see ../endpoint-paths.ts).
export const sessionAlternatives = 'GET /pairs/:pairId/sessions/:index/alternatives';
export const moveSession = 'POST /pairs/:pairId/sessions/:index/move';
export const endPair = 'POST /pairs/:pairId/end';
