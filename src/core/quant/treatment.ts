/** What a treatment costs per year and what it returns: the cost-benefit figures finance asks for. */

export interface TreatmentCost {
  oneOff: number;
  annual: number;
  /** Years the one-off cost is spread over; blank or 0 counts it in full in one year. */
  amortiseYears?: number;
}

/** One-off ÷ years + annual. */
export function annualTreatmentCost({ oneOff, annual, amortiseYears }: TreatmentCost): number {
  const years = amortiseYears !== undefined && amortiseYears > 0 ? amortiseYears : 1;
  return oneOff / years + annual;
}

/** Return on security investment: (reduction − annual cost) ÷ annual cost; undefined when nothing is spent. */
export function rosi(reduction: number, annualCost: number): number | undefined {
  return annualCost > 0 ? (reduction - annualCost) / annualCost : undefined;
}
