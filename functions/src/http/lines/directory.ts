// The lines of routes/directory.ts (see ../endpoint-paths.ts).
export const directoryStatus = 'GET /directory';
export const syncDirectory = 'POST /directory/sync';
export const searchPeople = 'GET /directory/people';
