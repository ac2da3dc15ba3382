/**
 * Formula text as Office.js shows it ("=MAXIFS(...)") versus as the .xlsx file stores it
 * ("_xlfn.MAXIFS(...)", no leading "="). Functions newer than Excel 2007 carry the _xlfn. prefix in files.
 * Structured references are written in the file's long form: the `@` this-row shorthand and references
 * without a table name exist only in Excel's display (ECMA-376 Part 1, 18.17.6.4 "Table references":
 * the file grammar has `[#This Row]` and always names the table), and LibreOffice shows #N/A for
 * `[@Col]` in a file.
 */
import { FormulaSyntaxError } from "./calc/tokenizer";
import { rewriteStructuredReferences } from "./formulaDisplay";
const futureFunctions = [
  "MAXIFS", "MINIFS", "IFS", "SWITCH", "CONCAT", "TEXTJOIN", "XLOOKUP", "XMATCH", "IFNA",
  "DAYS", "ISOWEEKNUM", "STDEV.S", "STDEV.P", "VAR.S", "VAR.P", "PERCENTILE.INC", "PERCENTILE.EXC",
  "RANK.EQ", "RANK.AVG", "FORECAST.LINEAR", "UNIQUE", "FILTER", "SORT", "SORTBY", "SEQUENCE", "LET",
  "LAMBDA", "AGGREGATE", "CEILING.MATH", "FLOOR.MATH", "NUMBERVALUE", "SHEET", "SHEETS", "FORMULATEXT",
];

const escapeName = (name: string): string => name.replace(/\./g, "\\.");
const prefixPattern = new RegExp(`(?<![A-Za-z0-9_.])(${futureFunctions.map(escapeName).join("|")})\\(`, "gi");

/** Applies `transform` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, transform: (code: string) => string): string {
  return formula
    .split('"')
    .map((part, index) => (index % 2 === 0 ? transform(part) : part))
    .join('"');
}

/** `hostTable` is the table the formula's cell is in: references without a table name mean it. */
export function toFileFormula(formula: string, hostTable?: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return outsideStrings(fileReferences(body, hostTable), (code) => code.replace(prefixPattern, (_m, name: string) => `_xlfn.${name.toUpperCase()}(`));
}

/** `[@Col]`, `[@[Col Name]]`, `T[@Col]` → `T[[#This Row],[Col]]`; `[Col]` in table T → `T[Col]`. */
function fileReferences(formula: string, hostTable: string | undefined): string {
  try {
    return rewriteStructuredReferences(formula, (table, inner) => fileReference(table || hostTable || "", inner));
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return formula; // unbalanced: kept as it came
    throw error;
  }
}

function fileReference(table: string, inner: string): string {
  const thisRow = /^\s*@\s*(.*?)\s*$/s.exec(inner);
  if (!thisRow || table === "") return `${table}[${inner}]`;
  const columns = thisRow[1];
  if (columns === "") return `${table}[#This Row]`;
  return `${table}[[#This Row],${columns.startsWith("[") ? columns : `[${columns}]`}]`;
}

export function fromFileFormula(fileFormula: string): string {
  return `=${outsideStrings(fileFormula, (code) => code.replace(/_xlfn\.(_xlws\.)?/gi, ""))}`;
}
