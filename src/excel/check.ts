/** Check: reads the register, assets, controls and scales in a few syncs and lists problems by cell. */
import { ASSETS_TABLE } from "../core/blueprint/assetInventory";
import { CONTROLS_TABLE } from "../core/blueprint/controlMatrix";
import { RISKS_TABLE } from "../core/blueprint/riskRegister";
import { SCALE_TABLES, SCORE_MATRIX_NAME } from "../core/blueprint/scalesSheet";
import { checkControls } from "../core/check/checkControls";
import { checkRisks } from "../core/check/checkRisks";
import { filledRows } from "../core/check/tableData";
import { scalesFromSnapshot } from "../core/plan/readScales";
import { toExcelDate } from "../core/excelDate";
import { defaultScales } from "../core/scales";
import type { Problem } from "./operations";
import { readTables } from "./readTables";
import { readSnapshot } from "./snapshot";
import { createSyncCounter } from "./syncCounter";

const SCALE_TABLE_NAMES = [SCALE_TABLES.likelihood, SCALE_TABLES.impact, SCALE_TABLES.bands, SCALE_TABLES.settings, SCALE_TABLES.categories];

export async function checkWorkbook(context: Excel.RequestContext, today = new Date()): Promise<Problem[]> {
  const sync = createSyncCounter();
  const snapshot = await readSnapshot(
    context,
    { tables: [RISKS_TABLE, ASSETS_TABLE, CONTROLS_TABLE, ...SCALE_TABLE_NAMES], fullTables: SCALE_TABLE_NAMES, sheets: [], gridName: SCORE_MATRIX_NAME },
    sync,
  );
  const find = (name: string) => snapshot.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const risks = find(RISKS_TABLE);
  if (!risks) {
    return [{ code: "no-register", severity: "error", sheet: "", address: "", message: "There is no Risks table. Run Build from Set up first." }];
  }
  const data = await readTables(context, [risks, find(ASSETS_TABLE), find(CONTROLS_TABLE)].filter((t) => t !== undefined), sync);
  const categoriesTable = find(SCALE_TABLES.categories);
  const controls = data.get(CONTROLS_TABLE.toLowerCase());
  const riskProblems = checkRisks({
    risks: data.get(RISKS_TABLE.toLowerCase())!,
    assets: data.get(ASSETS_TABLE.toLowerCase()),
    scales: scalesFromSnapshot(snapshot) ?? defaultScales(),
    categories: categoriesTable?.body ? filledRows({ ...categoriesTable, rows: categoriesTable.body }).map((r) => r.text("Category")) : undefined,
    today: toExcelDate(today),
  });
  return controls ? [...riskProblems, ...checkControls(controls)] : riskProblems;
}

export async function selectRange(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}
