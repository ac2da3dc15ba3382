/**
 * Add a framework from the user's file (`ismp framework add`, the pane's Add framework from a file):
 * validate the catalog against the workbook (its stored frameworks, the Control Matrix's columns),
 * then run Build with the catalog in scope, which adds what a built-in framework has — a Control
 * Matrix column, Requirements rows, a Coverage row, a Dashboard tile, a KPI History column — and
 * stores the catalog on the workbook's memory sheet. Nothing is written while the file has a problem.
 */
import { customFrameworksInUse, getFramework } from "../core/catalogs";
import { catalogTable, readCustomCatalog, type CatalogProblem, type CatalogRequest } from "../core/catalogs/customFramework";
import type { Framework } from "../core/catalogs/types";
import { CONTROLS_TABLE, controlFields, mappingColumnHeader } from "../core/blueprint/controlMatrix";
import { frameworkKeys } from "../core/frameworkKeys";
import type { SourceCell } from "../core/import";
import { upgradeWorkbook } from "./build";
import { OperationBlockedError } from "./errors";
import type { BuildReport } from "./operations";
import { readSnapshot } from "./snapshot";
import { createSyncCounter, SyncCounter } from "./syncCounter";

export interface FrameworkFileRequest extends CatalogRequest {
  /** The file's cells (CSV, a worksheet, or a JSON catalog as a grid). */
  grid: SourceCell[][];
  /** Validate only: report what would be added, write nothing. */
  dryRun?: boolean;
}

export type FrameworkFileResult =
  | { ok: true; framework: Framework; notes: string[]; report?: BuildReport }
  | { ok: false; problems: CatalogProblem[] };

export async function addFrameworkFromFile(context: Excel.RequestContext, request: FrameworkFileRequest, today = new Date(), sync: SyncCounter = createSyncCounter()): Promise<FrameworkFileResult> {
  const snapshot = await readSnapshot(context, { tables: [CONTROLS_TABLE], fullTables: [], sheets: [] }, sync);
  const controls = snapshot.tables.find((t) => t.name.toLowerCase() === CONTROLS_TABLE.toLowerCase());
  if (!controls) throw new OperationBlockedError(["The workbook has no Control Matrix (table Controls). Build the workbook first, then add your framework."]);
  const frameworkColumns = new Set(frameworkKeys().map((key) => mappingColumnHeader(key).toLowerCase()));
  const reservedHeaders = [...controlFields([]).map((f) => f.header), ...controls.headers.filter((h) => !frameworkColumns.has(h.toLowerCase()))];
  const read = readCustomCatalog(catalogTable(request.source, request.grid), request, { existing: customFrameworksInUse(), reservedHeaders });
  if (!read.ok) return read;
  if (request.dryRun) return { ok: true, framework: read.framework, notes: read.notes };
  const report = await upgradeWorkbook(context, { catalogs: [read.framework] }, today);
  return { ok: true, framework: getFramework(read.framework.key), notes: read.notes, report: { ...report, syncs: report.syncs + sync.count } };
}
