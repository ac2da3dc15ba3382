/**
 * Text from outside (a CSV cell, a flag) that lands in a cell written through `Range.formulas`
 * must stay text. A leading apostrophe makes Excel (and the headless host) store the rest as a
 * literal string, so "=HYPERLINK(...)" can never become a live formula (CSV/formula injection),
 * and "0012", "1e3", "TRUE" or "3/4" are not turned into a number, a boolean or a date.
 */
const FORMULA_TRIGGERS = /^[=+\-@\t\r']/;
const BOOLEAN = /^(true|false)$/i;
/** What Excel's value parsing would read as a number, a percentage, money or a date. */
const NUMBER_LIKE = /^[$€£¥]?\s*[-+]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*%?$/i;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/;

/** `text` trimmed, with an apostrophe in front when Excel could read it as a formula, a prefix, a number, a boolean or a date. */
export function asLiteralText(text: string): string {
  const trimmed = text.trim();
  const coerced = FORMULA_TRIGGERS.test(trimmed) || BOOLEAN.test(trimmed) || NUMBER_LIKE.test(trimmed) || DATE_LIKE.test(trimmed);
  return coerced ? `'${trimmed}` : trimmed;
}
