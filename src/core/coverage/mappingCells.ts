/** Splits a control's mapping cell ("A.5.1; A.5.2") into trimmed requirement IDs. */
const SEPARATORS = /[;,\r\n]+/;

/** IDs in a mapping cell, in the order typed; ";" separates them, "," and line breaks are tolerated; blanks are dropped. */
export function splitMappingCell(cell: string): string[] {
  const ids: string[] = [];
  for (const part of cell.split(SEPARATORS)) {
    const id = part.trim();
    if (id !== "") ids.push(id);
  }
  return ids;
}
