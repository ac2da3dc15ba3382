/**
 * Reads the tables an analysis needs (register, assets, controls, requirements) plus the scales
 * in a few syncs: one snapshot read, then the table bodies in row slices.
 */
import { ASSETS_TABLE } from "../core/blueprint/assetInventory";
import { CONTROLS_TABLE } from "../core/blueprint/controlMatrix";
import { HISTORY_TABLE } from "../core/blueprint/historySheet";
import { REQUIREMENTS_TABLE } from "../core/blueprint/requirementsSheet";
import { RISKS_TABLE } from "../core/blueprint/riskRegister";
import { LEGACY_SETTINGS_TABLE, SCALE_TABLES, SCORE_MATRIX_NAME, SETTINGS_BLOCK } from "../core/blueprint/scalesSheet";
import { CHARTER_BLOCK } from "../core/blueprint/programSheet";
import { TableData } from "../core/check/tableData";
import { OPERATIONS_SCALE_TABLES } from "../core/blueprint/operationsScales";
import { OPTIONAL_REGISTER_KEYS, OPTIONAL_REGISTERS, OptionalRegisterKey } from "../core/registers";
import { getFramework } from "../core/catalogs";
import { frameworkKeys, FrameworkKey } from "../core/frameworkKeys";
import { identify, Identity } from "../core/plan/identity";
import { scalesFromSnapshot } from "../core/plan/readScales";
import { readMemory } from "../core/plan/workbookMemory";
import { TableSnapshot, WorkbookSnapshot } from "../core/plan/snapshot";
import { defaultScales, Scales } from "../core/scales";
import { readTables } from "./readTables";
import { calculatedColumns, everyTableBlueprint } from "./build";
import { readSnapshot } from "./snapshot";
import { SyncCounter } from "./syncCounter";

const SCALE_TABLE_NAMES = [
  SCALE_TABLES.likelihood,
  SCALE_TABLES.impact,
  SCALE_TABLES.bands,
  LEGACY_SETTINGS_TABLE,
  SCALE_TABLES.categories,
  ...Object.values(OPERATIONS_SCALE_TABLES),
];

export interface WorkbookData {
  snapshot: WorkbookSnapshot;
  scales: Scales;
  tables: Map<string, TableData>;
  /** Frameworks with a mapping column in the control matrix, in catalog order. */
  frameworks: FrameworkKey[];
  /** Operations registers the workbook holds. */
  registers: OptionalRegisterKey[];
  table(name: string): TableData | undefined;
  layout(name: string): TableSnapshot | undefined;
  /** Which tables and columns are ours under the names the analyst gave them. */
  identity: Identity;
}

/**
 * A table as the analyses read it: under the blueprint's table and column names, whatever the analyst
 * renamed them to (cells are still addressed where they are).
 */
function canonical<T extends TableSnapshot>(table: T, name: string, identity: Identity): T {
  const aliases = identity.renames.columns.get(name.toLowerCase());
  if (!aliases?.size && table.name.toLowerCase() === name.toLowerCase()) return table;
  const blueprintOf = new Map([...(aliases ?? [])].map(([bp, actual]) => [actual.toLowerCase(), bp]));
  const spec = everyTableBlueprint().sheets.flatMap((s) => s.tables).find((t) => t.name.toLowerCase() === name.toLowerCase());
  const headerOf = (h: string) => {
    const bp = blueprintOf.get(h.toLowerCase());
    return bp ? (spec?.columns.find((c) => c.header.toLowerCase() === bp)?.header ?? h) : h;
  };
  const rename = <V>(record: Record<string, V> | undefined) => record && Object.fromEntries(Object.entries(record).map(([h, v]) => [headerOf(h), v]));
  return { ...table, name, headers: table.headers.map(headerOf), columns: rename(table.columns), constants: rename(table.constants) };
}

export async function readWorkbookData(
  context: Excel.RequestContext,
  sync: SyncCounter,
  wanted: readonly string[] = [RISKS_TABLE, ASSETS_TABLE, CONTROLS_TABLE, REQUIREMENTS_TABLE],
  options: { overrides?: boolean } = {},
): Promise<WorkbookData> {
  const calculated = options.overrides
    ? Object.fromEntries(Object.entries(calculatedColumns(everyTableBlueprint())).filter(([table]) => wanted.some((w) => w.toLowerCase() === table.toLowerCase())))
    : undefined;
  const snapshot = await readSnapshot(
    context,
    { tables: [...wanted, HISTORY_TABLE, ...SCALE_TABLE_NAMES], fullTables: SCALE_TABLE_NAMES, sheets: [], gridName: SCORE_MATRIX_NAME, blocks: [SETTINGS_BLOCK, CHARTER_BLOCK], calculated },
    sync,
  );
  const memory = readMemory(snapshot.memoryRows);
  const identity = identify(everyTableBlueprint().sheets.flatMap((s) => s.tables), snapshot, memory.kind === "memory" ? memory.memory : undefined);
  const layout = (name: string) => {
    const found = identity.tables.get(name.toLowerCase()) ?? snapshot.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    return found && canonical(found, name, identity);
  };
  const toRead = wanted.map(layout).filter((t): t is TableSnapshot => t !== undefined);
  const tables = await readTables(context, toRead, sync);
  // The Scales tables came in full with the snapshot: the operations KPIs and Check look values up in them.
  for (const name of SCALE_TABLE_NAMES) {
    const t = layout(name);
    if (t?.body && !tables.has(name.toLowerCase())) tables.set(name.toLowerCase(), { ...t, rows: t.body });
  }
  const controlHeaders = new Set((layout(CONTROLS_TABLE)?.headers ?? []).map((h) => h.toLowerCase()));
  return {
    snapshot,
    scales: scalesFromSnapshot(snapshot) ?? defaultScales(),
    tables,
    frameworks: frameworkKeys().filter((key) => controlHeaders.has(getFramework(key).shortName.toLowerCase())),
    registers: OPTIONAL_REGISTER_KEYS.filter((key) => layout(OPTIONAL_REGISTERS[key].table) !== undefined),
    table: (name) => tables.get(name.toLowerCase()),
    layout,
    identity,
  };
}
