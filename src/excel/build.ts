/** Build: options → blueprint → plan (diff against the workbook) → one batched apply. */
import { buildBlueprint, BuildOptions, defaultOptions, WorkbookBlueprint } from "../core/blueprint";
import type { ColumnSpec } from "../core/blueprint/types";
import { FRAMEWORK_KEYS, frameworkKeys, FrameworkKey } from "../core/frameworkKeys";
import { CONTROLS_TABLE, mappingColumnHeader } from "../core/blueprint/controlMatrix";
import { MAPPINGS_TABLE } from "../core/blueprint/mappingsSheet";
import { COVERAGE_TABLE } from "../core/blueprint/coverageSheet";
import { REQUIREMENTS_TABLE } from "../core/blueprint/requirementsSheet";
import { LEGACY_SETTINGS_TABLE, SCALE_TABLES, SCORE_MATRIX_NAME } from "../core/blueprint/scalesSheet";
import { OPERATIONS_SCALE_TABLES } from "../core/blueprint/operationsScales";
import { OPTIONAL_REGISTER_KEYS } from "../core/registers/keys";
import { customFrameworksInUse, useCustomFrameworks } from "../core/catalogs";
import { mergeCustomCatalog } from "../core/catalogs/customFramework";
import { SOA_TABLE } from "../core/blueprint/soaSheet";
import { identify } from "../core/plan/identity";
import { planBuild, STRUCTURE_PROTECTED } from "../core/plan/planBuild";
import { ADDED_KPI_BLOCK_NAMES, dashboardState } from "../core/plan/dashboardState";
import { KPI_BLOCK, KPI_BLOCK_COLUMNS } from "../core/blueprint/dashboardSheet";
import { organisationFromSnapshot, scalesFromSnapshot, settingsOf } from "../core/plan/readScales";
import { currencyCode } from "../core/quant/currency";
import { nextMemory, resolveScope, schemaUpgradeNote, ScopeRequest } from "../core/plan/scope";
import { WorkbookSnapshot } from "../core/plan/snapshot";
import { profileFor, readMemory, sameClient, SCHEMA_VERSION, WorkbookMemory, WorkbookScope } from "../core/plan/workbookMemory";
import { Scales } from "../core/scales";
import { applyPlan } from "./applyPlan";
import { OperationBlockedError } from "./errors";
import type { BuildReport } from "./operations";
import { queueConstantsRead, readSnapshot } from "./snapshot";
import { createSyncCounter } from "./syncCounter";
import type { RequestContext } from "./officeApi";

/** Small tables read in full: scales (to follow the analyst's edits) and keyed tables (to add rows). */
const FULL_TABLES = [
  SCALE_TABLES.likelihood,
  SCALE_TABLES.impact,
  SCALE_TABLES.bands,
  LEGACY_SETTINGS_TABLE,
  CONTROLS_TABLE,
  MAPPINGS_TABLE,
  REQUIREMENTS_TABLE,
  SOA_TABLE,
  COVERAGE_TABLE,
  OPERATIONS_SCALE_TABLES.kpiTargets,
];

/** The blueprint's tables, plus the tables older versions kept per-row blocks in. */
function tableNames(blueprint: WorkbookBlueprint): string[] {
  const legacy = blueprint.sheets.flatMap((s) => (s.rowBlocks ?? []).flatMap((b) => (b.legacyTable ? [b.legacyTable] : [])));
  return [...blueprint.sheets.flatMap((s) => s.tables.map((t) => t.name)), ...legacy];
}

/** The tables older versions kept per-row blocks in, with the block columns that hold formulas. */
function legacyBlockTables(blueprint: WorkbookBlueprint): Record<string, string[]> {
  const blocks = blueprint.sheets.flatMap((s) => s.rowBlocks ?? []);
  return Object.fromEntries(
    blocks.flatMap((b) => (b.legacyTable ? [[b.legacyTable, b.columns.map((c) => c.header).filter((h) => b.rows.some((row) => String(row[h] ?? "").startsWith("=")))]] : [])),
  );
}

function rowBlockNames(blueprint: WorkbookBlueprint): string[] {
  return blueprint.sheets.flatMap((s) => (s.rowBlocks ?? []).map((b) => b.name));
}

/** The headers of the blueprint's columns that `has`, by table (tables with none left out). */
function columnsWith(blueprint: WorkbookBlueprint, has: (column: ColumnSpec) => unknown): Record<string, string[]> {
  const columns: Record<string, string[]> = {};
  for (const table of blueprint.sheets.flatMap((s) => s.tables)) {
    const headers = table.columns.filter(has).map((c) => c.header);
    if (headers.length > 0) columns[table.name] = headers;
  }
  return columns;
}

/** Columns with data validation, by table: read so a re-run writes only the validation that differs. */
export const validatedColumns = (blueprint: WorkbookBlueprint) => columnsWith(blueprint, (c) => c.validation);

/** Calculated columns by table: where typed-over cells (the analyst's overrides) are looked for. */
export const calculatedColumns = (blueprint: WorkbookBlueprint) => columnsWith(blueprint, (c) => c.formula);

