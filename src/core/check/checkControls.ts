/** Check: problems in the control matrix (mapping IDs, missing mappings, unevidenced controls, lists), each pointing at its cell. */
import { CONTROL, CONTROL_STATUSES, EFFECTIVENESS, mappingColumnHeader } from "../blueprint/controlMatrix";
import { findRequirement } from "../catalogs";
import { splitMappingCell } from "../coverage";
import { FRAMEWORK_KEYS, type FrameworkKey } from "../frameworkKeys";
import type { CheckProblem } from "./checkRisks";
import { filledRows, RowView, TableData } from "./tableData";

const MATURITY_MIN = 0;
const MATURITY_MAX = 5;

type Report = (row: RowView, header: string, code: string, severity: CheckProblem["severity"], message: string) => void;

interface MappingColumn {
  key: FrameworkKey;
  header: string;
}

/** The framework mapping columns the table has, by their header (the framework's short name). */
function mappingColumnsOf(table: TableData): MappingColumn[] {
  const headers = new Set(table.headers.map((h) => h.trim().toLowerCase()));
  return FRAMEWORK_KEYS.map((key) => ({ key, header: mappingColumnHeader(key) })).filter((c) => headers.has(c.header.toLowerCase()));
}

function checkMappingCell(row: RowView, column: MappingColumn, label: string, report: Report): void {
  for (const typed of splitMappingCell(row.text(column.header))) {
    const requirement = findRequirement(column.key, typed);
    if (!requirement)
      report(row, column.header, "unknown-requirement", "error", `${label}: ${column.header} requirement "${typed}" does not exist.`);
    else if (requirement.id !== typed)
      report(row, column.header, "requirement-spelling", "warning", `${label}: ${column.header} requirement "${typed}" should be written "${requirement.id}".`);
  }
}

function isMaturity(value: unknown): boolean {
  const n = typeof value === "number" ? value : Number(String(value).trim());
  return Number.isInteger(n) && n >= MATURITY_MIN && n <= MATURITY_MAX;
}

export function checkControls(controls: TableData): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const report: Report = (row, header, code, severity, message) =>
    problems.push({ code, severity, sheet: controls.sheet, address: row.address(header), message });

  const rows = filledRows(controls);
  const has = new Set(controls.headers.map((h) => h.trim().toLowerCase()));
  const hasColumn = (header: string) => has.has(header.toLowerCase());
  const mappingColumns = mappingColumnsOf(controls);
  const idCount = new Map<string, number>();
  for (const row of rows) {
    const id = row.text(CONTROL.id).toLowerCase();
    if (id) idCount.set(id, (idCount.get(id) ?? 0) + 1);
  }
  const enumerated: Array<[string, readonly string[]]> = [
    [CONTROL.status, CONTROL_STATUSES],
    [CONTROL.effectiveness, EFFECTIVENESS],
  ];

  for (const row of rows) {
    const id = row.text(CONTROL.id);
    const label = id || `Row ${row.index + 1}`;
    if (!id) report(row, CONTROL.id, "blank-id", "error", `${label}: Control ID is blank.`);
    else if ((idCount.get(id.toLowerCase()) ?? 0) > 1) report(row, CONTROL.id, "duplicate-id", "error", `${label}: Control ID is used more than once.`);

    for (const column of mappingColumns) checkMappingCell(row, column, label, report);
    if (mappingColumns.length > 0 && mappingColumns.every((c) => row.text(c.header) === ""))
      report(row, mappingColumns[0].header, "no-mapping", "warning", `${label}: control is not mapped to any framework requirement.`);

    for (const [header, allowed] of enumerated) {
      const value = row.text(header);
      if (value && !allowed.some((a) => a.toLowerCase() === value.toLowerCase()))
        report(row, header, "outside-list", "error", `${label}: ${header} "${value}" is not one of ${allowed.join(", ")}.`);
    }
    const maturity = row.text(CONTROL.maturity);
    if (maturity && !isMaturity(row.get(CONTROL.maturity)))
      report(row, CONTROL.maturity, "outside-scale", "error", `${label}: Maturity "${maturity}" must be a whole number from ${MATURITY_MIN} to ${MATURITY_MAX}.`);

    if (row.text(CONTROL.status).toLowerCase() === "implemented") {
      if (hasColumn(CONTROL.evidence) && !row.text(CONTROL.evidence))
        report(row, CONTROL.evidence, "implemented-without-evidence", "warning", `${label}: control is Implemented but no evidence is recorded.`);
      if (hasColumn(CONTROL.lastTested) && !row.text(CONTROL.lastTested))
        report(row, CONTROL.lastTested, "implemented-untested", "warning", `${label}: control is Implemented but has no Last Tested date.`);
    }
  }
  return problems;
}
