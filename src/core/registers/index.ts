/**
 * Every register the workbook can hold, each declared once (see types.ts). A new register is one
 * module with its declaration, listed here.
 */
import { ASSET_INVENTORY } from "../blueprint/assetInventory";
import { CONTROL_MATRIX } from "../blueprint/controlMatrix";
import { RISK_REGISTER } from "../blueprint/riskRegister";
import { ACCESS_REVIEWS } from "./accessReviews";
import { AUDIT_FINDINGS } from "./auditFindings";
import { POLICIES, POLICY_EXCEPTIONS } from "./policies";
import { VENDOR_ANSWERS_REGISTER, VENDOR_QUESTIONS_REGISTER, VENDORS } from "./vendors";
import { INCIDENTS } from "./incidents";
import { OptionalRegisterKey } from "./keys";
import { TRAINING_REGISTER } from "./training";
import { RISK_QUANT } from "../blueprint/riskQuantSheet";
import { RegisterDeclaration } from "./types";
import { VULNERABILITIES } from "./vulnerabilities";
import { MEETINGS_REGISTER } from "./meetings";
import { RACI_REGISTER } from "./raci";
import { RESOURCE_REQUESTS_REGISTER } from "./resourceRequests";
import { ROADMAP_REGISTER } from "./roadmap";
import { ROLES_REGISTER } from "./roles";

/** Registers every workbook has. */
export const CORE_REGISTERS: readonly RegisterDeclaration[] = [RISK_REGISTER, ASSET_INVENTORY, CONTROL_MATRIX, RISK_QUANT];

/** The operations registers, which options and profiles choose, by key. */
export const OPTIONAL_REGISTERS: Readonly<Record<OptionalRegisterKey, RegisterDeclaration>> = {
  incidents: INCIDENTS,
  vulnerabilities: VULNERABILITIES,
  accessReviews: ACCESS_REVIEWS,
  training: TRAINING_REGISTER,
};

/**
 * The governance registers every workbook has: the Program sheet's four (laid out side by side by
 * blueprint/programSheet.ts) and the Management Review's resource requests.
 */
export const GOVERNANCE_REGISTERS: readonly RegisterDeclaration[] = [ROADMAP_REGISTER, ROLES_REGISTER, RACI_REGISTER, MEETINGS_REGISTER, RESOURCE_REQUESTS_REGISTER];

/**
 * The program registers every workbook has beside the core three (policies, vendors, audit
 * findings): Build and upgrade add them to any workbook that lacks them, whatever it was built with.
 */
export const PROGRAM_REGISTERS: readonly RegisterDeclaration[] = [POLICIES, POLICY_EXCEPTIONS, VENDORS, VENDOR_QUESTIONS_REGISTER, VENDOR_ANSWERS_REGISTER, AUDIT_FINDINGS];

export const REGISTERS: readonly RegisterDeclaration[] = [...CORE_REGISTERS, ...Object.values(OPTIONAL_REGISTERS), ...GOVERNANCE_REGISTERS, ...PROGRAM_REGISTERS];

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
