/** Whether Table Storage answers a read. */
export type StorageHealth = 'ok' | 'down';

/**
 * Whether Microsoft Graph answers the app: `unreachable` (no answer, or a 5xx/429), `refused`
 * (401/403: the token or the mailbox's Exchange RBAC scope is not granted yet), `notConfigured`
 * (no organiser mailbox set, or Graph does not know it).
 */
export type GraphHealth = 'ok' | 'unreachable' | 'refused' | 'notConfigured';

/** What `GET /api/health` reports: names only, never an error's text or a stack. */
export interface HealthReport {
  storage: StorageHealth;
  graph: GraphHealth;
}

/** One cheap check per dependency; each answers its state and never throws. */
export interface HealthProbes {
  storage(): Promise<StorageHealth>;
  graph(): Promise<GraphHealth>;
}

/** The backend's health, as the route serves it (cached: see domain/health). */
export interface HealthCheck {
  check(): Promise<HealthReport>;
}
