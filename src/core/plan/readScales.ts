/**
 * The scales as the workbook holds them now, read back from the Scales sheet's tables, so that a
 * re-run builds drop-downs, messages and colours from the analyst's edits rather than the defaults.
 */
import { LEGACY_SETTINGS_TABLE, SCALE_TABLES, SETTINGS, SETTINGS_BLOCK } from "../blueprint/scalesSheet";
import { CellValue } from "../blueprint/types";
import { ImpactLevel, isMatrixSize, RatingBand, ScaleLevel, Scales, ScoringMethod, SCORING_METHOD_LABELS } from "../scales";
import { findRowBlock, TableSnapshot, WorkbookSnapshot } from "./snapshot";

type Rows = Array<Record<string, CellValue>>;

function rowsOf(snapshot: WorkbookSnapshot, table: string): Rows | undefined {
  return bodyRows(snapshot.tables.find((x) => x.name.toLowerCase() === table.toLowerCase()));
}

function bodyRows(t: TableSnapshot | undefined): Rows | undefined {
  if (!t?.body) return undefined;
  return t.body
    .filter((row) => row.some((v) => v !== null && v !== ""))
    .map((row) => Object.fromEntries(t.headers.map((h, i) => [h, row[i] ?? null])));
}

const num = (v: CellValue): number => (typeof v === "number" ? v : Number(v));
const text = (v: CellValue): string => (v === null || v === undefined ? "" : String(v));

export function scalesFromSnapshot(snapshot: WorkbookSnapshot): Scales | undefined {
  const likelihoodRows = rowsOf(snapshot, SCALE_TABLES.likelihood);
  const impactRows = rowsOf(snapshot, SCALE_TABLES.impact);
  const bandRows = rowsOf(snapshot, SCALE_TABLES.bands);
  if (!likelihoodRows?.length || !impactRows?.length || !bandRows?.length) return undefined;

  const likelihood: ScaleLevel[] = likelihoodRows
    .map((r) => ({ level: num(r.Level), label: text(r.Label), description: text(r.Description) }))
    .filter((l) => Number.isInteger(l.level));
  const impact: ImpactLevel[] = impactRows
    .map((r) => ({ level: num(r.Level), label: text(r.Label), description: text(r.Description), financialRange: text(r["Financial Range"]) }))
    .filter((l) => Number.isInteger(l.level));
  const bands: RatingBand[] = bandRows.map((r) => ({
    rating: text(r.Rating),
    min: num(r["Min Score"]),
    max: num(r["Max Score"]),
    color: text(r.Color) || "#FFFFFF",
    reviewEveryDays: num(r["Review Every (days)"]),
    action: text(r.Action),
  }));
  const size = Math.max(...likelihood.map((l) => l.level));
  if (!isMatrixSize(size) || bands.length === 0) return undefined;

  const settings = settingsOf(snapshot);
  const methodLabel = text(settings.get(SETTINGS[2].setting) ?? "");
  const method: ScoringMethod = methodLabel === SCORING_METHOD_LABELS.matrix ? "matrix" : "multiply";
  const appetite = num(settings.get(SETTINGS[1].setting) ?? NaN);
  const matrix =
    snapshot.scoreMatrix?.map((row) => row.map(num)) ??
    Array.from({ length: size }, (_, l) => Array.from({ length: size }, (_, i) => (l + 1) * (i + 1)));
  return {
    size,
    method,
    likelihood,
    impact,
    bands,
    appetite: Number.isFinite(appetite) ? appetite : bands[Math.min(1, bands.length - 1)].max,
    matrix,
  };
}

/** Setting → value, from the settings block on the Scales sheet (or the Settings table of older workbooks). */
export function settingsOf(snapshot: WorkbookSnapshot): Map<string, CellValue> {
  const rows = bodyRows(findRowBlock(snapshot, SETTINGS_BLOCK, LEGACY_SETTINGS_TABLE)) ?? [];
  return new Map(rows.map((r) => [text(r.Setting), r.Value ?? null]));
}

/** The Organisation setting as the workbook holds it (workbooks that predate the settings memory). */
export function organisationFromSnapshot(snapshot: WorkbookSnapshot): string | undefined {
  const value = settingsOf(snapshot).get(SETTINGS[0].setting);
  return value === undefined || value === null ? undefined : text(value);
}
