import { readFile } from 'node:fs/promises';
import type { CliCommand } from './command';

export const versionCommand: CliCommand = {
  summary: 'print the Tandem version',
  run: async (_args, io) => {
    const pkg = JSON.parse(
      await readFile(new URL('../../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    io.stdout(`${pkg.version}\n`);
    return 0;
  },
};
