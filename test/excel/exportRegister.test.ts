/**
 * Export, then import in update mode, gives the same rows: for every profile and every register
 * (the generic layout), through the file a user would carry between tools — CSV bytes as `ismp
 * export` writes them (UTF-8 with a BOM, cells a spreadsheet would run escaped) and an .xlsx —
 * read back as `ismp import` and the pane read them. The export also carries everything it claims:
 * imported into an empty workbook, it gives the same values in the profile's columns, and the
 * same file again.
 */
import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { importIntoRegister } from "../../src/excel/importRegister";
import { readRegisterForExport } from "../../src/excel/exportRegister";
import { exportFileBytes } from "../../src/cli/commands/export";
import { readSourceGrid } from "../../src/headless/xlsx/sourceGrid";
import { defaultOptions } from "../../src/core/blueprint/options";
import { RISK, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { REGISTERS } from "../../src/core/registers";
import { INCIDENT, INCIDENTS_TABLE } from "../../src/core/registers/incidents";
import { rowKeyColumns } from "../../src/core/registers/rowKey";
import { decodeCsv, ExportedTable, exportTable, parseCsvGrid, profileByKey, PROFILES, SourceCell } from "../../src/core/import";

const TODAY = new Date(2026, 10, 23);

async function sampleWorkbook(sample: boolean): Promise<HeadlessWorkbook> {
  const wb = createWorkbook();
  await run(wb, (ctx) => buildWorkbook(ctx, { ...defaultOptions("saas"), sample }, TODAY));
  return wb;
}

/** The register's rows by key (its key columns together), as the workbook shows them. */
function rowsOf(wb: HeadlessWorkbook, table: string): Map<string, Record<string, unknown>> {
  const t = wb.getTable(table)!;
  const headers = t.columnNames();
  const keys = rowKeyColumns(REGISTERS.find((r) => r.table === table)!).map((k) => headers.indexOf(k));
  return new Map(t.bodyValues().map((row) => [keys.map((k) => String(row[k])).join(" / "), Object.fromEntries(headers.map((h, i) => [h, row[i]]))]));
}

async function exportOf(wb: HeadlessWorkbook, table: string, key: string): Promise<ExportedTable> {
  const read = await run(wb, (ctx) => readRegisterForExport(ctx, table));
  return exportTable(read.table, read.fields, profileByKey(key), read.context);
}

/** The exported table written to a file and read back as an import reads it. */
async function throughFile(exported: ExportedTable, format: "csv" | "xlsx", table: string): Promise<SourceCell[][]> {
  const bytes = await exportFileBytes(`out.${format}`, exported, table);
  if (format === "xlsx") return (await readSourceGrid(bytes, "out.xlsx")).grid;
  const decoded = decodeCsv(bytes, "out.csv");
  expect({ encoding: decoded.encoding, bom: decoded.bom }).toEqual({ encoding: "UTF-8", bom: true });
  return parseCsvGrid(decoded.text);
}

function importInto(wb: HeadlessWorkbook, table: string, grid: SourceCell[][], key: string, mode: "add" | "update") {
  return run(wb, (ctx) => importIntoRegister(ctx, { register: table, sourceName: "exported", grid, choices: { mode, profile: profileByKey(key) }, apply: true }));
}

/**
 * A risk a demanding user would carry between tools: text Excel would run as a formula, quotes and
 * commas, a multi-line description with list separators in it, accents, several asset IDs, a date.
 */
async function addAwkwardRisk(wb: HeadlessWorkbook): Promise<void> {
  const grid = [
    ["Risk ID", "Title", "Description", "Owner", "Asset IDs", "Inherent Likelihood", "Inherent Impact", "Treatment", "Identified", "Status", "Category"],
    ["R-900", '=1+1, "quoted" title', "First line; with | pipes\nsecond line, with commas", "Zoë Müller", "A-001; A-003", "4", "2", "Transfer", "2026-02-28", "Open", "Access control"],
  ];
  const added = await importInto(wb, RISKS_TABLE, grid, "generic", "add");
  expect(added.prepared.preview.problems.filter((p) => p.severity === "error")).toEqual([]);
  expect(added.written).toEqual({ added: 1, updated: 0 });
}

const FORMATS = ["csv", "xlsx"] as const;
const RISK_PROFILES = ["generic", ...PROFILES.filter((p) => p.register === RISKS_TABLE).map((p) => p.key)];

describe("Export, then import in update mode, gives the same rows: every Risks profile", () => {
  describe.each(FORMATS)("through %s", (format) => {
    it.each(RISK_PROFILES)("%s", async (key) => {
      const wb = await sampleWorkbook(true);
      await addAwkwardRisk(wb);
      const before = rowsOf(wb, RISKS_TABLE);
      const exported = await exportOf(wb, RISKS_TABLE, key);
      expect(exported.rows).toHaveLength(before.size);
      const grid = await throughFile(exported, format, RISKS_TABLE);

      const result = await importInto(wb, RISKS_TABLE, grid, key, "update");
      expect(result.prepared.preview.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(result.written).toEqual({ added: 0, updated: before.size });
      expect(rowsOf(wb, RISKS_TABLE)).toEqual(before);
      expect(before.get("R-900")).toMatchObject({ [RISK.title]: '=1+1, "quoted" title', [RISK.description]: "First line; with | pipes\nsecond line, with commas" });

      // Into an empty workbook: the profile's columns arrive with the same values, and export the same file.
      const fresh = await sampleWorkbook(false);
      const added = await importInto(fresh, RISKS_TABLE, grid, key, "add");
      expect(added.prepared.preview.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(added.written).toEqual({ added: before.size, updated: 0 });
      const carried = profileByKey(key)?.columns.flatMap((c) => (c.target ? [c.target] : [])) ?? wb.getTable(RISKS_TABLE)!.columnNames();
      const pick = (row: Record<string, unknown> | undefined) => Object.fromEntries(carried.map((c) => [c, row?.[c]]));
      const copied = rowsOf(fresh, RISKS_TABLE);
      for (const [id, row] of before) expect({ id, ...pick(copied.get(id)) }).toEqual({ id, ...pick(row) });
      expect(await exportOf(fresh, RISKS_TABLE, key)).toEqual(exported);
    });
  });
});

describe("Export, then import in update mode, gives the same rows: every register in its own layout", () => {
  it.each(REGISTERS.map((r) => r.table))("%s", async (table) => {
    const wb = await sampleWorkbook(true);
    const before = rowsOf(wb, table);
    expect(before.size).toBeGreaterThan(0);
    const grid = await throughFile(await exportOf(wb, table, "generic"), "csv", table);
    const result = await importInto(wb, table, grid, "generic", "update");
    expect(result.prepared.preview.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.written).toEqual({ added: 0, updated: before.size });
    expect(rowsOf(wb, table)).toEqual(before);
  });
});

describe("Export, then import in update mode, keeps date-times to the second", () => {
  it.each(FORMATS)("through %s: an incident detected at 2026-03-01 23:59:45 keeps that time, and the round trip changes nothing", async (format) => {
    const wb = await sampleWorkbook(false);
    const grid = [
      [INCIDENT.id, INCIDENT.title, INCIDENT.severity, INCIDENT.occurred, INCIDENT.detected, INCIDENT.contained, INCIDENT.status],
      ["INC-900", "Phishing", "High", "2026-03-01 14:30:45", "2026-03-01 23:59:45", "2026-03-02 08:15", "Contained"],
    ];
    expect((await importInto(wb, INCIDENTS_TABLE, grid, "generic", "add")).written).toEqual({ added: 1, updated: 0 });
    const before = rowsOf(wb, INCIDENTS_TABLE);
    const secondOfDay = (serial: unknown) => Math.round(((serial as number) % 1) * 86_400);
    expect(secondOfDay(before.get("INC-900")![INCIDENT.detected])).toBe(86_385);

    const exported = await exportOf(wb, INCIDENTS_TABLE, "generic");
    const detectedAt = exported.headers.indexOf(INCIDENT.detected);
    expect(exported.rows[0].slice(detectedAt - 1, detectedAt + 2)).toEqual(["2026-03-01 14:30:45", "2026-03-01 23:59:45", "2026-03-02 08:15"]);
    const result = await importInto(wb, INCIDENTS_TABLE, await throughFile(exported, format, INCIDENTS_TABLE), "generic", "update");
    expect(result.prepared.preview.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(rowsOf(wb, INCIDENTS_TABLE)).toEqual(before);
  });
});

describe("Export, then import in update mode, gives the same rows: riskquant", () => {
  it.each(FORMATS)("through %s", async (format) => {
    const wb = await sampleWorkbook(true);
    const table = profileByKey("riskquant")!.register;
    const before = rowsOf(wb, table);
    const exported = await exportOf(wb, table, "riskquant");
    expect(exported.headers).toEqual(["Identifier", "Name", "Probability", "Low_loss", "High_loss"]);
    expect(exported.rows.filter((row) => row[2] !== "").length).toBeGreaterThan(0);
    const result = await importInto(wb, table, await throughFile(exported, format, table), "riskquant", "update");
    expect(result.prepared.preview.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.written).toEqual({ added: 0, updated: before.size });
    expect(rowsOf(wb, table)).toEqual(before);
  });
});
