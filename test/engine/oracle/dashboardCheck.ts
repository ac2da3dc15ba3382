/**
 * Dashboard: each KPI against the core's computeKpis over the workbook's own rows, the tiles
 * showing those KPIs, the chart-data tables' counts and the subtitle.
 */
import { AS_OF_FORMAT, CHART_BLOCKS, DASHBOARD_SHEET, dashboardSheet, KPI_BLOCK, kpiSpecs, targetTiles, tileState, TOP_LOSS_BLOCK, type KpiSpec } from "../../../src/core/blueprint/dashboardSheet";
import { LOSS_NAMES } from "../../../src/core/blueprint/lossExceedanceSheet";
import { QUANT, RISK_QUANT_TABLE } from "../../../src/core/blueprint/riskQuantSheet";
import { expectedQuant, expectedRanks } from "./riskQuantCheck";
import { CONTROL, CONTROLS_TABLE } from "../../../src/core/blueprint/controlMatrix";
import { MAPPINGS_TABLE } from "../../../src/core/blueprint/mappingsSheet";
import { COVERAGE, COVERAGE_TABLE } from "../../../src/core/blueprint/coverageSheet";
import { ASSETS_TABLE } from "../../../src/core/blueprint/assetInventory";
import { REQUIREMENTS_TABLE } from "../../../src/core/blueprint/requirementsSheet";
import { RISK, RISKS_TABLE } from "../../../src/core/blueprint/riskRegister";
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "../../../src/core/blueprint/operationsScales";
import { filledRows } from "../../../src/core/check/tableData";
import { OPTIONAL_REGISTER_KEYS, OPTIONAL_REGISTERS } from "../../../src/core/registers";
import { computeContext, engineTableData } from "./registersCheck";
import { isFrameworkKey, type FrameworkKey } from "../../../src/core/frameworkKeys";
import { computeKpis, type Kpis } from "../../../src/core/kpis";
import type { MatrixSize, Scales } from "../../../src/core/scales";
import type { EngineWorkbook, TableRow } from "../engineWorkbook";
import { rowExpectations, type SheetCheck } from "./check";
import { text, type CheckContext } from "./context";
import type { Expectation, ExpectedValue } from "./expectation";

const tableData = engineTableData;

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
  if (kind === "ops") return ratio(kpis.operations[key]);
  if (kind === "gov") return ratio(kpis.governance[key]);
  if (kind === "prog") return ratio(kpis.program[key]);
  const scalar = kpis[kind as keyof Kpis];
  if (typeof scalar === "number" || scalar === undefined) return ratio(scalar);
  throw new Error(`No KPI value for ${key}`);
}

const countWhere = (rows: readonly TableRow[], column: string, value: string) => rows.filter((r) => text(r[column].value) === value).length;

/** The core's KPIs over the workbook's own rows, with the scales, frameworks and registers they were computed for. */
export function coreKpis(context: CheckContext): { kpis: Kpis; specs: KpiSpec[]; scales: Scales; frameworks: FrameworkKey[]; registers: typeof OPTIONAL_REGISTER_KEYS[number][] } {
  const { book } = context;
  const scales = coreScales(context);
  const frameworks = frameworksOf(book);
  const registers = OPTIONAL_REGISTER_KEYS.filter((key) => book.hasTable(OPTIONAL_REGISTERS[key].table));
  const kpis = computeKpis({
    risks: tableData(book, RISKS_TABLE),
    assets: tableData(book, ASSETS_TABLE),
    controls: tableData(book, CONTROLS_TABLE),
    mappings: book.hasTable(MAPPINGS_TABLE) ? tableData(book, MAPPINGS_TABLE) : undefined,
    requirements: tableData(book, REQUIREMENTS_TABLE),
    frameworks,
    scales,
    today: context.today,
    now: context.now,
    registers,
    tables: computeContext(context).tables,
    riskQuant: book.hasTable(RISK_QUANT_TABLE) ? tableData(book, RISK_QUANT_TABLE) : undefined,
    lossP90: book.hasName(LOSS_NAMES.p90Residual) && typeof book.nameValue(LOSS_NAMES.p90Residual) === "number" ? (book.nameValue(LOSS_NAMES.p90Residual) as number) : undefined,
  });
  return { kpis, specs: kpiSpecs(scales, frameworks, registers), scales, frameworks, registers };
}

