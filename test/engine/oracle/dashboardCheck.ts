/**
 * Dashboard: each KPI against the core's computeKpis over the workbook's own rows, the tiles
 * showing those KPIs, the chart-data tables' counts and the subtitle.
 */
import { CHART_TABLES, DASHBOARD_SHEET, dashboardSheet, KPI_TABLE, kpiSpecs } from "../../../src/core/blueprint/dashboardSheet";
import { CONTROL, CONTROLS_TABLE } from "../../../src/core/blueprint/controlMatrix";
import { MAPPINGS_TABLE } from "../../../src/core/blueprint/mappingsSheet";
import { COVERAGE, COVERAGE_TABLE } from "../../../src/core/blueprint/coverageSheet";
import { ASSETS_TABLE } from "../../../src/core/blueprint/assetInventory";
import { REQUIREMENTS_TABLE } from "../../../src/core/blueprint/requirementsSheet";
import { RISK, RISKS_TABLE } from "../../../src/core/blueprint/riskRegister";
import type { TableData } from "../../../src/core/check/tableData";
import { isFrameworkKey, type FrameworkKey } from "../../../src/core/frameworkKeys";
import { computeKpis, type Kpis } from "../../../src/core/kpis";
import type { MatrixSize, Scales } from "../../../src/core/scales";
import type { EngineWorkbook, TableRow } from "../engineWorkbook";
import { rowExpectations, type SheetCheck } from "./check";
import { text, type CheckContext } from "./context";
import type { Expectation, ExpectedValue } from "./expectation";

function tableData(book: EngineWorkbook, name: string): TableData {
  const rows = book.table(name);
  const headers = rows.length > 0 ? Object.keys(rows[0]) : [];
  return { name, sheet: rows[0]?.[headers[0]]?.sheet ?? "", headerRow: 0, firstColumn: 0, headers, rows: rows.map((row) => headers.map((h) => row[h].value)) };
}

/** The workbook's scales in the core's shape (labels and colours do not affect any KPI). */
function coreScales({ scales }: CheckContext): Scales {
  const level = (n: number) => ({ level: n, label: "", description: "" });
  return {
    size: scales.likelihoodLevels.length as MatrixSize,
    method: scales.method,
    likelihood: scales.likelihoodLevels.map(level),
    impact: scales.likelihoodLevels.map((n) => ({ ...level(n), financialRange: "" })),
    bands: scales.bands.map((b) => ({ ...b, color: "#FFFFFF", action: "" })),
    appetite: scales.appetite,
    matrix: scales.grid.ok ? scales.grid.value : [],
  };
}

function frameworksOf(book: EngineWorkbook): FrameworkKey[] {
  return book.table(COVERAGE_TABLE).map((row) => {
    const key = text(row[COVERAGE.key].value);
    if (!isFrameworkKey(key)) throw new Error(`Coverage lists an unknown framework key "${key}"`);
    return key;
  });
}

const ratio = (value: number | undefined): ExpectedValue => (value === undefined ? "" : value);

function kpiValue(key: string, kpis: Kpis): ExpectedValue {
  const [kind, detail] = key.split(":");
  if (kind === "open") return kpis.openByRating[detail] ?? 0;
  if (kind === "coverage") return ratio(kpis.coverage[detail as FrameworkKey]);
  const scalar = kpis[kind as keyof Kpis];
  if (typeof scalar === "number" || scalar === undefined) return ratio(scalar);
  throw new Error(`No KPI value for ${key}`);
}

const countWhere = (rows: readonly TableRow[], column: string, value: string) => rows.filter((r) => text(r[column].value) === value).length;

export const dashboardCheck: SheetCheck = {
  sheet: DASHBOARD_SHEET,
  expectations: (context) => {
    const { book } = context;
    if (!book.hasTable(KPI_TABLE)) return [];
    const scales = coreScales(context);
    const frameworks = frameworksOf(book);
    const kpis = computeKpis({
      risks: tableData(book, RISKS_TABLE),
      assets: tableData(book, ASSETS_TABLE),
      controls: tableData(book, CONTROLS_TABLE),
      mappings: book.hasTable(MAPPINGS_TABLE) ? tableData(book, MAPPINGS_TABLE) : undefined,
      requirements: tableData(book, REQUIREMENTS_TABLE),
      frameworks,
      scales,
      today: context.today,
    });
    const specs = kpiSpecs(scales, frameworks);
    const kpiRows = book.table(KPI_TABLE);
    const values = specs.map((spec) => kpiValue(spec.key, kpis));
    const expectations: Expectation[] = kpiRows.map((row, i) => ({ cell: row["Value"], rule: `Kpis ${specs[i]?.key ?? `row ${i + 1}`}`, expected: values[i] }));

    // Tiles and subtitle sit where the blueprint puts them; their values are what is checked.
    const layout = dashboardSheet(scales, frameworks);
    for (const block of layout.blocks) {
      const formula = block.values[0]?.[0];
      const tile = typeof formula === "string" ? /^=\{cell:Kpis\[Value\]#(\d+)\}$/.exec(formula) : null;
      if (tile) expectations.push({ cell: book.cell(DASHBOARD_SHEET, block.address), rule: `Dashboard tile ${specs[Number(tile[1]) - 1].key}`, expected: values[Number(tile[1]) - 1] });
      else if (typeof formula === "string" && formula.startsWith("=")) {
        const today = new Date(Date.UTC(1899, 11, 30) + context.today * 86_400_000).toISOString().slice(0, 10);
        expectations.push({ cell: book.cell(DASHBOARD_SHEET, block.address), rule: "Dashboard subtitle", expected: `${organisationPrefix(text(book.nameValue("Organisation")))}Figures as of ${today}` });
      }
    }

    const risks = book.table(RISKS_TABLE);
    const controls = book.table(CONTROLS_TABLE);
    const ratingRows = book.table(CHART_TABLES.ratings);
    expectations.push(
      ...rowExpectations(CHART_TABLES.ratings, ratingRows, "Rating", (row) => {
        const band = scales.bands[ratingRows.indexOf(row)]?.rating ?? "";
        return { Rating: band, Inherent: countWhere(risks, RISK.inherentRating, band), Residual: countWhere(risks, RISK.residualRating, band) };
      }),
      ...rowExpectations(CHART_TABLES.statuses, book.table(CHART_TABLES.statuses), "Status", (row) => ({ Controls: countWhere(controls, CONTROL.status, text(row["Status"].value)) })),
      ...rowExpectations(CHART_TABLES.treatments, book.table(CHART_TABLES.treatments), "Treatment", (row) => ({ Risks: countWhere(risks, RISK.treatment, text(row["Treatment"].value)) })),
    );
    return expectations;
  },
};

/** The subtitle names the organisation only when Settings has one. */
function organisationPrefix(organisation: string): string {
  return organisation === "" ? "" : `${organisation}   ·   `;
}
