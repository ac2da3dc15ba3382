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

/**
 * Control characters (ESC, CSI, BEL, backspace, DEL, C1) and bidirectional overrides in text that
 * came from a file or a CSV (client names, sheet names, messages) could move the cursor, recolour
 * or rewrite the terminal, or reorder what the user reads. They are shown as \uXXXX instead:
 * readable on a terminal and still valid inside a JSON string. Newlines and tabs stay.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A stream the reader may close (`ismp catalog --json | head -c 100`): once it reports EPIPE,
 * further writes are dropped quietly, so the command ends with its usual exit code instead of an
 * unhandled 'error' event and a stack trace.
 */
export function pipeSafeWriter(stream: NodeJS.WritableStream): (text: string) => void {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") closed = true;
    else throw error;
  });
  return (text) => {
    if (closed) return;
    stream.write(text);
  };
}

let processWriters: { stdout: (text: string) => void; stderr: (text: string) => void } | undefined;
const writers = () => (processWriters ??= { stdout: pipeSafeWriter(process.stdout), stderr: pipeSafeWriter(process.stderr) });

export const processOut: Out = {
  log: (text) => writers().stdout(terminalSafe(text) + "\n"),
  error: (text) => writers().stderr(terminalSafe(text) + "\n"),
  progress: {
    // The bar's own \r redraws are ours; its labels are made safe in progressLine.
    write: (text) => writers().stdout(text),
    get isTTY() {
      return process.stdout.isTTY === true;
    },
  },
};

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
