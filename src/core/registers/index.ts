/**
 * Every register the workbook can hold, each declared once (see types.ts). A new register is one
 * module with its declaration, listed here.
 */
import { ASSET_INVENTORY } from "../blueprint/assetInventory";
import { CONTROL_MATRIX } from "../blueprint/controlMatrix";
import { RISK_REGISTER } from "../blueprint/riskRegister";
import { RISK_QUANT } from "../blueprint/riskQuantSheet";
import { RegisterDeclaration } from "./types";

/** Registers every workbook has. */
export const CORE_REGISTERS: readonly RegisterDeclaration[] = [RISK_REGISTER, ASSET_INVENTORY, CONTROL_MATRIX, RISK_QUANT];

export const REGISTERS: readonly RegisterDeclaration[] = [...CORE_REGISTERS];

/** The register whose table is `table` (case-insensitive). */
export function registerByTable(table: string): RegisterDeclaration | undefined {
  return REGISTERS.find((r) => r.table.toLowerCase() === table.toLowerCase());
}

export * from "./types";
export { columnOf, validationOf, numberFormatOf, fixedValues } from "./columns";
export { registerSheet, registerTable } from "./sheet";
export { checkRegister, listKey, splitIds } from "./checks";
export { REGISTER_TABLES } from "./tableNames";
