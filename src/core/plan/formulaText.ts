/**
 * Formula comparison that ignores how Excel chose to display a formula. Range.formulas returns
 * Excel's display form, not the text the add-in wrote: `Risks[[#This Row],[Inherent Likelihood]]`
 * comes back as `[@[Inherent Likelihood]]` (no table name inside the table itself), and
 * `Risks[[Status]]` as `Risks[Status]`: single brackets when the header has no special character
 * other than a space, per "Using structured references with Excel tables" (support.microsoft.com,
 * f5ed2452-2337-4f71-bed3-c8ae6d2b276e). Excel also upper-cases function names and keeps its own
 * spacing. Two formulas with the same canonical text compute the same.
 */
import { closingBracketIndex } from "../formulaBrackets";

/**
 * The canonical text of a formula. `hostTable` is the table the formula's cell belongs to: a
 * structured reference without a table name (`[@Col]`, `[Col]`) refers to it. Without it, this-row
 * references are compared without their table name (they nearly always mean the cell's own table).
 */
export function canonicalFormula(formula: string, hostTable?: string): string {
  const text = formula.trim().replace(/^=/, "");
  let out = "";
  let plain = "";
  const flush = () => {
    out += plain.replace(/\s+/g, "").toUpperCase();
    plain = "";
  };
  for (let at = 0; at < text.length; ) {
    const char = text[at];
    if (char === '"') {
      const end = stringEnd(text, at);
      flush();
      out += text.slice(at, end);
      at = end;
      continue;
    }
    if (char === "'") {
      // A quoted sheet name: kept as typed up to its closing quote ('' escapes a quote).
      const end = stringEnd(text, at, "'");
      flush();
      out += text.slice(at, end).toUpperCase();
      at = end;
      continue;
    }
    if (char === "[") {
      const name = /[A-Za-z_\\][\w.\\]*$/.exec(plain)?.[0] ?? "";
      plain = plain.slice(0, plain.length - name.length);
      flush();
      const close = closingBracketIndex(text, at);
      if (close < 0) {
        // Unbalanced (Excel never returns such a formula): compared as plain text, so it matches nothing valid.
        plain += text.slice(at);
        break;
      }
      out += canonicalReference(name || hostTable || "", text.slice(at + 1, close), hostTable === undefined);
      at = close + 1;
      continue;
    }
    plain += char;
    at++;
  }
  flush();
  return out;
}

/** Index just past a quoted run that starts at `start`; the quote is escaped by doubling it. */
function stringEnd(text: string, start: number, quote = '"'): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] !== quote) continue;
    if (text[at + 1] === quote) at++;
    else return at + 1;
  }
  return text.length;
}

/** `Risks[@[Inherent Likelihood]]`, `[[#This Row],[Inherent Likelihood]]`, `Risks[Status]` … → one spelling. */
function canonicalReference(table: string, inner: string, dropThisRowTable: boolean): string {
  const parts = referenceParts(inner);
  const thisRow = parts.includes("#THISROW");
  const name = thisRow && dropThisRowTable ? "" : table.toUpperCase();
  return `${name}[${parts.join(",")}]`;
}

/** Specials ("#THISROW", "#DATA", …) and columns ("[NAME]", "[A]:[B]") of a reference's inner text. */
function referenceParts(inner: string): string[] {
  const trimmed = inner.trim();
  if (trimmed.startsWith("@")) {
    const rest = trimmed.slice(1).trim();
    return ["#THISROW", ...(rest === "" ? [] : rest.startsWith("[") ? bracketedParts(rest) : [column(rest)])];
  }
  if (trimmed.startsWith("[")) return bracketedParts(trimmed);
  return [trimmed.startsWith("#") ? special(trimmed) : column(trimmed)];
}

function bracketedParts(text: string): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; ) {
    if (text[at] !== "[") {
      at++;
      continue;
    }
    const found = closingBracketIndex(text, at);
    const close = found < 0 ? text.length : found;
    const item = text.slice(at + 1, close);
    const part = item.trim().startsWith("#") ? special(item) : column(item);
    const previous = parts.length - 1;
    if (text.slice(0, at).trimEnd().endsWith(":") && previous >= 0) parts[previous] += `:${part}`;
    else parts.push(part);
    at = close + 1;
  }
  return parts;
}

const special = (text: string) => text.replace(/\s+/g, "").toUpperCase();
const column = (text: string) => `[${text.replace(/'(.)/g, "$1").trim().toUpperCase()}]`;
