// The lines of routes/personal-data.ts (see ../endpoint-paths.ts).
export const exportMyData = 'GET /me/data';
export const eraseMyData = 'DELETE /me/data';
