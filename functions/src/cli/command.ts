/** What a `tandem` command sees of the world: streams and file reads (tests pass their own). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
}

export interface CliCommand {
  summary: string;
  /** Returns the exit code: 0 success, 2 bad input. */
  run(args: string[], io: CliIo): Promise<number>;
}
