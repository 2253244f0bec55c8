// The lines of routes/pairs.ts (see ../endpoint-paths.ts).
export const listMyPairs = 'GET /pairs/me';
export const getPair = 'GET /pairs/:pairId';
