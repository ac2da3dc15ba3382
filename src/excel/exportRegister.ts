/** Reads a register for export: its whole table in row slices, and the labels of its scale levels. */
import { SCALE_TABLES } from "../core/blueprint/scalesSheet";
import { TableData } from "../core/check/tableData";
import { ExportContext, ExportedTable, exportTable, listKeyOf, profileByKey, scaleTablesOf } from "../core/import";
import { FieldSpec, REGISTERS, registerByTable } from "../core/registers";
import { scalesFromSnapshot } from "../core/plan/readScales";
import { defaultScales } from "../core/scales";
import { frameworkKeys } from "../core/frameworkKeys";
import { getFramework } from "../core/catalogs";
import { ImportRefusedError } from "./importRegister";
import { readTables } from "./readTables";
import { readSnapshot } from "./snapshot";
import { createSyncCounter, SyncCounter } from "./syncCounter";

export interface RegisterForExport {
  table: TableData;
  fields: FieldSpec[];
  context: ExportContext;
  syncs: number;
}

export async function readRegisterForExport(context: Excel.RequestContext, tableName: string, sync: SyncCounter = createSyncCounter()): Promise<RegisterForExport> {
  const register = registerByTable(tableName);
  if (!register) throw new ImportRefusedError(`"${tableName}" is not a register. Registers: ${REGISTERS.map((r) => r.table).join(", ")}.`);
  const scaleTables = [...new Set([...Object.values(SCALE_TABLES), ...scaleTablesOf(register.fields({ scales: defaultScales(), frameworks: [] }))])];
  const snapshot = await readSnapshot(context, { tables: [register.table, "Controls", ...scaleTables], fullTables: scaleTables, sheets: [] }, sync);
  const layout = snapshot.tables.find((t) => t.name.toLowerCase() === register.table.toLowerCase());
  if (!layout) throw new ImportRefusedError(`The workbook has no ${register.table} table to export.`);
  const controlHeaders = new Set((snapshot.tables.find((t) => t.name === "Controls")?.headers ?? []).map((h) => h.toLowerCase()));
  const frameworks = frameworkKeys().filter((key) => controlHeaders.has(getFramework(key).shortName.toLowerCase()));
  const fields = register.fields({ scales: scalesFromSnapshot(snapshot) ?? defaultScales(), frameworks });
  const table = (await readTables(context, [layout], sync)).get(register.table.toLowerCase())!;
  const labelsOf = new Map<string, Map<string, string>>();
  for (const scale of snapshot.tables.filter((t) => t.body)) {
    const level = scale.headers.findIndex((h) => h.toLowerCase() === "level");
    const label = scale.headers.findIndex((h) => h.toLowerCase() === "label");
    if (level < 0 || label < 0) continue;
    labelsOf.set(listKeyOf(scale.name, scale.headers[level]), new Map(scale.body!.map((row) => [String(row[level]), String(row[label] ?? "")])));
  }
  return { table, fields, context: { labelsOf }, syncs: sync.count };
}

/** The register in a profile's layout ("generic" or none: the register's own columns). */
export async function exportRegister(context: Excel.RequestContext, tableName: string, profile?: string): Promise<ExportedTable> {
  const read = await readRegisterForExport(context, tableName);
  return exportTable(read.table, read.fields, profile ? profileByKey(profile) : undefined, read.context);
}
