/**
 * Every route of the API by name: its method and path (`:name` parameters), declared once. The
 * route table (routes.ts, routes/*.ts) takes each route's header from here, and so does the tab's
 * client (tab/src/api/call.ts): free of imports, so the tab bundles these strings and nothing else.
 * What each route takes and answers is in endpoints.ts.
 */
export const ENDPOINT_PATHS = {
  ping: 'GET /ping',
  health: 'GET /health',
  me: 'GET /me',
  'list-programmes': 'GET /programmes',
  'create-programme': 'POST /programmes',
  'get-programme': 'GET /programmes/:programmeId',
  'edit-programme': 'PATCH /programmes/:programmeId',
  'change-programme-status': 'PUT /programmes/:programmeId/status',
  'list-my-applications': 'GET /applications/me',
  'submit-application': 'POST /programmes/:programmeId/applications',
  'get-my-application': 'GET /programmes/:programmeId/applications/me',
  'edit-my-application': 'PUT /programmes/:programmeId/applications/me',
  'withdraw-my-application': 'POST /programmes/:programmeId/applications/me/withdraw',
  'list-applications': 'GET /programmes/:programmeId/applications',
  'approve-mentor': 'POST /programmes/:programmeId/applications/:personId/approve',
  'reject-application': 'POST /programmes/:programmeId/applications/:personId/reject',
  'directory-status': 'GET /directory',
  'sync-directory': 'POST /directory/sync',
  'list-bookings': 'GET /programmes/:programmeId/bookings',
  'session-alternatives': 'GET /pairs/:pairId/sessions/:index/alternatives',
  'move-session': 'POST /pairs/:pairId/sessions/:index/move',
  'end-pair': 'POST /pairs/:pairId/end',
  'run-matching': 'POST /programmes/:programmeId/matching/runs',
  'get-matching': 'GET /programmes/:programmeId/matching',
  'lock-proposal': 'PUT /programmes/:programmeId/matching/proposals/:proposalId/lock',
  'reject-proposal': 'POST /programmes/:programmeId/matching/proposals/:proposalId/reject',
  'swap-proposals': 'POST /programmes/:programmeId/matching/swap',
  'confirm-proposals': 'POST /programmes/:programmeId/matching/confirm',
  'list-my-pairs': 'GET /pairs/me',
  'get-pair': 'GET /pairs/:pairId',
  'get-pair-space': 'GET /pairs/:pairId/space',
  'add-agenda-item': 'POST /pairs/:pairId/agenda',
  'edit-agenda-item': 'PATCH /pairs/:pairId/agenda/:entryId',
  'delete-agenda-item': 'DELETE /pairs/:pairId/agenda/:entryId',
  'add-note': 'POST /pairs/:pairId/notes',
  'edit-note': 'PATCH /pairs/:pairId/notes/:entryId',
  'delete-note': 'DELETE /pairs/:pairId/notes/:entryId',
  'add-goal': 'POST /pairs/:pairId/goals',
  'edit-goal': 'PATCH /pairs/:pairId/goals/:entryId',
  'delete-goal': 'DELETE /pairs/:pairId/goals/:entryId',
  'add-activity': 'POST /pairs/:pairId/activities',
  'edit-activity': 'PATCH /pairs/:pairId/activities/:entryId',
  'delete-activity': 'DELETE /pairs/:pairId/activities/:entryId',
  'give-feedback': 'PUT /pairs/:pairId/sessions/:index/feedback',
  'evaluate-programme': 'PUT /pairs/:pairId/evaluation',
  'programme-progress': 'GET /programmes/:programmeId/progress',
  'programme-evaluation': 'GET /programmes/:programmeId/evaluation',
  'programme-report': 'GET /programmes/:programmeId/report.csv',
  'programme-evaluation-report': 'GET /programmes/:programmeId/evaluation.csv',
  'export-my-data': 'GET /me/data',
  'erase-my-data': 'DELETE /me/data',
  'calendar-notifications': 'POST /calendar/notifications',
} as const;

export type EndpointName = keyof typeof ENDPOINT_PATHS;
type Line<N extends EndpointName> = (typeof ENDPOINT_PATHS)[N];
export type EndpointMethod<N extends EndpointName> =
  Line<N> extends `${infer M} ${string}` ? M : never;
export type EndpointPath<N extends EndpointName> =
  Line<N> extends `${string} ${infer P}` ? P : never;

/** The `:name` parameters of a path: `'/pairs/:pairId/end'` → `'pairId'`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** A route's method and path. */
export function endpointLine<N extends EndpointName>(
  name: N,
): { method: EndpointMethod<N>; path: EndpointPath<N> } {
  const line = ENDPOINT_PATHS[name];
  const space = line.indexOf(' ');
  return {
    method: line.slice(0, space) as EndpointMethod<N>,
    path: line.slice(space + 1) as EndpointPath<N>,
  };
}
