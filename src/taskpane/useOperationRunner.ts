/** Runs workbook operations for the views: one busy flag, a delayed progress label, friendly errors. */
import { useCallback, useRef, useState } from "react";
import { describeError, type FriendlyError } from "./errors";

/** Quick operations finish without flashing a progress bar. */
export const PROGRESS_DELAY_MS = 300;

export interface OperationRunner {
  busy: boolean;
  /** Set once the running operation has taken longer than PROGRESS_DELAY_MS. */
  progressLabel: string | undefined;
  error: FriendlyError | undefined;
  dismissError(): void;
  /** Resolves to the task's result, or undefined when it failed (the error is then shown). */
  run<T>(label: string, task: () => Promise<T>): Promise<T | undefined>;
}

export function useOperationRunner(): OperationRunner {
  const [running, setRunning] = useState(0);
  const [progressLabel, setProgressLabel] = useState<string>();
  const [error, setError] = useState<FriendlyError>();
  const latest = useRef(0);

  const run = useCallback(async <T,>(label: string, task: () => Promise<T>) => {
    const id = ++latest.current;
    setError(undefined);
    setRunning((n) => n + 1);
    const timer = setTimeout(() => latest.current === id && setProgressLabel(label), PROGRESS_DELAY_MS);
    try {
      return await task();
    } catch (thrown) {
      setError(describeError(thrown));
      return undefined;
    } finally {
      clearTimeout(timer);
      if (latest.current === id) setProgressLabel(undefined);
      setRunning((n) => n - 1);
    }
  }, []);

  const dismissError = useCallback(() => setError(undefined), []);
  return { busy: running > 0, progressLabel, error, dismissError, run };
}
