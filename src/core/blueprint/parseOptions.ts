/**
 * Build options from text (command-line flags, a CSV row): every field is checked and each
 * problem names the field and what is allowed.
 */
import { resolveFrameworkKey } from "../catalogs";
import { FRAMEWORK_KEYS, FrameworkKey } from "../frameworkKeys";
import { isMatrixSize, MATRIX_SIZES, ScoringMethod } from "../scales";
import { BuildOptions, defaultOptions, isProfileKey, PROFILE_KEYS } from "./options";

export interface OptionFields {
  profile?: string;
  frameworks?: string;
  matrix?: string;
  method?: string;
  org?: string;
  sample?: string | boolean;
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
      } else errors.push({ field: "frameworks", message: `framework "${part}" is not known; use ${FRAMEWORK_KEYS.join(", ")}` });
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

  return errors.length > 0 ? { ok: false, errors } : { ok: true, options };
}
