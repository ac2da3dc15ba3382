/**
 * Blueprint formulas that name a sheet ("='Scales'!$R$13:$V$17") name it as the blueprint does. When
 * the sheet lives under another name (a user's sheet had ours, or the user renamed ours), the plan
 * points those references at the sheet that really holds our content.
 */
import { quoteSheet } from "../a1";

export interface SheetMove {
  wanted: string;
  actual: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function referencePattern(sheet: string): RegExp {
  const quoted = `'${escapeRegExp(sheet.replace(/'/g, "''"))}'!`;
  const bare = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `|(?<![\\w.'])${escapeRegExp(sheet)}!` : "";
  return new RegExp(`${quoted}${bare}`, "gi");
}

export function moveSheetReferences(formula: string, moves: readonly SheetMove[]): string {
  if (moves.length === 0 || !formula.startsWith("=")) return formula;
  // Odd parts are string literals: text, not references.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : moves.reduce((text, m) => text.replace(referencePattern(m.wanted), `${quoteSheet(m.actual)}!`), part)))
    .join("");
}
