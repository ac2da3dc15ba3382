import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { importIntoRegister, ImportRequest } from "../../src/excel/importRegister";
import { createSyncCounter } from "../../src/excel/syncCounter";
import { defaultOptions } from "../../src/core/blueprint/options";
import { RISK, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { parseCsvGrid, profileByKey, SourceCell } from "../../src/core/import";
import { INCIDENT, INCIDENTS_TABLE } from "../../src/core/registers/incidents";

const TODAY = new Date(2026, 10, 23);
const FIXTURES = join(__dirname, "..", "fixtures", "import");
const fixture = (name: string) => parseCsvGrid(readFileSync(join(FIXTURES, name), "utf8"));

async function sampleWorkbook(sample = true): Promise<HeadlessWorkbook> {
  const wb = createWorkbook();
  await run(wb, (ctx) => buildWorkbook(ctx, { ...defaultOptions("saas"), sample }, TODAY));
  return wb;
}

function importInto(wb: HeadlessWorkbook, grid: SourceCell[][], request: Partial<ImportRequest> = {}) {
  const sync = createSyncCounter();
  return run(wb, (ctx) => importIntoRegister(ctx, { register: RISKS_TABLE, sourceName: "test.csv", grid, choices: { mode: "add" }, apply: true, ...request }, sync));
}

/** Formulas (or constants) of the register's body, as the file would store them. */
function bodyFormulas(wb: HeadlessWorkbook): unknown[][] {
  const table = wb.getTable(RISKS_TABLE)!;
  const body = table.bodyRect;
  const rows: unknown[][] = [];
  for (let r = body.r0; r <= body.r1; r++) {
    const row: unknown[] = [];
    for (let c = body.c0; c <= body.c1; c++) {
      const cell = table.sheet.cell(r, c);
      row.push(cell?.formula ?? cell?.value ?? null);
    }
    rows.push(row);
  }
  return rows;
}

/** The register's rows by ID, as values Excel shows (formulas calculated by the host when it can). */
function risksById(wb: HeadlessWorkbook): Map<string, Record<string, unknown>> {
  const table = wb.getTable(RISKS_TABLE)!;
  const headers = table.columnNames();
  return new Map(table.bodyValues().map((row) => [String(row[0]), Object.fromEntries(headers.map((h, i) => [h, row[i]]))]));
}

describe("Import profiles: each tool's layout arrives with the expected rows and values", () => {
  it("CISO Assistant risk scenarios: current level as inherent, labels as levels, 'open' as no treatment, multi-line cells", async () => {
    const wb = await sampleWorkbook(false);
    const result = await importInto(wb, fixture("ciso-assistant-risk-scenarios.csv"), { choices: { mode: "add", profile: profileByKey("ciso-assistant") } });
    expect(result.prepared.preview.problems).toEqual([]);
    expect(result.written).toEqual({ added: 4, updated: 0 });
    const r1 = risksById(wb).get("R.1")!;
    expect(r1).toMatchObject({
      [RISK.title]: "Ransomware on file servers",
      [RISK.inherentImpact]: 4,
      [RISK.inherentLikelihood]: 3,
      [RISK.existingControls]: "EDR on servers\nNightly backups",
      [RISK.treatmentPlan]: "Immutable offsite backups",
      [RISK.residualImpact]: 3,
      [RISK.residualLikelihood]: 2,
      [RISK.treatment]: "Mitigate",
    });
    expect(risksById(wb).get("R.2")![RISK.treatment]).toBe("");
    const scoreAt = wb.getTable(RISKS_TABLE)!.columnNames().indexOf(RISK.inherentScore);
    expect(bodyFormulas(wb).every((row) => String(row[scoreAt]).startsWith("="))).toBe(true);
  });

  it("SimpleRisk: statuses, categories and strategies in its words; Research is left for the user to map", async () => {
    const wb = await sampleWorkbook();
    const preview = (await importInto(wb, fixture("simplerisk-risks.csv"), { choices: { mode: "add", profile: profileByKey("simplerisk") }, apply: false })).prepared.preview;
    expect(preview.adds.map((r) => r.id)).toEqual(["1001", "1002", "1003"]);
    expect(preview.unknownValues).toEqual([expect.objectContaining({ field: RISK.treatment, values: [{ value: "Research", count: 1, rows: [5] }] })]);
    const byId = new Map(preview.adds.map((r) => [r.id, r.values]));
    expect(byId.get("1001")).toMatchObject({ [RISK.status]: "Open", [RISK.category]: "Vulnerability management", [RISK.assetIds]: "A-001; A-003", [RISK.inherentLikelihood]: 4, [RISK.inherentImpact]: 4 });
    expect(byId.get("1002")).toMatchObject({ [RISK.status]: "In treatment", [RISK.category]: "Access control", [RISK.lastReviewed]: 46143 });
    const mapped = await importInto(wb, fixture("simplerisk-risks.csv"), { choices: { mode: "add", profile: profileByKey("simplerisk"), values: { Treatment: { Research: "Mitigate" } } } });
    expect(mapped.written).toEqual({ added: 4, updated: 0 });
    expect(risksById(wb).get("1004")![RISK.status]).toBe("Open");
  });

  it.each([
    ["vanta", "vanta-risk-register.csv", "RISK-01", { [RISK.title]: "Insider data theft", [RISK.identified]: 46096, [RISK.residualLikelihood]: 2, [RISK.category]: "Access control" }],
    ["drata", "drata-risk-register.csv", "DR-3", { [RISK.status]: "Accepted", [RISK.owner]: "IT Operations Manager", [RISK.treatment]: "Accept" }],
    ["jira", "jira-issues.csv", "SEC-102", { [RISK.status]: "In treatment", [RISK.identified]: 46054, [RISK.assetIds]: "A-003; A-004", [RISK.category]: "Logging & monitoring" }],
  ])("%s", async (key, file, id, expected) => {
    const wb = await sampleWorkbook();
    const result = await importInto(wb, fixture(file), { choices: { mode: "add", profile: profileByKey(key) } });
    expect(result.prepared.preview.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.written!.added).toBe(3);
    expect(risksById(wb).get(id)).toMatchObject(expected);
  });
});

describe("Writing: safe, batched and never over the user's rows", () => {
  it("add mode leaves every existing row byte-identical and fills the calculated columns of new rows", async () => {
    const wb = await sampleWorkbook();
    const sheet = wb.getTable(RISKS_TABLE)!;
    const before = JSON.stringify(bodyFormulas(wb));
    const count = sheet.bodyRowCount;
    await importInto(wb, fixture("vanta-risk-register.csv"), { choices: { mode: "add", profile: profileByKey("vanta") } });
    const after = bodyFormulas(wb);
    expect(after).toHaveLength(count + 3);
    expect(JSON.stringify(after.slice(0, count))).toBe(before);
    const scoreAt = sheet.columnNames().indexOf(RISK.inherentScore);
    for (const row of after.slice(count)) expect(row[scoreAt]).toBe(after[0][scoreAt]);
  });

  it("injection payloads arrive as text, and so do 0012, 1e3 and TRUE", async () => {
    const wb = await sampleWorkbook(false);
    const grid = parseCsvGrid('Title,Description,Owner\nA,"=HYPERLINK(""http://evil.example"",""x"")",0012\nB,+cmd|\' /C calc\'!A0,1e3\nC,@SUM(1),TRUE\nD,"\tTab",-5\n');
    await importInto(wb, grid);
    const rows = [...risksById(wb).values()];
    expect(rows.map((r) => r[RISK.description])).toEqual(['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1)", "Tab"]);
    expect(rows.map((r) => r[RISK.owner])).toEqual(["0012", "1e3", "TRUE", "-5"]);
    const table = wb.getTable(RISKS_TABLE)!;
    const descriptionColumn = table.bodyRect.c0 + table.columnNames().indexOf(RISK.description);
    for (let r = table.bodyRect.r0; r <= table.bodyRect.r1; r++) expect(table.sheet.cell(r, descriptionColumn)?.formula).toBeUndefined();
  });

  it("update mode changes only the mapped columns of rows with the same ID, and never a calculated one", async () => {
    const wb = await sampleWorkbook();
    const [first] = [...risksById(wb).entries()];
    const [id, row] = first;
    const formulasBefore = bodyFormulas(wb);
    const result = await importInto(wb, parseCsvGrid(`Risk ID,Owner,Title,Inherent Score\n${id},New Owner,,999\n`), { choices: { mode: "update" } });
    expect(result.prepared.preview.ignoredColumns).toEqual([{ column: "Inherent Score", reason: "Inherent Score is calculated in the workbook" }]);
    const updated = risksById(wb).get(id)!;
    expect(updated[RISK.owner]).toBe("New Owner");
    expect(updated[RISK.title]).toBe(row[RISK.title]);
    expect({ ...updated, [RISK.owner]: row[RISK.owner] }).toEqual(row);
    // Only the Owner cell changed; the score keeps its formula.
    const ownerAt = wb.getTable(RISKS_TABLE)!.columnNames().indexOf(RISK.owner);
    const formulasAfter = bodyFormulas(wb);
    expect(formulasAfter.map((r) => r.filter((_, c) => c !== ownerAt))).toEqual(formulasBefore.map((r) => r.filter((_, c) => c !== ownerAt)));
  });

  it("update mode reads date-times to the second: a time changed by seconds is written, the same instant as Excel stores it is left as it is", async () => {
    const wb = await sampleWorkbook(false);
    const headers = [INCIDENT.id, INCIDENT.title, INCIDENT.severity, INCIDENT.detected, INCIDENT.contained, INCIDENT.status];
    const file = (detected: string) => [headers, ["INC-900", "Phishing", "High", detected, "2026-03-02 08:15:45", "Open"]];
    const incident = () => wb.getTable(INCIDENTS_TABLE)!.bodyValues()[0];
    const at = (header: string) => wb.getTable(INCIDENTS_TABLE)!.columnNames().indexOf(header);
    expect((await importInto(wb, file("2026-03-01 23:59:45"), { register: INCIDENTS_TABLE })).written).toEqual({ added: 1, updated: 0 });
    // Contained as a workbook saved by Excel holds it: the same second, other last digits.
    const typed = Number((incident()[at(INCIDENT.contained)] as number).toPrecision(15));
    expect(typed).not.toBe(incident()[at(INCIDENT.contained)]);
    await run(wb, async (ctx) => {
      ctx.workbook.tables.getItem(INCIDENTS_TABLE).columns.getItem(INCIDENT.contained).getDataBodyRange().values = [[typed]];
      await ctx.sync();
    });

    await importInto(wb, file("2026-03-01 23:59:50"), { register: INCIDENTS_TABLE, choices: { mode: "update" } });
    const secondOfDay = (serial: unknown) => Math.round(((serial as number) % 1) * 86_400);
    expect(secondOfDay(incident()[at(INCIDENT.detected)])).toBe(86_390);
    expect(incident()[at(INCIDENT.contained)]).toBe(typed);
  });

  it("writes nothing while a row has errors, unless asked to skip the invalid rows", async () => {
    const wb = await sampleWorkbook();
    const before = JSON.stringify(bodyFormulas(wb));
    const blocked = await importInto(wb, fixture("bad-rows.csv"));
    expect(blocked.written).toBeUndefined();
    expect(JSON.stringify(bodyFormulas(wb))).toBe(before);
    const skipped = await importInto(wb, fixture("bad-rows.csv"), { skipInvalid: true });
    expect(skipped.written).toEqual({ added: 2, updated: 0 });
    expect([...risksById(wb).keys()]).toEqual(expect.arrayContaining(["N-1", "N-6"]));
  });

  it("imports 10,000 rows in at most 5 syncs, every request under the 5 MB limit", async () => {
    const wb = await sampleWorkbook(false);
    const lines = ["Risk ID,Title,Inherent Likelihood,Inherent Impact,Owner,Treatment,Identified,Description"];
    for (let i = 1; i <= 10_000; i++) lines.push(`B-${i},Risk number ${i},${(i % 5) + 1},${(i % 3) + 1},Owner ${i % 17},Mitigate,2026-0${(i % 9) + 1}-15,Some description of risk ${i} long enough to weigh`);
    const result = await importInto(wb, parseCsvGrid(lines.join("\n")));
    expect(result.written).toEqual({ added: 10_000, updated: 0 });
    expect(result.syncs).toBeLessThanOrEqual(5);
    expect(wb.stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(wb.getTable(RISKS_TABLE)!.bodyRowCount).toBe(10_000);
  });
});

// Export → import round trips, through CSV and .xlsx files, for every profile and register: exportRegister.test.ts.
