/** Exit codes every `ismp` command uses, so scripts can branch on them. */
export const EXIT = {
  ok: 0,
  /** `check` found problems; `batch` had rows that failed. */
  problems: 1,
  /** Bad arguments, a missing or unreadable file. */
  usage: 2,
  /** A protected sheet or a read-only file: nothing was changed. */
  blocked: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI reports in one line, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "CliError";
  }
}
