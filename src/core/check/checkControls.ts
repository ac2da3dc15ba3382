/** Check of the control matrix alone: mapping IDs, missing mappings, unevidenced controls, lists. */
import { CONTROL_MATRIX, mappingColumnHeader } from "../blueprint/controlMatrix";
import { frameworkKeys } from "../frameworkKeys";
import { checkRegister } from "../registers/checks";
import { defaultScales } from "../scales";
import { registerContext } from "./checkWorkbook";
import type { CheckProblem } from "./problem";
import { TableData } from "./tableData";

/** The frameworks whose mapping column the table has (by header, the framework's short name). */
export function frameworksOfMatrix(table: Pick<TableData, "headers">) {
  const headers = new Set(table.headers.map((h) => h.trim().toLowerCase()));
  return frameworkKeys().filter((key) => headers.has(mappingColumnHeader(key).toLowerCase()));
}

export function checkControls(controls: TableData): CheckProblem[] {
  const context = registerContext({ tables: [controls], lists: new Map(), scales: defaultScales(), frameworks: frameworksOfMatrix(controls), today: 0 });
  return checkRegister(CONTROL_MATRIX, controls, context);
}
