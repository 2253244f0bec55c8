// The lines of routes/progress.ts (see ../endpoint-paths.ts).
export const programmeProgress = 'GET /programmes/:programmeId/progress';
export const programmeEvaluation = 'GET /programmes/:programmeId/evaluation';
export const programmeReport = 'GET /programmes/:programmeId/report.csv';
export const programmeEvaluationReport = 'GET /programmes/:programmeId/evaluation.csv';
