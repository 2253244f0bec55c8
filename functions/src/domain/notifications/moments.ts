/**
 * Every moment Tandem may tell someone about in Teams' activity feed: the manifest's activity
 * types, one each (docs/notifications.md). Free of imports, so the tab and the API's contracts
 * take the list without the words around it.
 */
export const MOMENTS = [
  'applicationReceived',
  'applicationApproved',
  'applicationNotSelected',
  'paired',
  'notPaired',
  'waitingList',
  'seriesBooked',
  'sessionMoved',
  'sessionCancelled',
  'feedbackDue',
  'evaluationOpen',
  'callOpen',
  'pairDeclined',
  'bookingFailed',
  'pairsAtRisk',
] as const;
export type Moment = (typeof MOMENTS)[number];