let everyTableCache: WorkbookBlueprint | undefined;
/** The blueprint with every framework: every table and column the add-in may own. */
export function everyTableBlueprint(): WorkbookBlueprint {
  everyTableCache ??= buildBlueprint({ ...defaultOptions("general"), frameworks: [...FRAMEWORK_KEYS], registers: [...OPTIONAL_REGISTER_KEYS], sample: false }, { today: new Date(2026, 0, 1) });
  return everyTableCache;
}

/** The workbook's own scale wins over Set up's choice: rescaling would silently re-rate every risk. */
function keptScaleWarning(kept: number, asked: number): string {
  return (
    `The Scales sheet already holds a ${kept}x${kept} scale, so it was kept and the ${asked}x${asked} matrix was not applied. ` +
    "To change the matrix size, edit the Likelihood and Impact tables on the Scales sheet, or build a new workbook."
  );
}

/** Build with every option chosen (Set up's form, `ismp new`). */
export async function buildWorkbook(context: RequestContext, options: BuildOptions, today = new Date()): Promise<BuildReport> {
  return buildWorkbookWith(context, today, () => options);
}

/** Re-run with the workbook's own scope, changing only what `request` names (`ismp upgrade`, batch). */
export async function upgradeWorkbook(context: RequestContext, request: ScopeRequest, today = new Date()): Promise<BuildReport> {
  return buildWorkbookWith(context, today, () => request);
}

/**
 * The workbook's scope: remembered, or, for a workbook that predates the memory, read from what it
 * holds (frameworks with mapping columns, the Scales sheet). Undefined for a workbook without ours.
 */
function currentScope(snapshot: WorkbookSnapshot, memory: WorkbookMemory | undefined, scales: Scales | undefined): WorkbookScope | undefined {
  const frameworks = frameworksInWorkbook(snapshot);
  if (memory) {
    return {
      ...memory,
      frameworks: frameworkKeys().filter((k) => memory.frameworks.includes(k) || frameworks.includes(k)),
      matrixSize: scales && isMatrix(scales.size) ? scales.size : memory.matrixSize,
      method: scales?.method ?? memory.method,
    };
  }
  const ours = new Set(tableNames(everyTableBlueprint()).map((n) => n.toLowerCase()));
  if (!snapshot.tables.some((t) => ours.has(t.name.toLowerCase()))) return undefined;
  return {
    profile: profileFor(frameworks) ?? "general",
    frameworks,
    matrixSize: scales && isMatrix(scales.size) ? scales.size : 5,
    method: scales?.method ?? "multiply",
    organisation: organisationFromSnapshot(snapshot) ?? "",
  };
}

const isMatrix = (size: number): size is 3 | 4 | 5 | 6 => [3, 4, 5, 6].includes(size);

/** Batch names the client it means: another client's workbook (or one that is not ours) is refused. */
function clientBlocker(request: ScopeRequest, scope: WorkbookScope | undefined, memory: WorkbookMemory | undefined, snapshot: WorkbookSnapshot): string | undefined {
  if (request.client === undefined) return undefined;
  if (!scope) {
    return snapshot.tables.length > 0
      ? `This workbook was not built by the add-in for "${request.client}" (it has no ISMP tables); it was left unchanged.`
      : undefined;
  }
  const owner = memory?.client || scope.organisation;
  if (sameClient(owner, request.client)) return undefined;
  return owner
    ? `This workbook belongs to "${owner}", not "${request.client}"; it was left unchanged. Give this client its own file (another --out folder or client name).`
    : `This workbook records no client, so it cannot be proven to be "${request.client}"'s; it was left unchanged. Run "ismp upgrade <file> --org \"${request.client}\"" on it first if it is theirs.`;
}

/** Frameworks that already have a mapping column in the workbook's control matrix. */
function frameworksInWorkbook(snapshot: WorkbookSnapshot): FrameworkKey[] {
  const headers = new Set(
    (snapshot.tables.find((t) => t.name.toLowerCase() === CONTROLS_TABLE.toLowerCase())?.headers ?? []).map((h) => h.toLowerCase()),
  );
  return frameworkKeys().filter((key) => headers.has(mappingColumnHeader(key).toLowerCase()));
}

/**
 * Build with options decided once the workbook has been read (Add framework keeps the frameworks
 * already there and their organisation).
 */
