import type { CliCommand } from './command';

/** Every `tandem` command, loaded lazily so `tandem help` stays quick. Add new commands here. */
export const commands: Record<string, () => Promise<CliCommand>> = {
  match: async () => (await import('./match')).matchCommand,
  sim: async () => (await import('./sim')).simCommand,
  version: async () => (await import('./version')).versionCommand,
};
