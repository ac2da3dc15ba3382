/**
 * Default risk scales for each supported matrix size. The workbook's Scales sheet is seeded from
 * these and is the source of truth afterwards: nothing else in the workbook hard-codes a size,
 * a band or a colour.
 */

export const MATRIX_SIZES = [3, 4, 5, 6] as const;
export type MatrixSize = (typeof MATRIX_SIZES)[number];
export const DEFAULT_MATRIX_SIZE: MatrixSize = 5;

export type ScoringMethod = "multiply" | "matrix";
export const SCORING_METHOD_LABELS: Record<ScoringMethod, string> = {
  multiply: "Likelihood x Impact",
  matrix: "Lookup matrix",
};

export interface ScaleLevel {
  level: number;
  label: string;
  description: string;
}

export interface ImpactLevel extends ScaleLevel {
  financialRange: string;
}

export interface RatingBand {
  rating: string;
  min: number;
  max: number;
  /** Fill colour as #RRGGBB. */
  color: string;
  reviewEveryDays: number;
  action: string;
}

export interface Scales {
  size: MatrixSize;
  method: ScoringMethod;
  likelihood: ScaleLevel[];
  impact: ImpactLevel[];
  bands: RatingBand[];
  /** Highest residual score the organisation accepts. */
  appetite: number;
  /** Score grid used by the "matrix" method: matrix[likelihood-1][impact-1]. */
  matrix: number[][];
}

const LIKELIHOOD: Record<MatrixSize, Array<[string, string]>> = {
  3: [
    ["Unlikely", "Not expected in the next 3 years"],
    ["Possible", "Could happen in the next 1-3 years"],
    ["Likely", "Expected within a year"],
  ],
  4: [
    ["Unlikely", "Not expected in the next 5 years"],
    ["Possible", "Could happen in the next 2-5 years"],
    ["Likely", "Expected within 1-2 years"],
    ["Almost certain", "Expected within a year, or already happening"],
  ],
  5: [
    ["Rare", "Only in exceptional circumstances; less than once in 10 years"],
    ["Unlikely", "Could happen once in 5-10 years"],
    ["Possible", "Could happen once in 2-5 years"],
    ["Likely", "Expected once in 1-2 years"],
    ["Almost certain", "Expected at least once a year, or already happening"],
  ],
  6: [
    ["Very rare", "Less than once in 20 years"],
    ["Rare", "Once in 10-20 years"],
    ["Unlikely", "Once in 5-10 years"],
    ["Possible", "Once in 2-5 years"],
    ["Likely", "Once in 1-2 years"],
    ["Almost certain", "At least once a year, or already happening"],
  ],
};

const IMPACT: Record<MatrixSize, Array<[string, string, string]>> = {
  3: [
    ["Minor", "Little effect on operations, customers or compliance", "< $50k"],
    ["Moderate", "Noticeable disruption, limited data exposure, reportable incident", "$50k - $1M"],
    ["Major", "Severe disruption, large breach, regulatory action", "> $1M"],
  ],
  4: [
    ["Minor", "Little effect; handled in normal operations", "< $10k"],
    ["Moderate", "Some disruption or limited data exposure", "$10k - $250k"],
    ["Major", "Significant outage, breach notification, customer loss", "$250k - $2M"],
    ["Severe", "Threatens the business, major regulatory sanctions", "> $2M"],
  ],
  5: [
    ["Insignificant", "No noticeable effect on operations or customers", "< $10k"],
    ["Minor", "Short disruption, internal data exposure, quickly contained", "$10k - $100k"],
    ["Moderate", "Service outage of hours, limited personal data exposed", "$100k - $1M"],
    ["Major", "Outage of days, notifiable breach, regulator interest", "$1M - $10M"],
    ["Severe", "Prolonged outage, large breach, sanctions, loss of key customers", "> $10M"],
  ],
  6: [
    ["Negligible", "No effect worth recording", "< $5k"],
    ["Insignificant", "No noticeable effect on operations or customers", "$5k - $25k"],
    ["Minor", "Short disruption, quickly contained", "$25k - $250k"],
    ["Moderate", "Outage of hours, limited personal data exposed", "$250k - $2M"],
    ["Major", "Outage of days, notifiable breach", "$2M - $20M"],
    ["Severe", "Threatens the business, sanctions, large breach", "> $20M"],
  ],
};

/** [Low max, Medium max, High max]; Critical runs to size². */
const BAND_LIMITS: Record<MatrixSize, [number, number, number]> = {
  3: [2, 4, 6],
  4: [3, 6, 11],
  5: [4, 9, 16],
  6: [5, 12, 24],
};

const BAND_STYLE: Array<Omit<RatingBand, "min" | "max">> = [
  { rating: "Low", color: "#A9D08E", reviewEveryDays: 365, action: "Accept and monitor; review yearly" },
  { rating: "Medium", color: "#FFE699", reviewEveryDays: 180, action: "Treat within 6 months or accept with owner sign-off" },
  { rating: "High", color: "#F4B183", reviewEveryDays: 90, action: "Treat within 90 days; report to management" },
  { rating: "Critical", color: "#C00000", reviewEveryDays: 30, action: "Escalate to leadership now; treat immediately" },
];

export function defaultBands(size: MatrixSize): RatingBand[] {
  const [low, medium, high] = BAND_LIMITS[size];
  const mins = [1, low + 1, medium + 1, high + 1];
  const maxes = [low, medium, high, size * size];
  return BAND_STYLE.map((style, i) => ({ ...style, min: mins[i], max: maxes[i] }));
}

export function defaultScales(size: MatrixSize = DEFAULT_MATRIX_SIZE, method: ScoringMethod = "multiply"): Scales {
  const bands = defaultBands(size);
  return {
    size,
    method,
    likelihood: LIKELIHOOD[size].map(([label, description], i) => ({ level: i + 1, label, description })),
    impact: IMPACT[size].map(([label, description, financialRange], i) => ({ level: i + 1, label, description, financialRange })),
    bands,
    appetite: bands[1].max,
    matrix: Array.from({ length: size }, (_, l) => Array.from({ length: size }, (_, i) => (l + 1) * (i + 1))),
  };
}

export function isMatrixSize(n: unknown): n is MatrixSize {
  return typeof n === "number" && (MATRIX_SIZES as readonly number[]).includes(n);
}
