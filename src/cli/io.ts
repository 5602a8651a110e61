// What a command of the command line may touch besides the file system: its output streams.

export interface CliIo {
  /** One line (or block) of normal output; the newline is added. */
  out(text: string): void;
  /** One line (or block) of diagnostics on standard error; the newline is added. */
  err(text: string): void;
}

/** A wrong command line: main() prints the message with the command's usage and exits with 2. */
export class UsageError extends Error {}

export interface CliCommand {
  /** One line for the overview of `source-annotator --help`. */
  readonly summary: string;
  /** The full usage text of the command (`source-annotator <name> --help`). */
  readonly usage: string;
  /** Runs the command; resolves to the exit status (0 all good, 1 some input failed). */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
