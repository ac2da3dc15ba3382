/**
 * Every register the workbook can hold, each declared once (see types.ts). A new register is one
 * module with its declaration, listed here.
 */
import { ASSET_INVENTORY } from "../blueprint/assetInventory";
import { CONTROL_MATRIX } from "../blueprint/controlMatrix";
import { RISK_REGISTER } from "../blueprint/riskRegister";
import { ACCESS_REVIEWS } from "./accessReviews";
import { INCIDENTS } from "./incidents";
import { OptionalRegisterKey } from "./keys";
import { TRAINING_REGISTER } from "./training";
import { RISK_QUANT } from "../blueprint/riskQuantSheet";
import { RegisterDeclaration } from "./types";
import { VULNERABILITIES } from "./vulnerabilities";

/** Registers every workbook has. */
export const CORE_REGISTERS: readonly RegisterDeclaration[] = [RISK_REGISTER, ASSET_INVENTORY, CONTROL_MATRIX, RISK_QUANT];

/** The operations registers, which options and profiles choose, by key. */
export const OPTIONAL_REGISTERS: Readonly<Record<OptionalRegisterKey, RegisterDeclaration>> = {
  incidents: INCIDENTS,
  vulnerabilities: VULNERABILITIES,
  accessReviews: ACCESS_REVIEWS,
  training: TRAINING_REGISTER,
};

export const REGISTERS: readonly RegisterDeclaration[] = [...CORE_REGISTERS, ...Object.values(OPTIONAL_REGISTERS)];

/** The register whose table is `table` (case-insensitive). */
export function registerByTable(table: string): RegisterDeclaration | undefined {
  return REGISTERS.find((r) => r.table.toLowerCase() === table.toLowerCase());
}

export * from "./types";
export { columnOf, validationOf, numberFormatOf, fixedValues } from "./columns";
export { registerSheet, registerTable } from "./sheet";
export { checkRegister, listKey, splitIds } from "./checks";
export { REGISTER_TABLES } from "./tableNames";
export { OPTIONAL_REGISTER_KEYS, resolveRegisterKey, type OptionalRegisterKey } from "./keys";
