/**
 * The Financial Range of an impact level as the Scales sheet words it ("< $10k", "$10k - $100k",
 * "> $10M", "1,000,000 to 5,000,000 EUR"), as numbers. An open end is undefined.
 */

export interface FinancialRange {
  min?: number;
  max?: number;
}

const SUFFIX: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

function amounts(text: string): number[] {
  const found: number[] = [];
  const pattern = /(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|mn|m|million|bn|b|billion)?\b/gi;
  for (const match of text.matchAll(pattern)) {
    const value = Number(match[1].replace(/,/g, ""));
    if (Number.isFinite(value)) found.push(value * (match[2] ? SUFFIX[match[2].toLowerCase()] : 1));
  }
  return found;
}

/** Undefined when the text holds no amount. */
export function parseFinancialRange(text: string): FinancialRange | undefined {
  const values = amounts(text);
  if (values.length === 0) return undefined;
  const trimmed = text.trim();
  if (values.length >= 2) return { min: Math.min(values[0], values[1]), max: Math.max(values[0], values[1]) };
  if (/^(<|≤|under|below|less than|up to)/i.test(trimmed)) return { max: values[0] };
  if (/^(>|≥|over|above|more than)|\+\s*$/i.test(trimmed)) return { min: values[0] };
  return { min: values[0], max: values[0] };
}

/** Whether a loss per event fits the range (open ends always fit). */
export function withinRange(loss: number, range: FinancialRange): boolean {
  return (range.min === undefined || loss >= range.min) && (range.max === undefined || loss <= range.max);
}
