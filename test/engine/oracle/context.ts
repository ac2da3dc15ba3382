/**
 * The inputs every check computes from, read from the recalculated workbook itself: the Scales
 * sheet as the analyst left it, and the core's coverage of each framework over the Controls,
 * Mappings and Requirements tables.
 */
import { FRAMEWORK_KEYS, type FrameworkKey } from "../../../src/core/frameworkKeys";
import { getFramework } from "../../../src/core/catalogs";
import { CONTROL, CONTROLS_TABLE } from "../../../src/core/blueprint/controlMatrix";
import { MAPPING, MAPPINGS_TABLE } from "../../../src/core/blueprint/mappingsSheet";
import { REQUIREMENT, REQUIREMENTS_TABLE } from "../../../src/core/blueprint/requirementsSheet";
import { SCALE_TABLES, SCORE_MATRIX_NAME } from "../../../src/core/blueprint/scalesSheet";
import { computeCoverage, isNotApplicable, type CoverageResult } from "../../../src/core/coverage";
import { SCORING_METHOD_LABELS, type ScoringMethod } from "../../../src/core/scales";
import { validateMatrix, type BandRange, type Validation } from "../../../src/core/scoring";
import { toExcelDateTime } from "../../../src/core/excelDate";
import { todaySerial, type EngineWorkbook, type Scalar, type TableRow } from "../engineWorkbook";

export interface EngineBand extends BandRange {
  reviewEveryDays: number;
}

export interface EngineScales {
  bands: EngineBand[];
  appetite: number;
  method: ScoringMethod;
  /** ScoreMatrix as the sheet holds it, grid[likelihood-1][impact-1], or why it is not a score grid. */
  grid: Validation<number[][]>;
  likelihoodLevels: number[];
}

export interface CheckContext {
  book: EngineWorkbook;
  scales: EngineScales;
  today: number;
  /** Now as an Excel serial date-time (local time), for NOW() in the notification KPI. */
  now: number;
  /** The core's coverage per framework in the Requirements table, from the workbook's own rows. */
  coverage: Map<FrameworkKey, CoverageResult>;
}

export function asNumber(value: Scalar, what: string): number {
  if (typeof value !== "number") throw new Error(`${what} should be a number; the engine gave ${JSON.stringify(value)}`);
  return value;
}

export const text = (value: Scalar): string => (typeof value === "string" ? value : String(value));

function readScales(book: EngineWorkbook): EngineScales {
  const bands = book.table(SCALE_TABLES.bands).map((row) => ({
    rating: text(row["Rating"].value),
    min: asNumber(row["Min Score"].value, "Min Score"),
    max: asNumber(row["Max Score"].value, "Max Score"),
    reviewEveryDays: asNumber(row["Review Every (days)"].value, "Review Every (days)"),
  }));
  const methodLabel = text(book.nameValue("ScoringMethod"));
  const method = (Object.keys(SCORING_METHOD_LABELS) as ScoringMethod[]).find((m) => SCORING_METHOD_LABELS[m] === methodLabel);
  if (!method) throw new Error(`ScoringMethod holds an unknown method "${methodLabel}"`);
  return {
    bands,
    appetite: asNumber(book.nameValue("RiskAppetite"), "RiskAppetite"),
    method,
    grid: validateMatrix(book.name(SCORE_MATRIX_NAME).map((row) => row.map((cell) => cell.value))),
    likelihoodLevels: book.table(SCALE_TABLES.likelihood).map((row) => asNumber(row["Level"].value, "Likelihood level")),
  };
}

const KEY_BY_SHORT_NAME = new Map<string, FrameworkKey>(FRAMEWORK_KEYS.map((key) => [getFramework(key).shortName, key]));

export function frameworkKeyOf(shortName: string): FrameworkKey {
  const key = KEY_BY_SHORT_NAME.get(shortName);
  if (!key) throw new Error(`No framework is called "${shortName}"`);
  return key;
}

export function requirementRowsOf(requirements: readonly TableRow[], key: FrameworkKey): TableRow[] {
  const shortName = getFramework(key).shortName;
  return requirements.filter((row) => row[REQUIREMENT.framework].value === shortName);
}

function coverageOfFrameworks(book: EngineWorkbook): Map<FrameworkKey, CoverageResult> {
  const controls = book.table(CONTROLS_TABLE).map((control) => ({
    id: text(control[CONTROL.id].value),
    status: text(control[CONTROL.status].value),
    effectiveness: text(control[CONTROL.effectiveness].value),
  }));
  const mappings = book.table(MAPPINGS_TABLE);
  const requirements = book.table(REQUIREMENTS_TABLE);
  const keys = [...new Set(requirements.map((row) => frameworkKeyOf(text(row[REQUIREMENT.framework].value))))];
  return new Map(
    keys.map((key) => {
      const shortName = getFramework(key).shortName;
      const rows = mappings
        .filter((row) => text(row[MAPPING.framework].value) === shortName)
        .map((row) => ({
          controlId: text(row[MAPPING.controlId].value),
          requirementId: text(row[MAPPING.requirementId].value),
          relationship: text(row[MAPPING.relationship].value),
          jointlySufficient: text(row[MAPPING.jointlySufficient].value),
        }));
      const applicability = new Map(
        requirementRowsOf(requirements, key).map((row) => [text(row[REQUIREMENT.id].value), !isNotApplicable(row[REQUIREMENT.applicable].value)]),
      );
      return [key, computeCoverage(key, rows, controls, applicability)];
    }),
  );
}

export function checkContext(book: EngineWorkbook, now: Date = new Date()): CheckContext {
  return { book, scales: readScales(book), today: todaySerial(now), now: toExcelDateTime(now), coverage: coverageOfFrameworks(book) };
}
