/**
 * The headless calculator on the real workbook: the sample workbook built with calculation on must
 * show what the TypeScript core computes, exactly as the LibreOffice engine suite asserts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTROL, CONTROLS_TABLE } from "../../src/core/blueprint/controlMatrix";
import { MAPPING, MAPPINGS_TABLE } from "../../src/core/blueprint/mappingsSheet";
import { COVERAGE, COVERAGE_TABLE } from "../../src/core/blueprint/coverageSheet";
import { defaultOptions, type BuildOptions } from "../../src/core/blueprint/options";
import { REQUIREMENT, REQUIREMENTS_TABLE } from "../../src/core/blueprint/requirementsSheet";
import { RISK, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { getFramework } from "../../src/core/catalogs";
import { computeCoverage, isNotApplicable } from "../../src/core/coverage";
import { FRAMEWORK_KEYS } from "../../src/core/frameworkKeys";
import { ratingFor, riskScore } from "../../src/core/scoring";
import { buildWorkbook } from "../../src/excel/build";
import { createWorkbook, run, writeXlsx, type CellValue, type HeadlessWorkbook } from "../../src/headless";
import { EngineWorkbook } from "../engine/engineWorkbook";
import { verify } from "../engine/verify";

type Row = Record<string, CellValue>;

function tableRows(workbook: HeadlessWorkbook, name: string): Row[] {
  const table = workbook.getTable(name);
  if (!table) throw new Error(`No table ${name}`);
  const headers = table.columnNames();
  return table.bodyValues().map((values) => Object.fromEntries(headers.map((header, i) => [header, values[i]])));
}

function namedValues(workbook: HeadlessWorkbook, name: string): CellValue[][] {
  const formula = workbook.getName(name)?.formula ?? "";
  const [, sheet, address] = /^='?(.+?)'?!(.+)$/.exec(formula) ?? [];
  return workbook.sheet(sheet).valuesOf(address.replace(/\$/g, ""));
}

const sum = (grid: CellValue[][]): number => grid.flat().reduce<number>((total, value) => total + Number(value), 0);

const CASES: Array<[string, BuildOptions]> = [
  ["saas, 5×5, likelihood × impact", { ...defaultOptions("saas"), sample: true }],
  ["general, 5×5, lookup matrix", { ...defaultOptions("general"), method: "matrix", sample: true }],
  ["financial, 3×3", { ...defaultOptions("financial"), matrixSize: 3, sample: true }],
];

describe.each(CASES)("the sample workbook (%s) calculated on the headless host", (_name, options) => {
  let workbook: HeadlessWorkbook;

  beforeAll(async () => {
    workbook = createWorkbook({ calculate: true });
    await run(workbook, (context) => buildWorkbook(context, options, new Date(2026, 10, 23)));
  }, 60_000);

  const bands = () =>
    tableRows(workbook, "RatingBands").map((row) => ({ rating: String(row["Rating"]), min: Number(row["Min Score"]), max: Number(row["Max Score"]) }));

  it("scores and rates every risk as the core does", () => {
    const risks = tableRows(workbook, RISKS_TABLE);
    expect(risks.length).toBeGreaterThan(20);
    const matrix = options.method === "matrix" ? namedValues(workbook, "ScoreMatrix").map((row) => row.map(Number)) : undefined;
    for (const risk of risks) {
      const score = riskScore(Number(risk[RISK.inherentLikelihood]), Number(risk[RISK.inherentImpact]), matrix);
      expect({ id: risk[RISK.id], score: risk[RISK.inherentScore], rating: risk[RISK.inherentRating] }).toEqual({
        id: risk[RISK.id],
        score,
        rating: ratingFor(score, bands())?.rating,
      });
    }
  });

  it("counts every scored risk once in each heatmap", () => {
    const risks = tableRows(workbook, RISKS_TABLE);
    const scored = (column: string) => risks.filter((risk) => typeof risk[column] === "number").length;
    expect(sum(namedValues(workbook, "HeatmapInherent"))).toBe(scored(RISK.inherentScore));
    expect(sum(namedValues(workbook, "HeatmapResidual"))).toBe(scored(RISK.residualScore));
    expect(scored(RISK.residualScore)).toBeGreaterThan(0);
  });

  it("gives each framework the coverage the core computes", () => {
    const controls = tableRows(workbook, CONTROLS_TABLE);
    const requirements = tableRows(workbook, REQUIREMENTS_TABLE);
    const summary = tableRows(workbook, COVERAGE_TABLE);
    expect(summary.length).toBe(options.frameworks.length);
    for (const row of summary) {
      const key = FRAMEWORK_KEYS.find((k) => getFramework(k).shortName === row[COVERAGE.framework]);
      if (!key) throw new Error(`Unknown framework ${String(row[COVERAGE.framework])}`);
      const controlStates = controls.map((control) => ({
        id: String(control[CONTROL.id]),
        status: String(control[CONTROL.status]),
        effectiveness: String(control[CONTROL.effectiveness]),
      }));
      const mappingRows = tableRows(workbook, MAPPINGS_TABLE)
        .filter((m) => m[MAPPING.framework] === row[COVERAGE.framework])
        .map((m) => ({
          controlId: String(m[MAPPING.controlId]),
          requirementId: String(m[MAPPING.requirementId]),
          relationship: String(m[MAPPING.relationship]),
          jointlySufficient: String(m[MAPPING.jointlySufficient]),
        }));
      const applicability = new Map(
        requirements.filter((r) => r[REQUIREMENT.framework] === row[COVERAGE.framework]).map((r) => [String(r[REQUIREMENT.id]), !isNotApplicable(r[REQUIREMENT.applicable])]),
      );
      expect(row[COVERAGE.coverage]).toBeCloseTo(computeCoverage(key, mappingRows, controlStates, applicability).coverage, 12);
    }
  });

  it("evaluates no formula to an error except the ISMP.COVERAGE custom function (#NAME?)", () => {
    const errors: string[] = [];
    for (const sheet of workbook.sheets) {
      for (const [row, cells] of sheet.rows) {
        for (const [col, cell] of cells) {
          if (cell.formula && typeof cell.value === "string" && /^#[A-Z/0]+[!?A]?$/.test(cell.value)) errors.push(`${sheet.name}!${row},${col} ${cell.value} ${cell.formula.slice(0, 20)}`);
        }
      }
    }
    expect(errors).toHaveLength(options.frameworks.length);
    expect(errors.every((error) => / #NAME\? =ISMP\.COVERAGE\(/.test(error))).toBe(true);
  });

  it("passes the LibreOffice engine suite's oracle for every formula cell", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ismp-headless-calc-"));
    try {
      const path = join(dir, "calculated.xlsx");
      writeFileSync(path, await writeXlsx(workbook));
      const verification = verify(await EngineWorkbook.open(path));
      expect(verification.checked).toBe(verification.formulaCells);
      // The file carries each formula's value with its cell type (errors as t="e", 0 and "" kept), so the
      // oracle reads what LibreOffice would show: ISMP.COVERAGE's #NAME? included.
      expect(verification.mismatches).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
