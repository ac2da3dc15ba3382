/**
 * Formula text as Office.js shows it ("=MAXIFS(...)") versus as the .xlsx file stores it
 * ("_xlfn.MAXIFS(...)", no leading "="). Functions newer than Excel 2007 carry the _xlfn. prefix in files.
 */
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

export function toFileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return outsideStrings(body, (code) => code.replace(prefixPattern, (_m, name: string) => `_xlfn.${name.toUpperCase()}(`));
}

export function fromFileFormula(fileFormula: string): string {
  return `=${outsideStrings(fileFormula, (code) => code.replace(/_xlfn\.(_xlws\.)?/gi, ""))}`;
}
