/**
 * The generated custom functions metadata (functions.json): unique ids and names, and only the
 * types and dimensionalities the custom functions metadata schema allows.
 */
import type { Problem } from "./problem";

const ALLOWED_TYPES = new Set(["number", "string", "boolean", "any"]);
const ALLOWED_DIMENSIONALITIES = new Set(["scalar", "matrix"]);
/** Excel function names: a letter first, then letters, digits, periods or underscores. */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9._]*$/;

interface TypedValue {
  name?: unknown;
  type?: unknown;
  dimensionality?: unknown;
}

interface FunctionMetadata {
  id?: unknown;
  name?: unknown;
  parameters?: TypedValue[];
  result?: TypedValue;
}

function checkTypedValue(owner: string, what: string, value: TypedValue): Problem[] {
  const problems: Problem[] = [];
  if (value.type !== undefined && !ALLOWED_TYPES.has(String(value.type))) {
    problems.push({ rule: "functions", message: `${owner}: ${what} has type "${String(value.type)}"; allowed: ${[...ALLOWED_TYPES].join(", ")}` });
  }
  if (value.dimensionality !== undefined && !ALLOWED_DIMENSIONALITIES.has(String(value.dimensionality))) {
    problems.push({ rule: "functions", message: `${owner}: ${what} has dimensionality "${String(value.dimensionality)}"; allowed: scalar, matrix` });
  }
  return problems;
}

/** Reports the first repeat of each value; Excel treats ids and names case-insensitively. */
function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    const key = value.toUpperCase();
    if (seen.has(key)) repeated.add(value);
    seen.add(key);
  }
  return [...repeated];
}

export function checkFunctionsMetadata(functionsJson: string): Problem[] {
  let functions: FunctionMetadata[];
  try {
    const parsed: unknown = JSON.parse(functionsJson);
    const list = (parsed as { functions?: unknown }).functions;
    if (!Array.isArray(list)) return [{ rule: "functions", message: "functions.json has no \"functions\" array" }];
    functions = list as FunctionMetadata[];
  } catch (error) {
    return [{ rule: "functions", message: `functions.json is not valid JSON: ${(error as Error).message}` }];
  }
  if (functions.length === 0) return [{ rule: "functions", message: "functions.json declares no functions" }];

  const problems: Problem[] = [];
  for (const [index, fn] of functions.entries()) {
    const owner = typeof fn.id === "string" ? `Function ${fn.id}` : `Function #${index + 1}`;
    if (typeof fn.id !== "string" || !fn.id) problems.push({ rule: "functions", message: `${owner} has no id` });
    if (typeof fn.name !== "string" || !FUNCTION_NAME.test(fn.name)) {
      problems.push({ rule: "functions", message: `${owner} has an invalid name "${String(fn.name)}"` });
    }
    for (const parameter of fn.parameters ?? []) {
      problems.push(...checkTypedValue(owner, `parameter "${String(parameter.name)}"`, parameter));
    }
    if (fn.result) problems.push(...checkTypedValue(owner, "result", fn.result));
  }
  const ids = functions.map((fn) => fn.id).filter((id): id is string => typeof id === "string");
  const names = functions.map((fn) => fn.name).filter((name): name is string => typeof name === "string");
  for (const id of duplicates(ids)) problems.push({ rule: "functions", message: `Function id "${id}" is used more than once` });
  for (const name of duplicates(names)) problems.push({ rule: "functions", message: `Function name "${name}" is used more than once` });
  return problems;
}
