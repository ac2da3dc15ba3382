/** One table row keyed by the exact column header. Blank text cells are "", blank numbers and dates are null. */
export type SampleRow = Record<string, string | number | null>;
