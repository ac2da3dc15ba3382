import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { acceptSuggestion, suggestForControls } from "../../src/excel/suggestions";
import { defaultOptions } from "../../src/core/blueprint/options";
import { CONTROL, CONTROLS_TABLE, mappingColumnHeader } from "../../src/core/blueprint/controlMatrix";

async function workbookWithUnmappedControl(): Promise<{ wb: HeadlessWorkbook; id: string; original: string }> {
  const wb = createWorkbook();
  await run(wb, (ctx) => buildWorkbook(ctx, defaultOptions("saas"), new Date(2026, 10, 23)));
  const table = wb.getTable(CONTROLS_TABLE)!;
  const column = table.columnNames().indexOf(mappingColumnHeader("ISO27001"));
  const idColumn = table.columnNames().indexOf(CONTROL.id);
  const row = table.bodyRect.r0;
  const original = String(table.sheet.cell(row, table.bodyRect.c0 + column)?.value ?? "");
  table.sheet.setCell(row, table.bodyRect.c0 + column, undefined, undefined);
  return { wb, id: String(table.sheet.cell(row, table.bodyRect.c0 + idColumn)?.value), original };
}

describe("Suggestions in the workbook", () => {
  it("suggests for controls with an empty mapping cell and writes nothing until one is accepted", async () => {
    const { wb, id, original } = await workbookWithUnmappedControl();
    const before = JSON.stringify(wb.getTable(CONTROLS_TABLE)!.bodyValues());
    const found = await run(wb, (ctx) => suggestForControls(ctx, "ISO27001"));
    expect(found.map((c) => c.controlId)).toEqual([id]);
    expect(found[0].suggestions.map((s) => s.requirementId)).toContain(original.split("; ")[0]);
    expect(JSON.stringify(wb.getTable(CONTROLS_TABLE)!.bodyValues())).toBe(before);

    const suggestion = found[0].suggestions[0];
    const text = await run(wb, (ctx) => acceptSuggestion(ctx, { controlId: id, framework: "ISO27001", suggestion, acceptedBy: "Ana Analyst" }));
    expect(text).toBe(suggestion.requirementId);
    const after = wb.getTable(CONTROLS_TABLE)!.bodyValues();
    const column = wb.getTable(CONTROLS_TABLE)!.columnNames().indexOf(mappingColumnHeader("ISO27001"));
    expect(after[0][column]).toBe(suggestion.requirementId);
    expect(JSON.stringify(after.slice(1))).toBe(JSON.stringify(JSON.parse(before).slice(1)));
  });
});
