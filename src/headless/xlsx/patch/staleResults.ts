/**
 * Cached results on sheets a command did not change, such as an analyst's own summary that counts the
 * Risks table. Readers that do not calculate show the <v> a file holds: file previews, Python's
 * openpyxl with data_only=True and pandas, and Excel itself in Protected View, which shows a
 * downloaded file as saved until editing is enabled. fullCalcOnLoad (kept) only helps applications
 * that calculate. So a formula whose inputs the command changed takes the value the headless engine
 * computed, in its <v> alone: its <f> and every other byte of the sheet stay. Where the engine cannot
 * vouch for the value (a custom or unsupported function, or a cell that depends on one), the file's own
 * value stays for Excel to recalculate on open. A formula whose inputs the command did not change keeps
 * Excel's cached value even where the engine computes another (volatile functions, engine differences):
 * the engine replaces a value only where the file's is known to be out of date.
 *
 * Inputs are found from the formula's text: a reference to a sheet the command changed, to a table on
 * such a sheet, or to a defined name that refers to them; followed across untouched sheets (a sheet that
 * takes a new value becomes an input of the formulas that read it, its own unqualified references
 * included) until nothing more is reached.
 */
import type { SheetModel } from "../../model/sheet";
import type { HeadlessWorkbook } from "../../model/workbook";
import { keyColumn, keyRow, type SheetChange } from "./baseline";

const LITERAL = /"(?:[^"]|"")*"/g;
const QUOTED_SHEET = /'((?:[^']|'')+)'!/g;
const IDENTIFIER = /[A-Za-z_\\\u00A1-\uFFFF][\w.\\\u00A1-\uFFFF]*/g;
/** A cell reference with no sheet before it. */
const UNQUALIFIED = /(?<![\w.!$'\]])\$?[A-Za-z]{1,3}\$?\d+(?![\w.(!])/;

/** Lower-case sheet, table and name identifiers a formula mentions (outside string literals). */
function mentions(formula: string): string[] {
  const text = formula.replace(LITERAL, '""');
  const found: string[] = [];
  for (const m of text.matchAll(QUOTED_SHEET)) found.push(m[1].replace(/''/g, "'").toLowerCase());
  for (const m of text.replace(QUOTED_SHEET, "").matchAll(IDENTIFIER)) found.push(m[0].toLowerCase());
  return found;
}

const hasUnqualifiedReference = (formula: string): boolean => UNQUALIFIED.test(formula.replace(LITERAL, '""').replace(QUOTED_SHEET, "'").replace(/\[[^\]]*\]/g, ""));

/**
 * Of the sheets whose only change is recalculated results, those whose formulas read what the command
 * changed, each with just those cells: the file's <v> for them is patched, the rest keep their bytes.
 */
export function staleResults(
  workbook: HeadlessWorkbook,
  changed: Iterable<SheetModel>,
  fileNames: ReadonlyMap<SheetModel, string>,
  resultsOnly: ReadonlyMap<SheetModel, SheetChange>,
): Map<SheetModel, SheetChange> {
  const inputs = new Set<string>();
  const affected = new Set<SheetModel>();
  const addSheet = (sheet: SheetModel) => {
    affected.add(sheet);
    inputs.add(sheet.name.toLowerCase());
    const fileName = fileNames.get(sheet);
    if (fileName) inputs.add(fileName.toLowerCase());
    for (const table of workbook.tablesOn(sheet)) inputs.add(table.name.toLowerCase());
  };
  for (const sheet of changed) addSheet(sheet);
  const names = [...workbook.names, ...workbook.sheets.flatMap((sheet) => sheet.names)];
  const stale = new Map<SheetModel, SheetChange>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of names) {
      const name = entry.name.toLowerCase();
      if (!inputs.has(name) && mentions(entry.formula).some((m) => inputs.has(m))) {
        inputs.add(name);
        grew = true;
      }
    }
    for (const [sheet, change] of resultsOnly) {
      const own = affected.has(sheet);
      const cells = change.cells.filter(({ key }) => {
        const formula = sheet.cell(keyRow(key), keyColumn(key))?.formula;
        return formula !== undefined && (mentions(formula).some((m) => inputs.has(m)) || (own && hasUnqualifiedReference(formula)));
      });
      if (cells.length === (stale.get(sheet)?.cells.length ?? 0)) continue;
      stale.set(sheet, { ...change, cells });
      if (!own) addSheet(sheet);
      grew = true;
    }
  }
  return stale;
}
