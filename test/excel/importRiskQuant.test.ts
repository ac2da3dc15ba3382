/**
 * The riskquant profile: a riskquant-style CSV (identifier, name, probability, low_loss, high_loss)
 * imported into the Risk Quantification register, and exported back.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createWorkbook, HeadlessWorkbook, readXlsx, run, writeXlsxWithValues } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { importIntoRegister, ImportRequest } from "../../src/excel/importRegister";
import { defaultOptions } from "../../src/core/blueprint/options";
import { QUANT, RISK_QUANT_TABLE } from "../../src/core/blueprint/riskQuantSheet";
import { RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { parseCsvGrid, profileByKey, SourceCell } from "../../src/core/import";
import { annualLossExpectancy } from "../../src/core/quant/lognormal";

const TODAY = new Date(2026, 10, 23);
const FIXTURE = parseCsvGrid(readFileSync(join(__dirname, "..", "fixtures", "import", "riskquant-simpleloss.csv"), "utf8"));
const RISKQUANT = profileByKey("riskquant");

async function workbookWithRisks(): Promise<HeadlessWorkbook> {
  const wb = createWorkbook();
  await run(wb, (ctx) => buildWorkbook(ctx, { ...defaultOptions("general"), sample: false }, TODAY));
  const risks = [["Risk ID", "Title", "Inherent Likelihood", "Inherent Impact"], ["RQ-1", "Ransomware", 3, 4], ["RQ-2", "Payment fraud", 4, 2], ["RQ-3", "Public bucket", 2, 4]];
  const added = await importInto(wb, risks, { register: RISKS_TABLE });
  expect(added.written).toEqual({ added: 3, updated: 0 });
  return wb;
}

function importInto(wb: HeadlessWorkbook, grid: SourceCell[][], request: Partial<ImportRequest> = {}) {
  return run(wb, (ctx) => importIntoRegister(ctx, { register: RISK_QUANT_TABLE, sourceName: "riskquant.csv", grid, choices: { mode: "add", profile: RISKQUANT }, apply: true, ...request }));
}

function quantRows(wb: HeadlessWorkbook): Map<string, Record<string, unknown>> {
  const table = wb.getTable(RISK_QUANT_TABLE)!;
  const headers = table.columnNames();
  return new Map(table.bodyValues().map((row) => [String(row[0]), Object.fromEntries(headers.map((h, i) => [h, row[i]]))]));
}

describe("riskquant profile into the Risk Quantification register", () => {
  it("imports frequency and the 90% loss range by riskquant's lower-case headers, the name staying with the Risk Register", async () => {
    const wb = await workbookWithRisks();
    const result = await importInto(wb, FIXTURE);
    const { matches, preview } = result.prepared;
    expect(matches.filter((m) => m.target).map((m) => [m.source, m.target])).toEqual([
      ["identifier", QUANT.id],
      ["probability", QUANT.frequency],
      ["low_loss", QUANT.low],
      ["high_loss", QUANT.high],
    ]);
    // The identifier the Risk Register lacks is named at its source row and column; Check lists it too.
    expect(preview.problems).toEqual([expect.objectContaining({ row: 5, column: "identifier", severity: "warning", message: expect.stringContaining("RQ-9 is not in Risks") })]);
    expect(result.written).toEqual({ added: 4, updated: 0 });
    // Saved as the CLI saves (every formula's value calculated), so Title and ALE show what Excel would.
    const rows = quantRows(await readXlsx((await writeXlsxWithValues(wb)).bytes));
    expect([...rows.keys()]).toEqual(["RQ-1", "RQ-2", "RQ-3", "RQ-9"]);
    expect(rows.get("RQ-9")![QUANT.title]).toBe("");
    expect(rows.get("RQ-2")).toMatchObject({ [QUANT.title]: "Payment fraud", [QUANT.frequency]: 1.5, [QUANT.low]: 2000, [QUANT.high]: 80000 });
    // The native ALE column computes riskquant's expected loss from what was imported.
    expect(rows.get("RQ-1")![QUANT.ale]).toBeCloseTo(annualLossExpectancy(0.25, 40000, 1500000), 6);
  });
  // Exported in riskquant's layout and imported back in update mode: exportRegister.test.ts.
});
