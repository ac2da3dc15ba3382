/** Check: reads the register, assets, controls and scales in a few syncs and lists problems by cell. */
import { ASSETS_TABLE } from "../core/blueprint/assetInventory";
import { CONTROLS_TABLE } from "../core/blueprint/controlMatrix";
import { MAPPINGS_TABLE } from "../core/blueprint/mappingsSheet";
import { REQUIREMENTS_TABLE } from "../core/blueprint/requirementsSheet";
import { RISKS_TABLE } from "../core/blueprint/riskRegister";
import { SCALE_TABLES } from "../core/blueprint/scalesSheet";
import { checkControls } from "../core/check/checkControls";
import { checkMappings, checkRequirements } from "../core/check/checkCoverage";
import { checkRisks } from "../core/check/checkRisks";
import { filledRows } from "../core/check/tableData";
import { toExcelDate } from "../core/excelDate";
import type { Problem } from "./operations";
import { createSyncCounter } from "./syncCounter";
import { readWorkbookData } from "./workbookData";

export async function checkWorkbook(context: Excel.RequestContext, today = new Date()): Promise<Problem[]> {
  const data = await readWorkbookData(context, createSyncCounter(), [RISKS_TABLE, ASSETS_TABLE, CONTROLS_TABLE, MAPPINGS_TABLE, REQUIREMENTS_TABLE]);
  const risks = data.table(RISKS_TABLE);
  if (!risks) {
    return [{ code: "no-register", severity: "error", sheet: "", address: "", message: "There is no Risks table. Run Build from Set up first." }];
  }
  const categoriesTable = data.layout(SCALE_TABLES.categories);
  const controls = data.table(CONTROLS_TABLE);
  const riskProblems = checkRisks({
    risks,
    assets: data.table(ASSETS_TABLE),
    scales: data.scales,
    categories: categoriesTable?.body ? filledRows({ ...categoriesTable, rows: categoriesTable.body }).map((r) => r.text("Category")) : undefined,
    today: toExcelDate(today),
  });
  const mappings = data.table(MAPPINGS_TABLE);
  const requirements = data.table(REQUIREMENTS_TABLE);
  return [
    ...riskProblems,
    ...(controls ? checkControls(controls) : []),
    ...(mappings ? checkMappings(mappings, controls) : []),
    ...(requirements ? checkRequirements(requirements) : []),
  ];
}

export async function selectRange(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}