export async function buildWorkbookWith(
  context: RequestContext,
  today: Date,
  decide: (snapshot: WorkbookSnapshot, frameworks: FrameworkKey[]) => ScopeRequest,
): Promise<BuildReport> {
  const sync = createSyncCounter();
  const everyTable = everyTableBlueprint();
  const snapshot = await readSnapshot(
    context,
    {
      tables: tableNames(everyTable),
      // Legacy block tables in full, and where the analyst typed over their formulas: upgrading converts them.
      fullTables: [...FULL_TABLES, ...Object.keys(legacyBlockTables(everyTable))],
      sheets: everyTable.sheets.map((s) => s.name),
      gridName: SCORE_MATRIX_NAME,
      calculated: { ...calculatedColumns(everyTable), ...legacyBlockTables(everyTable) },
      validated: validatedColumns(everyTable),
      blocks: [...rowBlockNames(everyTable), ...ADDED_KPI_BLOCK_NAMES],
      // The Dashboard's cells: a renamed band's tile label is found there (see relabel.ts).
      cellsOfBlockSheet: KPI_BLOCK,
    },
    sync,
  );
  const read = readMemory(snapshot.memoryRows);
  const memory = read.kind === "memory" ? read.memory : undefined;
  const scales = scalesFromSnapshot(snapshot);
  const scope = currentScope(snapshot, memory, scales);
  const decided = decide(snapshot, frameworksInWorkbook(snapshot));
  const { request, notes: catalogNotes } = withCatalogs(decided);
  // Refused before anything else is decided: nothing of another client's workbook may change.
  if (snapshot.structureProtected) throw new OperationBlockedError([STRUCTURE_PROTECTED]);
  const refusal = clientBlocker(request, scope, memory, snapshot);
  if (refusal) throw new OperationBlockedError([refusal]);
  const resolved = resolveScope(scope, request);
  const { changes } = resolved;
  // A workbook this version built keeps the operations registers it has unless asked for more; an
  // older one (no memory) gets its profile's, so upgrading brings the new sheets.
  const options = memory && !request.registers ? { ...resolved.options, registers: [] } : resolved.options;
  await readRenamedConstants(context, snapshot, memory, sync);

  const currency = currencyCode(settingsOf(snapshot).get("Currency"));
  const blueprint = buildBlueprint(options, { today, scales, currency, existingTables: snapshot.tables.map((t) => t.name), dashboard: dashboardState(snapshot) });
  const client = memory?.client || (scope ? scope.organisation : "") || request.client || options.organisation;
  const plan = planBuild(blueprint, snapshot, { memory, remember: nextMemory(options, client), formerBlocks: { names: ADDED_KPI_BLOCK_NAMES, columns: KPI_BLOCK_COLUMNS } });
  if (plan.blockers.length > 0) throw new OperationBlockedError(plan.blockers);
  await applyPlan(context, plan, sync);
  const warnings = scales && scales.size !== options.matrixSize ? [keptScaleWarning(scales.size, options.matrixSize)] : [];
  const upgraded = scope && (memory?.schemaVersion ?? 1) < SCHEMA_VERSION ? [schemaUpgradeNote(memory?.schemaVersion ?? 1, scope)] : [];
  return {
    ...plan.report,
    warnings: [...plan.report.warnings, ...warnings],
    notes: [...upgraded, ...catalogNotes, ...changes, ...plan.report.notes],
    syncs: sync.count,
  };
}

/**
 * Custom catalogs the caller brings (`ismp framework add`) merged over the ones the workbook stores
 * (already in use since the snapshot read them) and put in scope with the request's frameworks.
 */
function withCatalogs(request: ScopeRequest): { request: ScopeRequest; notes: string[] } {
  if (!request.catalogs?.length) return { request, notes: [] };
  const stored = new Map(customFrameworksInUse().map((f) => [f.key, f]));
  const notes: string[] = [];
  for (const incoming of request.catalogs) {
    const merged = mergeCustomCatalog(stored.get(incoming.key), incoming);
    stored.set(incoming.key, merged.framework);
    notes.push(...merged.notes);
  }
  useCustomFrameworks([...stored.values()]);
  const keys = request.catalogs.map((f) => f.key);
  return { request: { ...request, frameworks: [...(request.frameworks ?? []), ...keys] }, notes };
}

/**
 * The snapshot looked for typed-over cells by the blueprint's names; a renamed table or calculated
 * column is looked up again under its new name (one more read, only when something was renamed).
 */
async function readRenamedConstants(context: RequestContext, snapshot: WorkbookSnapshot, memory: WorkbookMemory | undefined, sync: ReturnType<typeof createSyncCounter>): Promise<void> {
  const everyTable = everyTableBlueprint();
  const specs = everyTable.sheets.flatMap((s) => s.tables);
  const identity = identify(specs, snapshot, memory);
  const reads: Array<{ table: (typeof snapshot.tables)[number]; header: string; read: ReturnType<typeof queueConstantsRead> }> = [];
  for (const spec of specs) {
    const table = identity.tables.get(spec.name.toLowerCase());
    if (!table) continue;
    const tableRenamed = table.name.toLowerCase() !== spec.name.toLowerCase();
    for (const column of spec.columns) {
      if (!column.formula) continue;
      const header = identity.renames.columns.get(spec.name.toLowerCase())?.get(column.header.toLowerCase());
      if (!tableRenamed && header === undefined) continue;
      const actual = header ?? column.header;
      if (!table.headers.some((h) => h.toLowerCase() === actual.toLowerCase())) continue;
      reads.push({ table, header: actual, read: queueConstantsRead(context.workbook.tables.getItem(table.name).columns.getItemOrNullObject(actual)) });
    }
  }
  if (reads.length === 0) return;
  await sync(context);
  for (const { table, header, read } of reads) {
    const rows = read.rows();
    if (rows.length > 0) table.constants = { ...table.constants, [header]: rows };
  }
}
