/** Check of the risk register alone (the workbook's Check runs every register: see checkWorkbook.ts). */
import { ASSET_INVENTORY } from "../blueprint/assetInventory";
import { nextReviewDate, reviewOverdue, RISK_REGISTER } from "../blueprint/riskRegister";
import { SCALE_TABLES } from "../blueprint/scalesSheet";
import { checkRegister, listKey, splitIds } from "../registers/checks";
import { Scales } from "../scales";
import type { CheckProblem } from "./problem";
import { TableData } from "./tableData";
import { registerContext } from "./checkWorkbook";

export type { CheckProblem } from "./problem";
export { nextReviewDate, reviewOverdue, splitIds };

export interface RiskCheckInput {
  risks: TableData;
  assets?: TableData;
  scales: Scales;
  /** Allowed categories (the Scales sheet's Categories table); undefined skips the check. */
  categories?: string[];
  /** Today as an Excel serial date. */
  today: number;
}

export function checkRisks(input: RiskCheckInput): CheckProblem[] {
  const tables = [input.risks, ...(input.assets ? [{ ...input.assets, name: ASSET_INVENTORY.table }] : [])];
  const lists = new Map(input.categories ? [[listKey(SCALE_TABLES.categories, "Category"), input.categories]] : []);
  const context = registerContext({ tables, lists, scales: input.scales, frameworks: [], today: input.today });
  return checkRegister(RISK_REGISTER, input.risks, context);
}
