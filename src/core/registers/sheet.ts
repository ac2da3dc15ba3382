/** Declaration → the blueprint's sheet and table for a register. */
import { SUBTITLE, TABLE_STYLE, TITLE } from "../blueprint/style";
import { ColumnSpec, SheetSpec, TableSpec } from "../blueprint/types";
import { columnLetter } from "../a1";
import { columnOf } from "./columns";
import { RegisterDeclaration, SeedContext } from "./types";

/** Every register's table starts at A4 under its title and explanation; the header row repeats on every printed page. */
export const REGISTER_ANCHOR = "A4";
const HEADER_ROW = 4;

/** The register's table; `anchor` places it beside others on a shared sheet (the Program sheet's four). */
export function registerTable(register: RegisterDeclaration, context: SeedContext, anchor = REGISTER_ANCHOR): TableSpec {
  const columns = register.fields(context).map(columnOf);
  const readers = register.sheet.readerColumns ?? [];
  const lead = readers.map((header) => columns.find((c) => c.header === header)).filter((c): c is ColumnSpec => c !== undefined);
  return {
    name: register.table,
    anchor,
    style: TABLE_STYLE,
    columns: [...lead, ...columns.filter((c) => !lead.includes(c))],
    keyColumns: [register.keyColumn],
    seedRows: register.seedRows?.(context) ?? [],
    appendMissing: register.keyedSeeds || undefined,
  };
}

export function registerSheet(register: RegisterDeclaration, context: SeedContext): SheetSpec {
  const { sheet } = register;
  return {
    key: sheet.key,
    name: sheet.name,
    tabColor: sheet.tabColor,
    ownerTable: register.table,
    blocks: [
      { address: "A1", values: [[sheet.title]], format: TITLE },
      { address: "A2", values: [[sheet.subtitle]], format: SUBTITLE },
    ],
    tables: [registerTable(register, context)],
    names: [],
    freeze: { rows: HEADER_ROW, columns: sheet.freezeColumns },
    print: {
      ...(sheet.print ?? { orientation: "Landscape", fitToWidth: true, titleRows: `$${HEADER_ROW}:$${HEADER_ROW}` }),
      // Whole columns: the rows print as the register grows.
      ...(sheet.readerColumns?.length ? { printArea: `A:${columnLetter(sheet.readerColumns.length - 1)}` } : {}),
    },
  };
}
