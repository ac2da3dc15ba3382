/** Check: reads every register and the scales in a few syncs and lists problems by cell. */
import { CONTROLS_TABLE } from "../core/blueprint/controlMatrix";
import { MAPPINGS_TABLE } from "../core/blueprint/mappingsSheet";
import { REQUIREMENTS_TABLE } from "../core/blueprint/requirementsSheet";
import { RISKS_TABLE } from "../core/blueprint/riskRegister";
import { LEGACY_SETTINGS_TABLE, SETTINGS_BLOCK } from "../core/blueprint/scalesSheet";
import { checkCurrency } from "../core/check/checkCurrency";
import { checkMappings, checkMatrixMappings, checkRequirements } from "../core/check/checkCoverage";
import { checkWorkbookTables } from "../core/check/checkWorkbook";
import { checkCharter } from "../core/check/checkCharter";
import { CHARTER_BLOCK } from "../core/blueprint/programSheet";
import { findRowBlock } from "../core/plan/snapshot";
import { filledRows } from "../core/check/tableData";
import { toExcelDate, toExcelDateTime } from "../core/excelDate";
import { REGISTERS } from "../core/registers";
import { listKey } from "../core/registers/checks";
import type { Problem } from "./operations";
import { overrideProblems } from "./overrides";
import { createSyncCounter } from "./syncCounter";
import { readWorkbookData, WorkbookData } from "./workbookData";

/** Every Scales-table column a register's drop-down reads, as "table[column]" → the values the workbook holds. */
function scaleLists(data: WorkbookData): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const register of REGISTERS) {
    for (const field of register.fields({ scales: data.scales, frameworks: data.frameworks })) {
      if (field.type.kind !== "scaleChoice") continue;
      const { table, column } = field.type;
      const layout = data.layout(table);
      if (!layout?.body) continue;
      lists.set(listKey(table, column), filledRows({ ...layout, rows: layout.body }).map((r) => r.text(column)).filter((v) => v !== ""));
    }
  }
  return lists;
}

export async function checkWorkbook(context: Excel.RequestContext, today = new Date()): Promise<Problem[]> {
  const data = await readWorkbookData(context, createSyncCounter(), [...REGISTERS.map((r) => r.table), MAPPINGS_TABLE, REQUIREMENTS_TABLE], { overrides: true });
  if (!data.table(RISKS_TABLE)) {
    return [{ code: "no-register", severity: "error", sheet: "", address: "", message: "There is no Risks table. Run Build from Set up first." }];
  }
  const settings = findRowBlock(data.snapshot, SETTINGS_BLOCK, LEGACY_SETTINGS_TABLE);
  const currencyProblems = checkCurrency(settings?.body ? { ...settings, rows: settings.body } : undefined);
  const mappings = data.table(MAPPINGS_TABLE);
  const requirements = data.table(REQUIREMENTS_TABLE);
  const controls = data.table(CONTROLS_TABLE);
  const coverageProblems = [
    ...(mappings ? checkMappings(mappings, controls) : []),
    ...(mappings && controls ? checkMatrixMappings(controls, mappings) : []),
    ...(requirements ? checkRequirements(requirements) : []),
  ];
  const found = checkWorkbookTables({
    tables: [...data.tables.values()],
    lists: scaleLists(data),
    scales: data.scales,
    frameworks: data.frameworks,
    today: toExcelDate(today),
    now: toExcelDateTime(today),
  });
  const charter = findRowBlock(data.snapshot, CHARTER_BLOCK);
  const charterProblems = checkCharter(charter?.body ? { ...charter, rows: charter.body } : undefined, toExcelDate(today));
  return [...found, ...charterProblems, ...overrideProblems(data, REGISTERS.map((r) => r.table)), ...coverageProblems, ...currencyProblems];
}

export async function selectRange(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}
