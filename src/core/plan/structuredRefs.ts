/**
 * Structured references inside formula text: `Risks[[#This Row],[Inherent Likelihood]]`,
 * `Risks[[Inherent Rating]]`, `Kpis[Value]`, `Requirements[[A]:[B]]` and the display forms Excel
 * returns (`[@[Inherent Likelihood]]`, `[@Owner]`, `Risks[@Owner]`). Excel rewrites these when a
 * column or table is renamed; the plan reads them to follow such renames and rewrites the
 * blueprint's formulas to the names the workbook uses now.
 */

export interface StructuredRef {
  /** Table name as written (undefined: "this table", e.g. `[@Owner]`). */
  table?: string;
  /** `#This Row` or `@`: the row's cell; otherwise the whole column (or a special item). */
  thisRow: boolean;
  /** Column names, unescaped, in order. */
  columns: string[];
}

interface Piece {
  start: number;
  end: number;
  ref: StructuredRef;
}

const IDENTIFIER = /[A-Za-z_\\][\w.\\]*$/;

/** Column names escape [ ] # and ' with a leading apostrophe. */
const unescapeColumn = (text: string) => text.replace(/'(.)/g, "$1");
const escapeColumn = (text: string) => text.replace(/(['#[\]])/g, "'$1");

/** The end (exclusive) of the bracket group opening at `open`, honouring apostrophe escapes. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
  }
  return -1;
}

function parseBody(body: string): { thisRow: boolean; columns: string[] } {
  // body is what sits between the outer brackets.
  if (!body.startsWith("[")) {
    if (body.startsWith("@")) return { thisRow: true, columns: body.length > 1 ? [unescapeColumn(body.slice(1))] : [] };
    if (body.startsWith("#")) return { thisRow: /^#this row$/i.test(body.trim()), columns: [] };
    return { thisRow: false, columns: [unescapeColumn(body)] };
  }
  let thisRow = false;
  const columns: string[] = [];
  let rest = body;
  if (rest.startsWith("@")) {
    thisRow = true;
    rest = rest.slice(1);
  }
  for (let i = 0; i < rest.length; ) {
    if (rest[i] !== "[") {
      i++;
      continue;
    }
    const end = closingBracket(rest, i);
    if (end < 0) break;
    const item = rest.slice(i + 1, end - 1);
    if (item.startsWith("#")) thisRow = thisRow || /^#this\s+row$/i.test(item.trim());
    else columns.push(unescapeColumn(item));
    i = end;
  }
  return { thisRow, columns };
}

/** Every structured reference outside string literals, with its position in `formula`. */
function pieces(formula: string): Piece[] {
  const found: Piece[] = [];
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      inString = !inString;
      continue;
    }
    if (inString || ch !== "[") continue;
    const end = closingBracket(formula, i);
    if (end < 0) break;
    const before = formula.slice(0, i);
    const name = IDENTIFIER.exec(before)?.[0];
    const body = formula.slice(i + 1, end - 1);
    // "[1]Sheet!A1" (an external workbook) is not a structured reference.
    if (!name && /^\d+$/.test(body)) {
      i = end - 1;
      continue;
    }
    const start = name ? i - name.length : i;
    found.push({ start, end, ref: { table: name, ...parseBody(body) } });
    i = end - 1;
  }
  return found;
}

/**
 * The formula with each structured reference replaced by what `replace` returns for it (kept when
 * it returns undefined). `body` is the text between the reference's outer brackets.
 */
export function mapStructuredRefs(formula: string, replace: (table: string | undefined, body: string) => string | undefined): string {
  if (!formula.includes("[")) return formula;
  let out = "";
  let at = 0;
  for (const p of pieces(formula)) {
    const text = formula.slice(p.start, p.end);
    const body = text.slice((p.ref.table?.length ?? 0) + 1, -1);
    out += formula.slice(at, p.start) + (replace(p.ref.table, body) ?? text);
    at = p.end;
  }
  return out + formula.slice(at);
}

export function structuredRefs(formula: string): StructuredRef[] {
  return pieces(formula).map((p) => p.ref);
}

/**
 * The formula with every structured reference replaced by a placeholder that keeps only its kind:
 * two formulas with the same shape compute the same thing over possibly renamed columns.
 */
export function referenceShape(formula: string): string {
  let shape = "";
  let at = 0;
  for (const p of pieces(formula)) {
    shape += formula.slice(at, p.start) + (p.ref.thisRow ? "\u00a7R" : "\u00a7C") + p.ref.columns.length;
    at = p.end;
  }
  return shape + formula.slice(at);
}

export interface Renames {
  /** Lower-case blueprint table name → the name the workbook uses. */
  tables: ReadonlyMap<string, string>;
  /** Lower-case blueprint table name → (lower-case blueprint header → the header the workbook uses). */
  columns: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export const NO_RENAMES: Renames = { tables: new Map(), columns: new Map() };

export function hasRenames(renames: Renames): boolean {
  return renames.tables.size > 0 || [...renames.columns.values()].some((m) => m.size > 0);
}

/**
 * Rewrites a blueprint formula's structured references to the workbook's current table and column
 * names. `thisTable` names the table a bare `[@Column]` belongs to.
 */
export function renameReferences(formula: string, renames: Renames, thisTable?: string): string {
  if (!hasRenames(renames) || !formula.includes("[")) return formula;
  let out = "";
  let at = 0;
  for (const p of pieces(formula)) {
    const tableKey = (p.ref.table ?? thisTable ?? "").toLowerCase();
    const columnMap = renames.columns.get(tableKey);
    const text = formula.slice(p.start, p.end);
    const name = p.ref.table;
    const bracketAt = name ? name.length : 0;
    let body = text.slice(bracketAt);
    if (columnMap && columnMap.size > 0) {
      body = body.replace(/\[((?:[^[\]'#@]|'.)(?:[^[\]']|'.)*)\]/g, (whole, raw: string) => {
        const renamed = columnMap.get(unescapeColumn(raw).toLowerCase());
        return renamed === undefined ? whole : `[${escapeColumn(renamed)}]`;
      });
      body = body.replace(/^\[@((?:[^[\]']|'.)+)\]$/, (whole, raw: string) => {
        const renamed = columnMap.get(unescapeColumn(raw).toLowerCase());
        return renamed === undefined ? whole : `[@[${escapeColumn(renamed)}]]`;
      });
    }
    const table = name ? (renames.tables.get(name.toLowerCase()) ?? name) : "";
    out += formula.slice(at, p.start) + table + body;
    at = p.end;
  }
  return out + formula.slice(at);
}
