/** Optional formula calculation for the headless host (see README: Calculation). */
export { recalculate, Recalculation } from "./recalculate";
export { CalculatingRequestContext } from "./calculatingContext";
export { parseFormula, type FormulaNode } from "./parser";
export { tokenize, FormulaSyntaxError, type Token } from "./tokenizer";
export { formatValue, formatNumber, isDateFormat, dateToSerial, serialToDate } from "./numberFormat";
export { parseCriterion } from "./criteria";
