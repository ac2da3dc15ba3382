/**
 * Top risks: a one-page summary for leadership of the open risks rated highest now (residual,
 * else inherent), ranked by formula so it reads without the add-in (Excel 2019+, LibreOffice 7.4).
 *
 * Rank k takes LARGE(Risks[Top Risk Key], k) and finds its register row with MATCH: the key is
 * unique per risk (riskHelpers.ts), so ties resolve by inherent score, then register order. Each
 * rank costs two passes over the register: linear in risks, with a fixed number of ranks.
 */
import { columnLetter } from "../a1";
import { RISK, RISKS_TABLE } from "./riskRegister";
import { RISK_HELPER } from "./riskHelpers";
import { SUBTITLE, TITLE, widthFor } from "./style";
import { BlockSpec, CellValue, SheetSpec, tableColumn } from "./types";
import { DATE_FORMAT } from "./vocabulary";

export const TOP_RISKS_SHEET = "Top Risks";
export const TOP_RISKS_NAME = "TopRisks";
/** Ranks listed: what fits one printed page with two-line titles. */
export const TOP_RISK_COUNT = 15;

/**
 * Columns of the summary, left to right, each read from the register row of its rank. Widths (in
 * characters) keep the page at 7 pt or more when it is fitted to one landscape page.
 */
export const TOP_RISK_COLUMNS = [
  { header: "Risk ID", source: RISK.id, width: 9 },
  { header: "Title", source: RISK.title, width: 34, wrap: true },
  { header: "Owner", source: RISK.owner, width: 16, wrap: true },
  { header: "Inherent Rating", source: RISK.inherentRating, width: 10 },
  { header: "Residual Rating", source: RISK.residualRating, width: 10 },
  { header: "Treatment", source: RISK.treatment, width: 10 },
  { header: "Target Date", source: RISK.targetDate, width: 10, date: true },
  { header: "Status", source: RISK.status, width: 12 },
] as const;

export const TOP_RISKS_LAYOUT = {
  headerRow: 4,
  firstRow: 5,
  rankColumn: "A",
  /** The register row of each rank: a helper right of the printed area. */
  rowColumn: columnLetter(TOP_RISK_COLUMNS.length + 2),
  rowHeader: "Register Row",
} as const;

const HEADER_FORMAT = { bold: true, fill: "#1F3864", fontColor: "#FFFFFF", wrapText: true, verticalAlignment: "Center" as const };
const ROW_HEIGHT = 30;

function rankFormulas(sheetRow: number): CellValue[] {
  const at = `$${TOP_RISKS_LAYOUT.rowColumn}${sheetRow}`;
  return TOP_RISK_COLUMNS.map(({ source, ...column }) => {
    const value = `INDEX(${tableColumn(RISKS_TABLE, source)},${at})`;
    return "date" in column ? `=IF(${at}="","",IF(${value}="","",${value}))` : `=IF(${at}="","",${value}&"")`;
  });
}

function registerRowFormula(sheetRow: number): string {
  const key = tableColumn(RISKS_TABLE, RISK_HELPER.topRiskKey);
  return `=IFERROR(MATCH(LARGE(${key},$${TOP_RISKS_LAYOUT.rankColumn}${sheetRow}),${key},0),"")`;
}

export function topRisksSheet(): SheetSpec {
  const { headerRow, firstRow, rowColumn, rowHeader } = TOP_RISKS_LAYOUT;
  const lastRow = firstRow + TOP_RISK_COUNT - 1;
  const lastColumn = columnLetter(TOP_RISK_COLUMNS.length);
  const blocks: BlockSpec[] = [
    { address: "A1", values: [["Top risks"]], format: TITLE },
    {
      address: "A2",
      values: [[`The ${TOP_RISK_COUNT} open risks rated highest now (residual rating, else inherent), then by inherent score. Updates with the Risk Register.`]],
      format: SUBTITLE,
    },
    { address: `A${headerRow}:${lastColumn}${headerRow}`, values: [["#", ...TOP_RISK_COLUMNS.map((c) => c.header)]], format: HEADER_FORMAT, rowHeight: ROW_HEIGHT },
    { address: `${rowColumn}${headerRow}`, values: [[rowHeader]], format: { bold: true, fontColor: "#7F7F7F" } },
  ];
  for (let k = 1; k <= TOP_RISK_COUNT; k++) {
    const row = firstRow + k - 1;
    const values: CellValue[] = [k, ...rankFormulas(row)];
    // One block per run of columns that share a number format (dates), left to right.
    let start = 0;
    while (start < values.length) {
      const isDate = (i: number) => i > 0 && "date" in TOP_RISK_COLUMNS[i - 1];
      let end = start;
      while (end + 1 < values.length && isDate(end + 1) === isDate(start)) end++;
      blocks.push({
        address: `${columnLetter(start)}${row}:${columnLetter(end)}${row}`,
        values: [values.slice(start, end + 1)],
        format: { verticalAlignment: "Top", wrapText: true, ...(isDate(start) ? { numberFormat: DATE_FORMAT, horizontalAlignment: "Left" as const } : {}) },
        rowHeight: ROW_HEIGHT,
      });
      start = end + 1;
    }
    blocks.push({ address: `${rowColumn}${row}`, values: [[registerRowFormula(row)]], format: { fontColor: "#7F7F7F", horizontalAlignment: "Center" } });
  }
  return {
    key: "topRisks",
    name: TOP_RISKS_SHEET,
    tabColor: "#C00000",
    ownerName: TOP_RISKS_NAME,
    blocks,
    tables: [],
    names: [{ name: TOP_RISKS_NAME, formula: `='${TOP_RISKS_SHEET}'!$A$${headerRow}:$${lastColumn}$${lastRow}`, comment: "The Top risks summary: rank, ID, title, owner, ratings, treatment, target date, status" }],
    columnWidths: [
      { column: "A", width: widthFor(3) },
      ...TOP_RISK_COLUMNS.map((c, i) => ({ column: columnLetter(i + 1), width: widthFor(c.width) })),
      { column: rowColumn, width: widthFor(12) },
    ],
    print: { orientation: "Landscape", fitToWidth: true, onePage: true, printArea: `A1:${lastColumn}${lastRow}`, titleRows: `$${headerRow}:$${headerRow}` },
  };
}
