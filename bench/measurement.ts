/** One figure of the bench: a value, its unit and, when the issues set one, the target it must meet. */
export interface Measurement {
  name: string;
  /** null when the measurement was skipped (see `note`). */
  value: number | null;
  unit: string;
  /** Human-readable target, e.g. "≤ 3" or "< 4 MB". */
  target?: string;
  pass?: boolean;
  note?: string;
}

/** A numeric limit and how to print it. */
export interface Target {
  limit: number;
  inclusive: boolean;
  /** Printed limit when the unit needs scaling (bytes shown as MB). */
  label?: string;
  /** The figure must reach the limit rather than stay under it (quality scores). */
  floor?: boolean;
}

export const atMost = (limit: number, label?: string): Target => ({ limit, inclusive: true, label });
export const below = (limit: number, label?: string): Target => ({ limit, inclusive: false, label });
export const atLeast = (limit: number, label?: string): Target => ({ limit, inclusive: true, label, floor: true });

const sign = (target: Target) => (target.floor ? "≥" : target.inclusive ? "≤" : "<");

export function measured(name: string, value: number, unit: string, target?: Target): Measurement {
  if (!target) return { name, value, unit };
  const pass = target.floor ? value >= target.limit : target.inclusive ? value <= target.limit : value < target.limit;
  return { name, value, unit, target: `${sign(target)} ${target.label ?? target.limit}`, pass };
}

export function skipped(name: string, unit: string, reason: string, target?: Target): Measurement {
  const shown = target && `${sign(target)} ${target.label ?? target.limit}`;
  return { name, value: null, unit, target: shown, note: `skipped: ${reason}` };
}

/**
 * Wall time of `work` in milliseconds, with its result, and the process's CPU time over the same span
 * (user + system): on a busy machine wall time grows with other processes' load, CPU time much less.
 */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number; cpuMs: number }> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpuStart);
  return { result, ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export const MB = 1024 * 1024;
