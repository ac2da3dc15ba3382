/** Shared by the upgrade tests: a Build on the headless host at a fixed date, and a table's body as values. */
import { HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { BuildOptions } from "../../src/core/blueprint/options";

export const UPGRADE_TODAY = new Date(2026, 10, 23);

export async function buildAt(workbook: HeadlessWorkbook, options: BuildOptions, today = UPGRADE_TODAY) {
  workbook.stats.reset();
  return run(workbook, (context) => buildWorkbook(context, options, today));
}

export function tableValues(workbook: HeadlessWorkbook, table: string): unknown[][] {
  const model = workbook.getTable(table)!;
  const { r0, r1 } = model.bodyRect;
  return Array.from({ length: r1 - r0 + 1 }, (_, i) => model.columnNames().map((_h, c) => model.sheet.cell(r0 + i, model.rect.c0 + c)?.value ?? null));
}
