/**
 * Calculated columns at the end of the Risks table that other sheets read, so each risk's work is
 * done once per risk instead of once per (risk × reader):
 *   Current Rating  residual rating, else inherent (what the risk is rated now)
 *   Top Risk Key    a unique sort key for open, scored risks: the Top risks sheet takes LARGE(…, k)
 *   High Asset 1..N the asset links Asset Inventory "Open High Risks" counts (see assetLinks.ts)
 */
import { Scales } from "../scales";
import { ASSET_LINK_SLOTS, highAssetHeader, nthIdFormula } from "./assetLinks";
import { RISK, RISKS_TABLE, ratingColours } from "./riskRegister";
import { SCALE_TABLES } from "./scalesSheet";
import type { FieldSpec } from "../registers/types";
import { tableColumn, thisRow } from "./types";

export const RISK_HELPER = {
  currentRating: "Current Rating",
  topRiskKey: "Top Risk Key",
} as const;

const r = (column: string) => thisRow(RISKS_TABLE, column);

/** The top two rating bands ("High" and "Critical" by default), whatever the analyst calls them. */
export function topBandsFormula(): [string, string] {
  const rating = tableColumn(SCALE_TABLES.bands, "Rating");
  return [`INDEX(${rating},ROWS(${rating}))`, `INDEX(${rating},ROWS(${rating})-1)`];
}

/**
 * Top Risk Key = current score × 10^11 + inherent score × 10^7 + (10^7 − sheet row): higher current
 * score first, then higher inherent score, then register order. Exact in a double for scores below
 * 10,000 and any sheet row. Closed and unscored risks get "" (LARGE skips text).
 */
export const TOP_RISK_KEY_WEIGHTS = { current: 1e11, inherent: 1e7, rows: 1e7 } as const;

function topRiskKeyFormula(): string {
  const current = `IF(${r(RISK.residualScore)}<>"",${r(RISK.residualScore)},${r(RISK.inherentScore)})`;
  const inherent = `N(${r(RISK.inherentScore)})`;
  return (
    `=IF(OR(${r(RISK.status)}="Closed",${current}=""),"",` +
    `${current}*${TOP_RISK_KEY_WEIGHTS.current}+${inherent}*${TOP_RISK_KEY_WEIGHTS.inherent}+${TOP_RISK_KEY_WEIGHTS.rows}-ROW())`
  );
}

/**
 * The k-th listed asset of an open risk rated in the top two bands; "" otherwise or when an earlier
 * slot holds it. The string work sits behind an IF (OR evaluates every argument; IF only the branch
 * taken), so the rows that are closed or not highly rated (most of a register) skip it.
 */
function highAssetFormula(k: number): string {
  const [top, second] = topBandsFormula();
  const rating = r(RISK_HELPER.currentRating);
  const id = nthIdFormula(r(RISK.assetIds), k);
  const skip = `OR(${r(RISK.status)}="Closed",AND(${rating}<>${top},${rating}<>${second}))`;
  if (k === 1) return `=IF(${skip},"",${id})`;
  const repeats = Array.from({ length: k - 1 }, (_, i) => `${id}=${r(highAssetHeader(i + 1))}`);
  return `=IF(${skip},"",IF(OR(${repeats.join(",")}),"",${id}))`;
}

export function riskHelperFields(scales: Scales): FieldSpec[] {
  const text = { kind: "text" } as const;
  return [
    {
      header: RISK_HELPER.currentRating,
      type: text,
      width: 9,
      align: "Center",
      formula: `=IF(${r(RISK.residualRating)}<>"",${r(RISK.residualRating)},${r(RISK.inherentRating)})`,
      conditionalFormats: ratingColours(RISK_HELPER.currentRating, scales),
    },
    { header: RISK_HELPER.topRiskKey, type: { kind: "decimal" }, width: 16, align: "Center", numberFormat: "0", formula: topRiskKeyFormula() },
    ...Array.from({ length: ASSET_LINK_SLOTS }, (_, i): FieldSpec => ({ header: highAssetHeader(i + 1), type: text, width: 9, align: "Center", formula: highAssetFormula(i + 1) })),
  ];
}
