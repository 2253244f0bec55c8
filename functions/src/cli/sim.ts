import { fileURLToPath } from 'node:url';
import type { CliCommand } from './command';

/**
 * `tandem sim`: the simulated tenant alone. It lives with the tests (test/sim/), so it runs from
 * the repository through tsx, as `npm start` does; a deployed package has no simulator.
 */
export const simCommand: CliCommand = {
  summary: 'run the simulated tenant (Microsoft Graph + sign-in) alone: --port, --people, --seed',
  run: async (args) => {
    // Loaded here, not at the top: the CLI is one bundle, and `tandem match` is timed as a whole.
    const { spawn } = await import('node:child_process');
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/sim/sim-main.ts', ...args], {
      cwd: root,
      stdio: 'inherit',
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => child.kill(signal));
    }
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 130)));
  },
};
