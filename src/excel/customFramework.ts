/**
 * Add a framework from the user's file (`ismp framework add`, the pane's Add framework from a file):
 * validate the catalog against the workbook (its stored frameworks, the Control Matrix's columns),
 * then run Build with the catalog in scope, which adds what a built-in framework has — a Control
 * Matrix column, Requirements rows, a Coverage row, a Dashboard tile, a KPI History column — and
 * stores the catalog on the workbook's memory sheet. Nothing is written while the file has a problem.
 */
import { customFrameworksInUse, getFramework } from "../core/catalogs";
import { catalogTable, mergeCustomCatalog, readCustomCatalog, readFrameworkMappings, type CatalogProblem, type CatalogRequest } from "../core/catalogs/customFramework";
import { CONTROL } from "../core/blueprint/controlMatrix";
import { filledRows } from "../core/check/tableData";
import type { Framework } from "../core/catalogs/types";
import { CONTROLS_TABLE, controlFields, mappingColumnHeader } from "../core/blueprint/controlMatrix";
import { frameworkKeys } from "../core/frameworkKeys";
import type { SourceCell } from "../core/import";
import { upgradeWorkbook } from "./build";
import { OperationBlockedError } from "./errors";
import type { BuildReport } from "./operations";
import { writeMappings } from "./suggestions";
import { readWorkbookData } from "./workbookData";
import { createSyncCounter, SyncCounter } from "./syncCounter";

export interface FrameworkFileRequest extends CatalogRequest {
  /** The file's cells (CSV, a worksheet, or a JSON catalog as a grid). */
  grid: SourceCell[][];
  /** Validate only: report what would be added, write nothing. */
  dryRun?: boolean;
  /** The user's own mapping file (Control ID, Requirement ID, Relationship, Rationale), written after the framework. */
  mappings?: { name: string; grid: SourceCell[][] };
}

export type FrameworkFileResult =
  | { ok: true; framework: Framework; notes: string[]; report?: BuildReport; mappings?: { read: number; rowsAdded: number } }
  | { ok: false; problems: CatalogProblem[] };

export async function addFrameworkFromFile(context: Excel.RequestContext, request: FrameworkFileRequest, today = new Date(), sync: SyncCounter = createSyncCounter()): Promise<FrameworkFileResult> {
  const data = await readWorkbookData(context, sync, [CONTROLS_TABLE]);
  const controls = data.snapshot.tables.find((t) => t.name.toLowerCase() === CONTROLS_TABLE.toLowerCase());
  if (!controls) throw new OperationBlockedError(["The workbook has no Control Matrix (table Controls). Build the workbook first, then add your framework."]);
  const frameworkColumns = new Set(frameworkKeys().map((key) => mappingColumnHeader(key).toLowerCase()));
  const reservedHeaders = [...controlFields([]).map((f) => f.header), ...controls.headers.filter((h) => !frameworkColumns.has(h.toLowerCase()))];
  const read = readCustomCatalog(catalogTable(request.source, request.grid), request, { existing: customFrameworksInUse(), reservedHeaders });
  if (!read.ok) return read;
  let mappings: Parameters<typeof writeMappings>[1] = [];
  if (request.mappings) {
    // Checked against the catalog as it will be (stored requirements the file no longer lists included).
    const merged = mergeCustomCatalog(customFrameworksInUse().find((f) => f.key === read.framework.key), read.framework).framework;
    const controlIds = new Set(filledRows(data.table(CONTROLS_TABLE)!).map((r) => r.text(CONTROL.id)).filter(Boolean));
    const file = readFrameworkMappings(request.mappings.name, request.mappings.grid, merged, controlIds);
    if (!file.ok) return { ok: false, problems: file.problems.map((p) => ({ ...p, column: `${request.mappings!.name} ${p.column}` })) };
    mappings = file.mappings.map((m) => ({
      ...m,
      framework: read.framework.key,
      strength: m.relationship === "Equal" ? 9 : m.relationship === "Intersects" ? 5 : 7,
      source: `mapping file ${request.mappings!.name}`,
    }));
  }
  if (request.dryRun) return { ok: true, framework: read.framework, notes: read.notes, ...(request.mappings ? { mappings: { read: mappings.length, rowsAdded: 0 } } : {}) };
  const report = await upgradeWorkbook(context, { catalogs: [read.framework] }, today);
  const written = mappings.length > 0 ? await writeMappings(context, mappings, sync) : undefined;
  return {
    ok: true,
    framework: getFramework(read.framework.key),
    notes: read.notes,
    report: { ...report, syncs: report.syncs + sync.count },
    ...(request.mappings ? { mappings: { read: mappings.length, rowsAdded: written?.rows ?? 0 } } : {}),
  };
}
