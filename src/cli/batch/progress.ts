/** A text progress bar: redrawn in place on a terminal, one line per step when piped to a file. */
import { type Out, terminalSafe } from "../output";

const WIDTH = 10;
/** A label that wraps past the terminal's edge would defeat the \r redraw. */
const MAX_LABEL = 48;

export function progressLine(done: number, total: number, label: string): string {
  const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
  const safe = terminalSafe(label);
  const shown = safe.length > MAX_LABEL ? `${safe.slice(0, MAX_LABEL - 1)}…` : safe;
  return `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${done}/${total} ${shown}`;
}

export interface ProgressBar {
  step(done: number, label: string): void;
  /** Ends the redrawn line so later output starts on a fresh one. */
  finish(): void;
}

export function progressBar(stream: NonNullable<Out["progress"]>, total: number): ProgressBar {
  let widest = 0;
  return {
    step(done, label) {
      const line = progressLine(done, total, label);
      if (!stream.isTTY) return stream.write(line + "\n");
      // Pad to the widest line so a shorter client name leaves no leftovers from the last one.
      widest = Math.max(widest, line.length);
      stream.write(`\r${line.padEnd(widest)}`);
    },
    finish() {
      if (stream.isTTY && widest > 0) stream.write("\n");
    },
  };
}
