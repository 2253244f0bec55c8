/** Runtime configuration served beside the tab (`/tab-config.json`), written at deploy time. */
export interface TabConfig {
  /** `local`: outside any Microsoft 365 host, sign in through the local issuer (npm start). */
  mode: 'local' | 'production';
  apiBaseUrl: string;
  tenantId: string;
  clientId: string;
  /** Local issuer origin (mode `local` only). */
  issuerUrl?: string;
  /** Local only: show the demo clock (npm start's living demo; functions/src/local/local-clock.ts). */
  demoClock?: boolean;
}

export async function loadTabConfig(): Promise<TabConfig> {
  const response = await fetch('/tab-config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`tab-config.json: HTTP ${response.status}`);
  return (await response.json()) as TabConfig;
}
