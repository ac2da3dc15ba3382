/**
 * Text from outside (a CSV cell, a flag) that lands in a cell written through `Range.formulas`
 * must stay text. A leading apostrophe makes Excel (and the headless host) store the rest as a
 * literal string, so "=HYPERLINK(...)" can never become a live formula (CSV/formula injection).
 */
const FORMULA_TRIGGERS = /^[=+\-@\t\r']/;

/** `text` trimmed, with an apostrophe in front when Excel could read it as a formula or a prefix. */
export function asLiteralText(text: string): string {
  const trimmed = text.trim();
  return FORMULA_TRIGGERS.test(trimmed) ? `'${trimmed}` : trimmed;
}
