// The routes of routes.ts itself: liveness, readiness, who is signed in (see ../endpoint-paths.ts).
export const ping = 'GET /ping';
export const health = 'GET /health';
export const me = 'GET /me';