export const dashboardCheck: SheetCheck = {
  sheet: DASHBOARD_SHEET,
  expectations: (context) => {
    const { book } = context;
    if (!book.hasName(KPI_BLOCK)) return [];
    const { kpis, specs, scales } = coreKpis(context);
    const kpiRows = book.block(KPI_BLOCK);
    const values = specs.map((spec) => kpiValue(spec.key, kpis));
    const expectations: Expectation[] = kpiRows.map((row, i) => ({ cell: row["Value"], rule: `${KPI_BLOCK} ${specs[i]?.key ?? `row ${i + 1}`}`, expected: values[i] }));

    // Tiles and subtitles sit where the blueprint puts them; their values are what is checked.
    const layout = dashboardSheet(scales, specs);
    const tiles = targetTiles(specs);
    expectations.push(...targetTileExpectations(book, specs, values));
    const targetCells = new Set(tiles.flatMap((t) => [t.target, t.state]));
    const tileToken = new RegExp(`^=\\{cell:${KPI_BLOCK}\\[Value\\]#(\\d+)\\}$`);
    for (const block of layout.blocks) {
      if (targetCells.has(block.address)) continue;
      const formula = block.values[0]?.[0];
      const tile = typeof formula === "string" ? tileToken.exec(formula) : null;
      const cell = book.cell(DASHBOARD_SHEET, block.address);
      if (tile) expectations.push({ cell, rule: `Dashboard tile ${specs[Number(tile[1]) - 1].key}`, expected: values[Number(tile[1]) - 1] });
      else if (block.format?.numberFormat === AS_OF_FORMAT) expectations.push({ cell, rule: "Dashboard date (a number format, not TEXT)", expected: context.today });
      else if (typeof formula === "string" && formula.startsWith("=")) {
        expectations.push({ cell, rule: "Dashboard organisation", expected: text(book.nameValue("Organisation")) });
      }
    }

    const risks = book.table(RISKS_TABLE);
    const controls = book.table(CONTROLS_TABLE);
    const ratingRows = book.block(CHART_BLOCKS.ratings);
    expectations.push(
      ...rowExpectations(CHART_BLOCKS.ratings, ratingRows, "Rating", (row) => {
        const band = scales.bands[ratingRows.indexOf(row)]?.rating ?? "";
        return { Rating: band, Inherent: countWhere(risks, RISK.inherentRating, band), Residual: countWhere(risks, RISK.residualRating, band) };
      }),
      ...rowExpectations(CHART_BLOCKS.statuses, book.block(CHART_BLOCKS.statuses), "Status", (row) => ({ Controls: countWhere(controls, CONTROL.status, text(row["Status"].value)) })),
      ...rowExpectations(CHART_BLOCKS.treatments, book.block(CHART_BLOCKS.treatments), "Treatment", (row) => ({ Risks: countWhere(risks, RISK.treatment, text(row["Treatment"].value)) })),
    );
    if (book.hasName(TOP_LOSS_BLOCK)) {
      // The five highest residual ALEs, from the closed form and the rank worked out here.
      const quantRows = book.hasTable(RISK_QUANT_TABLE) ? book.table(RISK_QUANT_TABLE) : [];
      const ranks = expectedRanks(quantRows.map(expectedQuant));
      const titles = new Map(risks.map((r) => [text(r[RISK.id].value), text(r[RISK.title].value)]));
      expectations.push(
        ...rowExpectations(TOP_LOSS_BLOCK, book.block(TOP_LOSS_BLOCK), "Rank", (row) => {
          const at = ranks.indexOf(Number(row["Rank"].value));
          if (at < 0) return { Risk: "", "Residual ALE": "" };
          const id = text(quantRows[at][QUANT.id].value);
          return { Risk: `${id} ${(titles.get(id) ?? "").slice(0, 40)}`, "Residual ALE": expectedQuant(quantRows[at]).residualAle };
        }),
      );
    }
    return expectations;
  },
};

/** Each Operations tile's target (KpiTargets as the workbook holds it) and its on-target state. */
function targetTileExpectations(book: EngineWorkbook, specs: readonly KpiSpec[], values: readonly ExpectedValue[]): Expectation[] {
  const targets = filledRows(engineTableData(book, OPERATIONS_SCALE_TABLES.kpiTargets));
  return targetTiles(specs).flatMap((tile) => {
    const spec = specs[tile.kpi];
    const row = targets.find((r) => r.text(OPS_SCALE.indicator).toLowerCase() === spec.label.toLowerCase());
    const typed = row?.get(OPS_SCALE.target);
    const target: ExpectedValue = typeof typed === "number" ? typed : typed === null || typed === undefined ? "" : typed;
    const lower = row?.text(OPS_SCALE.better).toLowerCase() === "lower";
    const value = values[tile.kpi];
    const state = tileState(value, target, lower);
    return [
      { cell: book.cell(DASHBOARD_SHEET, tile.target), rule: `Dashboard target of ${spec.key}`, expected: target },
      { cell: book.cell(DASHBOARD_SHEET, tile.state), rule: `Dashboard state of ${spec.key}`, expected: state },
    ];
  });
}
