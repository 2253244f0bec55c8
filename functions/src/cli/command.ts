/** What a `tandem` command sees of the world: streams and file reads (tests pass their own). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  /** The tool cache the launcher keeps (node_modules/.cache/tandem); absent in tests. */
  cache?: CliCache;
}

/** Small named files a command may keep between runs; losing them only costs time. */
export interface CliCache {
  read(name: string): string | undefined;
  write(name: string, text: string): void;
}

export interface CliCommand {
  summary: string;
  /** Returns the exit code: 0 success, 2 bad input. */
  run(args: string[], io: CliIo): Promise<number>;
}
