/**
 * The Scales sheet: the organisation's scoring method. Every score, rating, drop-down, colour and
 * review date in the workbook reads from here.
 */
import { columnIndex, columnLetter } from "../a1";
import { asLiteralText } from "../literalText";
import { DEFAULT_CURRENCY } from "../quant/currency";
import { Scales, SCORING_METHOD_LABELS } from "../scales";
import { RISK_CATEGORIES } from "./vocabulary";
import { SECTION, SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import { BlockSpec, NameSpec, RowBlockSpec, SheetSpec, TableSpec } from "./types";
import { KpiTarget, operationsScaleBlocks, operationsScaleTables } from "./operationsScales";

export const SCALES_SHEET = "Scales";
export const SCALE_TABLES = {
  likelihood: "LikelihoodScale",
  impact: "ImpactScale",
  bands: "RatingBands",
  categories: "Categories",
} as const;

/**
 * The settings are a plain range named SettingsList (header row Setting | Value, then one row per
 * setting), not a table: their Value cells mix typed values and a formula, which a table column
 * cannot hold (Excel's calculated-column AutoCorrect, office-js #5909, #2093). Versions before 0.2
 * kept them in the table Settings, which readers still accept.
 */
export const SETTINGS_BLOCK = "SettingsList";
export const LEGACY_SETTINGS_TABLE = "Settings";

/** Settings rows, in order; each gets a defined name pointing at its value cell. */
export const SETTINGS = [
  { setting: "Organisation", name: "Organisation" },
  { setting: "Risk Appetite", name: "RiskAppetite" },
  { setting: "Scoring Method", name: "ScoringMethod" },
  { setting: "Matrix Size", name: "MatrixSize" },
  { setting: "Currency", name: "Currency" },
] as const;

export const SCORE_MATRIX_NAME = "ScoreMatrix";
/** Where the editable score grid starts: its caption; the grid's header row sits one row below. */
const MATRIX_CAPTION = { column: "Q", row: 11 };

function likelihoodTable(scales: Scales): TableSpec {
  return {
    name: SCALE_TABLES.likelihood,
    anchor: "A4",
    style: TABLE_STYLE,
    columns: [
      { header: "Level", width: widthFor(6), horizontalAlignment: "Center" },
      { header: "Label", width: widthFor(14) },
      { header: "Description", width: widthFor(40), wrapText: true },
    ],
    seedRows: scales.likelihood.map((l) => ({ Level: l.level, Label: l.label, Description: l.description })),
  };
}

function impactTable(scales: Scales): TableSpec {
  return {
    name: SCALE_TABLES.impact,
    anchor: "E4",
    style: TABLE_STYLE,
    columns: [
      { header: "Level", width: widthFor(6), horizontalAlignment: "Center" },
      { header: "Label", width: widthFor(14) },
      { header: "Description", width: widthFor(40), wrapText: true },
      { header: "Financial Range", width: widthFor(16) },
    ],
    seedRows: scales.impact.map((l) => ({ Level: l.level, Label: l.label, Description: l.description, "Financial Range": l.financialRange })),
  };
}

function bandsTable(scales: Scales): TableSpec {
  const whole = (what: string) => ({
    rule: { kind: "whole" as const, min: 0, max: 10000 },
    error: { title: "Whole number", message: `${what} must be a whole number.` },
  });
  return {
    name: SCALE_TABLES.bands,
    anchor: "J4",
    style: TABLE_STYLE,
    columns: [
      { header: "Rating", width: widthFor(10) },
      { header: "Min Score", width: widthFor(9), horizontalAlignment: "Center", validation: whole("Min Score") },
      { header: "Max Score", width: widthFor(9), horizontalAlignment: "Center", validation: whole("Max Score") },
      { header: "Color", width: widthFor(9) },
      { header: "Review Every (days)", width: widthFor(11), horizontalAlignment: "Center", validation: whole("Review Every (days)") },
      { header: "Action", width: widthFor(36), wrapText: true },
    ],
    seedRows: scales.bands.map((b) => ({
      Rating: b.rating,
      "Min Score": b.min,
      "Max Score": b.max,
      Color: b.color,
      "Review Every (days)": b.reviewEveryDays,
      Action: b.action,
    })),
  };
}

function settingsBlock(scales: Scales, organisation: string): RowBlockSpec {
  const values: Record<string, string | number> = {
    Organisation: asLiteralText(organisation),
    "Risk Appetite": scales.appetite,
    "Scoring Method": SCORING_METHOD_LABELS[scales.method],
    "Matrix Size": `=MAX(${SCALE_TABLES.likelihood}[[Level]])`,
    // ISO 4217 code shown by every money format; Build re-applies the formats after it changes.
    Currency: DEFAULT_CURRENCY,
  };
  return {
    name: SETTINGS_BLOCK,
    anchor: "Q4",
    columns: [
      { header: "Setting", width: widthFor(16) },
      { header: "Value", width: widthFor(20) },
    ],
    rows: SETTINGS.map(({ setting }) => ({ Setting: setting, Value: values[setting] })),
    legacyTable: LEGACY_SETTINGS_TABLE,
  };
}

function categoriesTable(): TableSpec {
  return {
    name: SCALE_TABLES.categories,
    anchor: "Y4",
    style: TABLE_STYLE,
    columns: [{ header: "Category", width: widthFor(24) }],
    seedRows: RISK_CATEGORIES.map((Category) => ({ Category })),
  };
}

/** The lookup grid: rows are likelihood levels 1..N top to bottom, columns impact levels 1..N. */
function scoreMatrix(scales: Scales): { blocks: BlockSpec[]; name: NameSpec } {
  const n = scales.size;
  const left = columnIndex(MATRIX_CAPTION.column);
  const headerRow = MATRIX_CAPTION.row + 1;
  const gridLeft = columnLetter(left + 1);
  const gridRight = columnLetter(left + n);
  const firstRow = headerRow + 1;
  const lastRow = headerRow + n;
  return {
    blocks: [
      {
        address: `${MATRIX_CAPTION.column}${MATRIX_CAPTION.row}`,
        values: [["Score matrix (used when Scoring Method is \"Lookup matrix\"): rows = likelihood, columns = impact"]],
        format: SECTION,
      },
      {
        address: `${MATRIX_CAPTION.column}${headerRow}:${gridRight}${headerRow}`,
        values: [["L \\ I", ...scales.impact.map((l) => l.level)]],
        format: { bold: true, fill: "#D9E1F2", horizontalAlignment: "Center" },
      },
      {
        address: `${MATRIX_CAPTION.column}${firstRow}:${MATRIX_CAPTION.column}${lastRow}`,
        values: scales.likelihood.map((l) => [l.level]),
        format: { bold: true, fill: "#D9E1F2", horizontalAlignment: "Center" },
      },
      {
        address: `${gridLeft}${firstRow}:${gridRight}${lastRow}`,
        values: scales.matrix.map((row) => [...row]),
        format: { horizontalAlignment: "Center" },
      },
    ],
    name: {
      name: SCORE_MATRIX_NAME,
      formula: `='${SCALES_SHEET}'!$${gridLeft}$${firstRow}:$${gridRight}$${lastRow}`,
      comment: "Score lookup grid: row = likelihood level, column = impact level",
    },
  };
}

export function scalesSheet(scales: Scales, organisation: string, targets: readonly KpiTarget[] = []): SheetSpec {
  const matrix = scoreMatrix(scales);
  const settingNames: NameSpec[] = SETTINGS.map(({ setting, name }, i) => ({
    name,
    formula: `={cell:${SETTINGS_BLOCK}[Value]#${i + 1}}`,
    comment: `${setting}, from the settings on the Scales sheet`,
  }));
  return {
    key: "scales",
    name: SCALES_SHEET,
    tabColor: "#7F7F7F",
    ownerTable: SCALE_TABLES.bands,
    blocks: [
      { address: "A1", values: [["Risk scoring method"]], format: TITLE },
      {
        address: "A2",
        values: [[
          "Edit levels, labels, bands, colours and review cadences here: scores, ratings, drop-downs and review dates across the workbook follow. " +
            "Score = Likelihood x Impact, or the Score matrix below when Scoring Method is \"Lookup matrix\". " +
            "A score's rating is the band whose Min Score is the largest not above it (keep bands sorted by Min Score). " +
            "Risk Appetite is the highest residual score the organisation accepts. Run Build again after changing colours to recolour ratings.",
        ]],
        format: SUBTITLE,
      },
      ...matrix.blocks,
      ...operationsScaleBlocks(),
    ],
    tables: [likelihoodTable(scales), impactTable(scales), bandsTable(scales), categoriesTable(), ...operationsScaleTables(targets)],
    rowBlocks: [settingsBlock(scales, organisation)],
    names: [...settingNames, matrix.name],
    freeze: { rows: 4, columns: 0 },
    print: { orientation: "Landscape", fitToWidth: true },
  };
}
