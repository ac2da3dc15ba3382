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
import { TableData } from "../core/check/tableData";
import { getFramework } from "../core/catalogs";
import { FRAMEWORK_KEYS, FrameworkKey } from "../core/frameworkKeys";
import { scalesFromSnapshot } from "../core/plan/readScales";
import { TableSnapshot, WorkbookSnapshot } from "../core/plan/snapshot";
import { defaultScales, Scales } from "../core/scales";
import { readTables } from "./readTables";
import { readSnapshot } from "./snapshot";
import { SyncCounter } from "./syncCounter";

const SCALE_TABLE_NAMES = [SCALE_TABLES.likelihood, SCALE_TABLES.impact, SCALE_TABLES.bands, LEGACY_SETTINGS_TABLE, SCALE_TABLES.categories];

export interface WorkbookData {
  snapshot: WorkbookSnapshot;
  scales: Scales;
  tables: Map<string, TableData>;
  /** Frameworks with a mapping column in the control matrix, in catalog order. */
  frameworks: FrameworkKey[];
  table(name: string): TableData | undefined;
  layout(name: string): TableSnapshot | undefined;
}

export async function readWorkbookData(
  context: Excel.RequestContext,
  sync: SyncCounter,
  wanted: readonly string[] = [RISKS_TABLE, ASSETS_TABLE, CONTROLS_TABLE, REQUIREMENTS_TABLE],
): Promise<WorkbookData> {
  const snapshot = await readSnapshot(
    context,
    { tables: [...wanted, HISTORY_TABLE, ...SCALE_TABLE_NAMES], fullTables: SCALE_TABLE_NAMES, sheets: [], gridName: SCORE_MATRIX_NAME, blocks: [SETTINGS_BLOCK] },
    sync,
  );
  const layout = (name: string) => snapshot.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const toRead = wanted.map(layout).filter((t): t is TableSnapshot => t !== undefined);
  const tables = await readTables(context, toRead, sync);
  const controlHeaders = new Set((layout(CONTROLS_TABLE)?.headers ?? []).map((h) => h.toLowerCase()));
  return {
    snapshot,
    scales: scalesFromSnapshot(snapshot) ?? defaultScales(),
    tables,
    frameworks: FRAMEWORK_KEYS.filter((key) => controlHeaders.has(getFramework(key).shortName.toLowerCase())),
    table: (name) => tables.get(name.toLowerCase()),
    layout,
  };
}
