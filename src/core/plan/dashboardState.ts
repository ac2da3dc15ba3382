/** What an existing Dashboard already shows, so an upgrade adds only what it lacks (see dashboardSheet's additions). */
import { parseRange } from "../a1";
import { addedKpiBlockName, DashboardState, KPI_BLOCK, LEGACY_KPI_TABLE, MAX_ADDED_KPI_BLOCKS } from "../blueprint/dashboardSheet";
import { findRowBlock, TableSnapshot, WorkbookSnapshot } from "./snapshot";

/** Every added KPI block name an upgrade may have created, for the snapshot read. */
export const ADDED_KPI_BLOCK_NAMES: readonly string[] = Array.from({ length: MAX_ADDED_KPI_BLOCKS }, (_, i) => addedKpiBlockName(i));

/**
 * The Dashboard's indicators, charts and last used row; undefined when the workbook has no
 * Dashboard, or when what it shows cannot be read (then nothing is added rather than duplicated).
 */
export function dashboardState(snapshot: WorkbookSnapshot): DashboardState | undefined {
  const main = findRowBlock(snapshot, KPI_BLOCK, LEGACY_KPI_TABLE);
  if (!main?.body) return undefined;
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === main.sheet.toLowerCase());
  if (!sheet?.charts) return undefined;
  const found = ADDED_KPI_BLOCK_NAMES.map((name) => findRowBlock(snapshot, name));
  const blocks = [main, ...found.filter((b): b is TableSnapshot => b !== undefined)];
  const lastRows = [
    ...blocks.map((b) => b.headerRow + b.bodyRows),
    ...[sheet.usedRange, sheet.printArea].flatMap((address) => (address ? address.split(",").map((area) => parseRange(area).end.row) : [])),
  ];
  return {
    indicators: blocks.flatMap(indicatorsOf),
    bandLabels: new Map(blocks.flatMap(bandRowsOf)),
    charts: sheet.charts,
    addedBlocks: found.reduce((n, b, i) => (b ? i + 1 : n), 0),
    lastRow: Math.max(...lastRows),
  };
}

function indicatorsOf(block: TableSnapshot): string[] {
  const column = Math.max(0, block.headers.findIndex((h) => h.trim().toLowerCase() === "indicator"));
  return (block.body ?? []).map((row) => String(row[column] ?? "")).filter((label) => label !== "");
}

/**
 * A rating band's indicator counts the band at a position of RatingBands (INDEX(RatingBands[Rating],2)):
 * that position, not its label, says which band a row is, so a band the analyst renamed is still known.
 */
const BAND_POSITION = /INDEX\(\s*[A-Za-z_\\][\w.]*\[\[?Rating\]?\]\s*,\s*(\d+)\s*\)/i;

function bandRowsOf(block: TableSnapshot): Array<[number, string]> {
  const at = (header: string) => block.headers.findIndex((h) => h.trim().toLowerCase() === header);
  const label = at("indicator");
  const value = at("value");
  if (label < 0 || value < 0 || !block.formulas) return [];
  return block.formulas.flatMap((row, i): Array<[number, string]> => {
    const m = BAND_POSITION.exec(String(row[value] ?? ""));
    const shown = String(block.body?.[i]?.[label] ?? "");
    return m && shown ? [[Number(m[1]), shown]] : [];
  });
}
