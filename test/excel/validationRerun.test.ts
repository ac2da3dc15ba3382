/**
 * A second Build writes no data validation that is already right (it used to clear and rewrite
 * every one, and a saved file then regenerated six small sheets whose open upper bound 9.99E+307
 * read back as a formula), and still repairs the validation an analyst broke.
 */
import JSZip from "jszip";
import { createWorkbook, HeadlessWorkbook, readXlsx, run, writeXlsx } from "../../src/headless";
import { DataValidation } from "../../src/headless/api/dataValidation";
import { canonical } from "../../src/headless/xlsx/patch/baseline";
import { buildWorkbook } from "../../src/excel/build";
import { BuildOptions, defaultOptions } from "../../src/core/blueprint/options";
import { RISK, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { TRAINING, TRAINING_TABLE } from "../../src/core/registers/training";
import { POLICIES_TABLE, POLICY } from "../../src/core/registers/policies";

const TODAY = new Date(2026, 10, 23);
const OPTIONS: BuildOptions = { ...defaultOptions("saas"), sample: true, registers: ["incidents", "vulnerabilities", "accessReviews", "training"] };
const SIX_SHEETS = ["Program", "Management Review", "Risk Quantification", "Access Reviews", "Training", "Policies"];

/** The rules a Build sets (DataValidation.rule is what applyPlan writes first for each column). */
async function buildLoggingValidation(workbook: HeadlessWorkbook): Promise<unknown[]> {
  const setter = jest.spyOn(DataValidation.prototype, "rule", "set");
  try {
    await run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));
    return setter.mock.calls.map(([rule]) => rule);
  } finally {
    setter.mockRestore();
  }
}

function column(workbook: HeadlessWorkbook, table: string, header: string) {
  const model = workbook.getTable(table)!;
  const c = model.rect.c0 + model.columnIndexOf(header);
  return { sheet: model.sheet, rect: { r0: model.rect.r0 + 1, r1: model.rect.r1, c0: c, c1: c } };
}

const validationsOf = (workbook: HeadlessWorkbook, table: string, header: string) => {
  const { sheet, rect } = column(workbook, table, header);
  return sheet.validations.filter((v) => v.rect.c0 <= rect.c0 && v.rect.c1 >= rect.c0 && v.rect.r1 >= rect.r0 && v.rect.r0 <= rect.r1);
};

async function sheetParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const parts = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const path = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
    parts.set(m[1].replace(/&amp;/g, "&"), await zip.file(path)!.async("string"));
  }
  return parts;
}

describe("Re-running Build and data validation", () => {
  it("writes no validation on a second run, in the model or in the saved file", async () => {
    const workbook = createWorkbook();
    expect((await buildLoggingValidation(workbook)).length).toBeGreaterThan(100);
    expect(await buildLoggingValidation(workbook)).toEqual([]);

    // Through a file, as `ismp upgrade` runs: the six small sheets keep their exact bytes.
    const saved = await writeXlsx(workbook);
    const reopened = await readXlsx(saved);
    // The open upper bound (9.99E+307) reads back as the number it is, not as a formula.
    expect(canonical(validationsOf(reopened, TRAINING_TABLE, TRAINING.assigned))).toBe(canonical(validationsOf(workbook, TRAINING_TABLE, TRAINING.assigned)));
    expect(await buildLoggingValidation(reopened)).toEqual([]);
    const before = await sheetParts(saved);
    const after = await sheetParts(await writeXlsx(reopened));
    for (const sheet of SIX_SHEETS) expect([sheet, after.get(sheet) === before.get(sheet)]).toEqual([sheet, true]);
  });

  it("repairs only the validations the analyst broke: cleared on some cells, another rule, another message", async () => {
    const workbook = createWorkbook();
    await run(workbook, (context) => buildWorkbook(context, OPTIONS, TODAY));
    const wanted = [
      [RISKS_TABLE, RISK.status],
      [TRAINING_TABLE, TRAINING.assigned],
      [POLICIES_TABLE, POLICY.acknowledged],
    ].map(([table, header]) => ({ table, header, entries: JSON.stringify(validationsOf(workbook, table, header)) }));

    await run(workbook, async (context) => {
      const cells = (table: string, header: string) => {
        const { sheet, rect } = column(workbook, table, header);
        return context.workbook.worksheets.getItem(sheet.name).getRangeByIndexes(rect.r0, rect.c0, rect.r1 - rect.r0 + 1, 1);
      };
      cells(RISKS_TABLE, RISK.status).getCell(2, 0).getResizedRange(1, 0).dataValidation.clear();
      cells(TRAINING_TABLE, TRAINING.assigned).dataValidation.rule = { wholeNumber: { formula1: "0", formula2: "5", operator: "Between" } };
      cells(POLICIES_TABLE, POLICY.acknowledged).dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Mine", message: "My own message" };
    });
    for (const { table, header, entries } of wanted) expect(JSON.stringify(validationsOf(workbook, table, header))).not.toBe(entries);

    const written = await buildLoggingValidation(workbook);
    expect(written).toHaveLength(3);
    for (const { table, header, entries } of wanted) {
      const repaired = validationsOf(workbook, table, header);
      expect(repaired).toHaveLength(1);
      expect([header, JSON.stringify(repaired)]).toEqual([header, entries]);
    }
    expect(await buildLoggingValidation(workbook)).toEqual([]);
  });
});
