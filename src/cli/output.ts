/** Where a command writes: the process's streams, or a recorder in tests. */
export interface Out {
  log(text: string): void;
  error(text: string): void;
  /**
   * Raw text for a progress bar, without a newline; `isTTY` says whether it may be redrawn with \r.
   * Absent: no progress bar (callers that only collect lines).
   */
  progress?: { write(text: string): void; isTTY: boolean };
}

export const processOut: Out = {
  log: (text) => process.stdout.write(text + "\n"),
  error: (text) => process.stderr.write(text + "\n"),
  progress: {
    write: (text) => process.stdout.write(text),
    get isTTY() {
      return process.stdout.isTTY === true;
    },
  },
};

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
