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
import { checkPrint } from "../core/check/checkPrint";
import { DASHBOARD_SHEET } from "../core/blueprint/dashboardSheet";
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
import { readPrintedSheets } from "./printSetup";
import type { RequestContext } from "./officeApi";

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

/** The add-in's sheets that print a register or a dashboard: those holding its tables, and the Dashboard. */
function printedSheets(data: WorkbookData): string[] {
  const present = new Set(data.snapshot.sheets.map((s) => s.name));
  const sheets = new Set([...data.tables.values()].map((t) => t.sheet)).add(DASHBOARD_SHEET);
  return [...sheets].filter((s) => present.has(s));
}

export async function checkWorkbook(context: RequestContext, today = new Date()): Promise<Problem[]> {
  const sync = createSyncCounter();
  const data = await readWorkbookData(context, sync, [...REGISTERS.map((r) => r.table), MAPPINGS_TABLE, REQUIREMENTS_TABLE], { overrides: true });
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
  const printProblems = checkPrint(await readPrintedSheets(context, printedSheets(data), sync));
  return [...found, ...charterProblems, ...overrideProblems(data, REGISTERS.map((r) => r.table)), ...coverageProblems, ...currencyProblems, ...printProblems];
}

export async function selectRange(context: RequestContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}
