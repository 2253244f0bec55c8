import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium';

/**
 * `npm test`: type-check, lint, then every vitest project (unit, integration, e2e, infra,
 * manifest). Installs Chromium first when it is missing, so a fresh machine needs nothing by hand.
 */
function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

const chromium = ensureChromium();
const bin = (name: string) => `node_modules/.bin/${name}`;
run('Type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
run('Lint and format check', bin('biome'), ['check', '.']);
run('Tests', bin('vitest'), ['run', ...process.argv.slice(2)], { CHROMIUM_PATH: chromium });
