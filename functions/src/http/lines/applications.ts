// The lines of routes/applications.ts (see ../endpoint-paths.ts).
export const listMyApplications = 'GET /applications/me';
export const submitApplication = 'POST /programmes/:programmeId/applications';
export const getMyApplication = 'GET /programmes/:programmeId/applications/me';
export const editMyApplication = 'PUT /programmes/:programmeId/applications/me';
export const withdrawMyApplication = 'POST /programmes/:programmeId/applications/me/withdraw';
export const listApplications = 'GET /programmes/:programmeId/applications';
export const approveMentor = 'POST /programmes/:programmeId/applications/:personId/approve';
export const rejectApplication = 'POST /programmes/:programmeId/applications/:personId/reject';
export const decideApplications = 'POST /programmes/:programmeId/applications/decisions';
export const addToWaitingList = 'POST /programmes/:programmeId/applications/:personId/waiting-list';
