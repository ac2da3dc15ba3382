/**
 * Framework keys. The built-in ones are a fixed, typed list (catalog content lives in ./catalogs);
 * a framework the user adds from a file gets a validated custom key (see catalogs/customFramework.ts)
 * and its catalog lives in their workbook, never in this project.
 */
export const FRAMEWORK_KEYS = ["ISO27001", "NISTCSF", "SOC2", "HIPAA", "NIST80053", "NIST800171", "NIST800171R3", "CMMCL1", "GLBA", "GDPR"] as const;
export type BuiltInFrameworkKey = (typeof FRAMEWORK_KEYS)[number];

declare const customKeyBrand: unique symbol;
/** The key of a framework added from a file: upper case, checked by `customFrameworkKey`, never a built-in key. */
export type CustomFrameworkKey = string & { readonly [customKeyBrand]: true };
export type FrameworkKey = BuiltInFrameworkKey | CustomFrameworkKey;

export function isBuiltInFrameworkKey(value: unknown): value is BuiltInFrameworkKey {
  return typeof value === "string" && (FRAMEWORK_KEYS as readonly string[]).includes(value);
}

/** Custom frameworks of the workbook being worked on (set when its catalog is read: catalogs/index.ts). */
let customKeys: readonly CustomFrameworkKey[] = [];

export function setCustomFrameworkKeys(keys: readonly CustomFrameworkKey[]): void {
  customKeys = [...keys];
}

/** Every framework known now: the built-in ones in canonical order, then the workbook's own. */
export function frameworkKeys(): FrameworkKey[] {
  return [...FRAMEWORK_KEYS, ...customKeys];
}

export function isCustomFrameworkKey(value: unknown): value is CustomFrameworkKey {
  return typeof value === "string" && customKeys.includes(value as CustomFrameworkKey);
}

/** A built-in key, or the key of a custom framework the workbook being worked on holds. */
export function isFrameworkKey(value: unknown): value is FrameworkKey {
  return isBuiltInFrameworkKey(value) || isCustomFrameworkKey(value);
}
