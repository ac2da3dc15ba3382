/**
 * Build options from text (command-line flags, a CSV row): every field is checked and each
 * problem names the field and what is allowed.
 */
import { resolveFrameworkKey, SOC2_CATEGORIES } from "../catalogs";
import { frameworkKeys, FrameworkKey } from "../frameworkKeys";
import { isMatrixSize, MATRIX_SIZES, ScoringMethod } from "../scales";
import { BuildOptions, defaultOptions, isProfileKey, PROFILE_KEYS } from "./options";
import { OptionalRegisterKey, resolveRegisterKey } from "../registers/keys";

export interface OptionFields {
  profile?: string;
  frameworks?: string;
  matrix?: string;
  method?: string;
  org?: string;
  sample?: string | boolean;
  /** SOC 2 categories in scope, e.g. "security, availability" (all when absent). */
  soc2?: string;
  /** Operations registers, e.g. "incidents, access reviews", or "none" (the profile's when absent). */
  registers?: string;
}

export interface FieldError {
  field: keyof OptionFields;
  message: string;
}

export type ParsedOptions = { ok: true; options: BuildOptions } | { ok: false; errors: FieldError[] };

const METHODS: Record<string, ScoringMethod> = { multiply: "multiply", lxi: "multiply", "l*i": "multiply", "lxi-product": "multiply", matrix: "matrix", lookup: "matrix" };
const TRUE = ["true", "yes", "y", "1"];
const FALSE = ["false", "no", "n", "0", ""];

export function parseBuildOptions(fields: OptionFields): ParsedOptions {
  const errors: FieldError[] = [];
  const profileText = (fields.profile ?? "general").trim().toLowerCase();
  const profile = isProfileKey(profileText) ? profileText : undefined;
  if (!profile) errors.push({ field: "profile", message: `profile "${fields.profile}" is not one of ${PROFILE_KEYS.join(", ")}` });
  const options = defaultOptions(profile ?? "general");

  if (fields.frameworks !== undefined && fields.frameworks.trim() !== "") {
    const keys: FrameworkKey[] = [];
    for (const part of fields.frameworks.split(/[;,+|]/).map((s) => s.trim()).filter(Boolean)) {
      const key = resolveFrameworkKey(part);
      if (key) {
        if (!keys.includes(key)) keys.push(key);
      } else errors.push({ field: "frameworks", message: `framework "${part}" is not known; use ${frameworkKeys().join(", ")}` });
    }
    options.frameworks = keys;
  }

  if (fields.matrix !== undefined && String(fields.matrix).trim() !== "") {
    const size = Number(String(fields.matrix).trim().replace(/x\d+$/i, ""));
    if (isMatrixSize(size)) options.matrixSize = size;
    else errors.push({ field: "matrix", message: `matrix "${fields.matrix}" must be one of ${MATRIX_SIZES.join(", ")}` });
  }

  if (fields.method !== undefined && fields.method.trim() !== "") {
    const method = METHODS[fields.method.trim().toLowerCase()];
    if (method) options.method = method;
    else errors.push({ field: "method", message: `method "${fields.method}" must be multiply or matrix` });
  }

  if (fields.org !== undefined) options.organisation = fields.org.trim();

  if (typeof fields.sample === "boolean") options.sample = fields.sample;
  else if (fields.sample !== undefined) {
    const text = fields.sample.trim().toLowerCase();
    if (TRUE.includes(text)) options.sample = true;
    else if (FALSE.includes(text)) options.sample = false;
    else errors.push({ field: "sample", message: `sample "${fields.sample}" must be yes or no` });
  }

  if (fields.soc2 !== undefined && fields.soc2.trim() !== "") {
    const categories: string[] = [];
    for (const part of fields.soc2.split(/[;,+|]/).map((s) => s.trim()).filter(Boolean)) {
      const category = SOC2_CATEGORIES.find((c) => c.toLowerCase() === part.toLowerCase() || (part.toLowerCase() === "pi" && c === "Processing Integrity"));
      if (category) categories.push(category);
      else errors.push({ field: "soc2", message: `SOC 2 category "${part}" is not one of ${SOC2_CATEGORIES.join(", ")}` });
    }
    if (!categories.includes("Security")) categories.unshift("Security");
    options.soc2Categories = categories;
  }

  if (fields.registers !== undefined && fields.registers.trim() !== "") {
    const keys: OptionalRegisterKey[] = [];
    const parts = fields.registers.split(/[;,+|]/).map((s) => s.trim()).filter(Boolean);
    if (!(parts.length === 1 && parts[0].toLowerCase() === "none")) {
      for (const part of parts) {
        const key = resolveRegisterKey(part);
        if (key) {
          if (!keys.includes(key)) keys.push(key);
        } else errors.push({ field: "registers", message: `register "${part}" is not one of incidents, vulnerabilities, access-reviews, training (or none)` });
      }
    }
    options.registers = keys;
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, options };
}
