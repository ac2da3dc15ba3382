/** The worksheet functions the engine knows; anything else evaluates to #NAME? (as custom functions do here). */
import { aggregateFunctions } from "./aggregate";
import { conditionalFunctions } from "./conditional";
import { dateFunctions } from "./dates";
import { logicalFunctions } from "./logical";
import { lookupFunctions } from "./lookup";
import { mathFunctions } from "./math";
import { statisticsFunctions } from "./statistics";
import { textFunctions } from "./text";
import type { FormulaFunction } from "./types";

export type { FormulaFunction, CallContext } from "./types";

const registry = new Map<string, FormulaFunction>(
  Object.entries({
    ...logicalFunctions,
    ...lookupFunctions,
    ...aggregateFunctions,
    ...mathFunctions,
    ...statisticsFunctions,
    ...conditionalFunctions,
    ...textFunctions,
    ...dateFunctions,
  }),
);

/** Each name as formulas spell it ("sum", "_xlfn.MAXIFS"), resolved once: every call of every formula looks its function up. */
const bySpelling = new Map<string, FormulaFunction | undefined>();

/** Names may carry the file syntax's _xlfn. prefix (MAXIFS, ...). */
export function lookupFunction(name: string): FormulaFunction | undefined {
  if (bySpelling.has(name)) return bySpelling.get(name);
  const found = registry.get(name.toUpperCase().replace(/^_XLFN\./, ""));
  bySpelling.set(name, found);
  return found;
}

/** Every function the calculator implements (documentation, tests). */
export const supportedFunctions = (): string[] => [...registry.keys()].sort();
