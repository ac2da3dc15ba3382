/** Check warns when a control's Control Matrix mapping cell names requirements that no Mappings row backs: they earn no credit. */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { checkWorkbook } from "../../src/excel/check";
import { CONTROL, CONTROLS_TABLE } from "../../src/core/blueprint/controlMatrix";
import { MAPPING, MAPPINGS_TABLE } from "../../src/core/blueprint/mappingsSheet";
import { defaultOptions } from "../../src/core/blueprint/options";

const TODAY = new Date(2026, 10, 23);
const CODE = "matrix-mapping-without-record";

async function addRow(workbook: HeadlessWorkbook, table: string, cells: Record<string, string>) {
  await run(workbook, async (context) => {
    const header = context.workbook.tables.getItem(table).getHeaderRowRange().load("values");
    await context.sync();
    const row = (header.values[0] as string[]).map((h) => cells[h] ?? "");
    context.workbook.tables.getItem(table).rows.add(undefined, [row]);
  });
}

const matrixWarnings = async (workbook: HeadlessWorkbook) =>
  (await run(workbook, (context) => checkWorkbook(context, TODAY))).filter((p) => p.code === CODE);

describe("Check: Control Matrix mapping cells without Mappings rows", () => {
  it("is quiet on a fresh build, warns at the cell of a user's control mapped only on the matrix, and is quiet again once the Mappings row exists", async () => {
    const workbook = createWorkbook();
    await run(workbook, (context) => buildWorkbook(context, { ...defaultOptions("saas"), sample: true }, TODAY));
    expect(await matrixWarnings(workbook)).toEqual([]);

    await addRow(workbook, CONTROLS_TABLE, { [CONTROL.id]: "ACME-01", [CONTROL.name]: "Quarterly badge audit", [CONTROL.status]: "Implemented", "ISO 27001": "A.7.2" });
    const [warning, ...others] = await matrixWarnings(workbook);
    expect(others).toEqual([]);
    const table = workbook.getTable(CONTROLS_TABLE)!;
    const lastRow = table.headerRow + table.bodyRowCount + 1;
    const letter = String.fromCharCode(65 + table.rect.c0 + table.columnIndexOf("ISO 27001"));
    expect(`${warning.sheet}!${warning.address}`).toBe(`Control Matrix!${letter}${lastRow}`);
    expect(warning.message).toContain(`Control ACME-01 (Control Matrix row ${lastRow}), column ISO 27001: A.7.2 has no row in the Mappings sheet`);

    await addRow(workbook, MAPPINGS_TABLE, { [MAPPING.controlId]: "ACME-01", [MAPPING.framework]: "ISO 27001", [MAPPING.requirementId]: "A.7.2", [MAPPING.relationship]: "Subset of" });
    expect(await matrixWarnings(workbook)).toEqual([]);
  });
});
