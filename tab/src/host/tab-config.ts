// zod/mini: the same schemas in a few kB, as this is read before the first screen. The build bundles
// this file alone with its own copy of zod/mini (tab/vite.config.ts, bundledAlone): shared with the
// screens' full zod, the whole of zod's core would come into the first load.
import * as z from 'zod/mini';

/**
 * Runtime configuration served beside the tab (`/tab-config.json`), written at deploy time
 * (infra/deploy.sh) or by the local host. Read with this schema, never cast: a config missing a
 * field stops the tab saying which.
 */
export const tabConfigSchema = z.object({
  /** `local`: outside any Microsoft 365 host, sign in through the local issuer (npm start). */
  mode: z.enum(['local', 'production']),
  apiBaseUrl: z.string().check(z.minLength(1)),
  tenantId: z.string().check(z.minLength(1)),
  clientId: z.string().check(z.minLength(1)),
  /** Local issuer origin (mode `local` only). */
  issuerUrl: z.optional(z.string().check(z.minLength(1))),
  /** Local only: show the demo clock (npm start's living demo; functions/src/local/local-clock.ts). */
  demoClock: z.optional(z.boolean()),
});

export type TabConfig = z.infer<typeof tabConfigSchema>;

/** The config as the tab reads it, or an error saying which field is wrong. */
export function readTabConfig(value: unknown): TabConfig {
  const parsed = tabConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'mode'}: ${i.message}`);
    throw new Error(`tab-config.json does not read: ${issues.join('; ')}`);
  }
  return parsed.data;
}

export async function loadTabConfig(): Promise<TabConfig> {
  const response = await fetch('/tab-config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`tab-config.json: HTTP ${response.status}`);
  return readTabConfig(await response.json());
}
