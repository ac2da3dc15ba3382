/**
 * Risk → asset links that native COUNTIF can count, so "Open High Risks" per asset costs one
 * COUNTIF over a few helper columns instead of a string search of every risk's Asset IDs text.
 *
 * Each risk carries ASSET_LINK_SLOTS helper columns ("High Asset 1".."High Asset N"): the k-th ID
 * its "Asset IDs" cell lists, but only while the risk is open and currently rated in one of the two
 * highest bands (else ""). An asset's count is then COUNTIF(Risks[[High Asset 1]:[High Asset N]], id).
 *
 * Why this shape (measured in LibreOffice 7.4, docs/ARCHITECTURE.md "Formula cost (#16)"): the old
 * SUMPRODUCT(ISNUMBER(FIND(…))) did assets × risks string searches (82 of 95 s at 10,000 risks).
 * LibreOffice 7.4 has no sorted-range cache for COUNTIF (compiled out, tdf#151958), so any
 * per-asset COUNTIF still visits every risk row; what matters is the cost of a visit. A plain
 * equality criterion over one block of helper cells is the cheapest visit we measured: about 4×
 * cheaper than a "*;id;*" wildcard over one delimited column, and 3× cheaper than COUNTIFS with
 * the open/high condition as a second criterion range (a second range doubles the visits). Three
 * single-column COUNTIFs cost the same as one over the three columns (no sorted cache for a
 * single column either: 56.3 s against 56.9 s at 10,000 risks, bench/engineFamilies.ts).
 */
/** How many of a risk's assets count toward Open High Risks; Check warns about a risk that lists more. */
export const ASSET_LINK_SLOTS = 3;

export const highAssetHeader = (slot: number): string => `High Asset ${slot}`;
export const HIGH_ASSET_HEADERS: readonly string[] = Array.from({ length: ASSET_LINK_SLOTS }, (_, i) => highAssetHeader(i + 1));

/** Longest asset ID the slot formulas split correctly (MID over REPT padding). */
export const MAX_ASSET_ID_LENGTH = 98;
const PAD = MAX_ASSET_ID_LENGTH + 1;

/**
 * The formula's reading of an "Asset IDs" cell: spaces removed, commas and line breaks count as
 * ";", then the IDs at positions 1..N (blank positions stay blank), upper-cased, repeats dropped.
 * Keep in step with slotFormula below.
 */
export function linkedAssetKeys(text: string): string[] {
  const positions = text.replace(/ /g, "").replace(/[,\n]/g, ";").split(";").slice(0, ASSET_LINK_SLOTS);
  const keys: string[] = [];
  for (const token of positions.map((t) => t.toUpperCase())) if (token !== "" && !keys.includes(token)) keys.push(token);
  return keys;
}

/** Number of IDs a cell lists beyond the counted slots (Check reports them). */
export function uncountedAssetIds(text: string): string[] {
  return text.replace(/ /g, "").replace(/[,\n]/g, ";").split(";").slice(ASSET_LINK_SLOTS).filter((t) => t !== "");
}

/** The normalised list as one formula: "A-01; A-03" → "A-01;A-03". */
export function normalisedIds(assetIds: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${assetIds}," ",""),",",";"),CHAR(10),";")`;
}

/** The k-th ID of the normalised list (1-based), "" past the end: the classic REPT/MID split. */
export function nthIdFormula(assetIds: string, k: number): string {
  return `TRIM(MID(SUBSTITUTE(${normalisedIds(assetIds)},";",REPT(" ",${PAD})),${(k - 1) * PAD + 1},${PAD}))`;
}

/** A criterion that matches `value` literally: "=" first, wildcard characters escaped. */
export function literalCriterion(value: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${value},"~","~~"),"*","~*"),"?","~?")`;
}
