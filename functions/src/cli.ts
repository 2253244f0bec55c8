import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { CliIo } from './cli/command';
import { commands } from './cli/commands';

/**
 * `tandem` — the project's command line: `npm run --silent tandem -- <command> [options]`.
 * Each command lives under functions/src/cli/; this file only dispatches.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const lines = ['Usage: npm run --silent tandem -- <command> [options]', '', 'Commands:'];
    for (const [command, load] of Object.entries(commands).sort()) {
      lines.push(`  ${command.padEnd(12)} ${(await load()).summary}`);
    }
    lines.push(`  ${'help'.padEnd(12)} this list`);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`tandem: unknown command "${name}". Run \`tandem help\` for the list.\n`);
    return 2;
  }
  return (await load()).run(args, io);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
  });
}
