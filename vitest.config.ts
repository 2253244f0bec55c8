import { defineConfig } from 'vitest/config';
import { catalogueParts } from './tab/catalogue-parts';
import { ensureLocalTls } from './test/sim/tls/local-tls';

// The local tenant (issuer, Graph simulator) speaks HTTPS with a certificate made for this run;
// the test workers start after this and trust it through NODE_EXTRA_CA_CERTS.
await ensureLocalTls();

// One project per kind of test; `npm test` runs them all (see test/run-tests.ts).
export default defineConfig({
  test: {
    projects: [
      {
        // The tab's catalogues in two parts, as the tab's build splits them (tab/catalogue-parts.ts).
        plugins: [catalogueParts()],
        test: {
          name: 'unit',
          include: [
            'functions/src/**/*.test.ts',
            'tab/src/**/*.test.{ts,tsx}',
            'test/unit/**/*.test.ts',
          ],
          environment: 'node',
          // The property tests (hundreds of generated cases) take seconds on a busy 2-core
          // machine; a limit is a hang guard here, never a speed target (those live in the bench).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/sim/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Two cores: one browser at a time keeps timings honest and the machine responsive.
          fileParallelism: false,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'manifest', include: ['test/manifest/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
});
