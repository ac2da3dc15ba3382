/** The inputs of a loss estimate, checked with messages that name the field and say what is allowed. */

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export interface LossEstimate {
  frequency: number;
  low: number;
  high: number;
}

export interface EstimateLabels {
  frequency: string;
  low: string;
  high: string;
}

export const ESTIMATE_LABELS: EstimateLabels = { frequency: "Frequency", low: "Low", high: "High" };

/** "0.5", 12, " 3 " as numbers; anything else undefined. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function shown(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Frequency ≥ 0, Low > 0, High > Low. */
export function checkEstimate(frequency: unknown, low: unknown, high: unknown, labels: EstimateLabels = ESTIMATE_LABELS): Checked<LossEstimate> {
  const f = asNumber(frequency);
  if (f === undefined || f < 0) return { ok: false, message: `${labels.frequency} must be a number of events per year, 0 or more; got ${shown(frequency)}` };
  const l = asNumber(low);
  if (l === undefined || l <= 0) return { ok: false, message: `${labels.low} must be a loss above 0 (the 5th percentile of one event's loss); got ${shown(low)}` };
  const h = asNumber(high);
  if (h === undefined || h <= l) return { ok: false, message: `${labels.high} must be a loss above ${labels.low} (${l}), the 95th percentile of one event's loss; got ${shown(high)}` };
  return { ok: true, value: { frequency: f, low: l, high: h } };
}
