/**
 * Mapping suggestions for the workbook's own controls, and writing the one the user accepts: the
 * requirement ID is appended to the control's mapping cell in one sync. Nothing is written until
 * the user accepts.
 */
import { CONTROL, CONTROLS_TABLE, MAPPING_SEPARATOR, mappingColumnHeader } from "../core/blueprint/controlMatrix";
import { filledRows } from "../core/check/tableData";
import { frameworkKeys, type FrameworkKey } from "../core/frameworkKeys";
import { suggestMappings, type MappingSuggestion } from "../core/suggest/suggestMappings";
import { getFramework } from "../core/catalogs";
import { asLiteralText } from "../core/literalText";
import type { Relationship } from "../core/controls/types";
import { OperationBlockedError } from "./errors";
import { readWorkbookData } from "./workbookData";
import { createSyncCounter, SyncCounter } from "./syncCounter";
import type { RequestContext } from "./officeApi";

export interface ControlSuggestions {
  controlId: string;
  name: string;
  /** Requirement IDs the control's mapping cell holds now. */
  mapped: string[];
  suggestions: MappingSuggestion[];
}

const splitMapping = (text: string) => text.split(/\s*;\s*/).map((s) => s.trim()).filter(Boolean);

/** Suggestions for the controls with an empty mapping cell for `framework` (or every control, when `all`). */
export async function suggestForControls(context: RequestContext, framework: FrameworkKey, all = false, sync: SyncCounter = createSyncCounter()): Promise<ControlSuggestions[]> {
  const data = await readWorkbookData(context, sync, [CONTROLS_TABLE]);
  const controls = data.table(CONTROLS_TABLE);
  if (!controls) throw new OperationBlockedError(["The workbook has no Control Matrix (table Controls). Build the workbook first."]);
  const column = mappingColumnHeader(framework);
  if (!controls.headers.some((h) => h.toLowerCase() === column.toLowerCase())) {
    throw new OperationBlockedError([`The Control Matrix has no ${column} column. Add the framework (Controls & coverage ▸ Add framework) first.`]);
  }
  // The control's mappings in the matrix's other framework columns are a crosswalk to this one.
  const headers = new Set(controls.headers.map((h) => h.toLowerCase()));
  const others = frameworkKeys().filter((key) => key !== framework && headers.has(mappingColumnHeader(key).toLowerCase()));
  return filledRows(controls)
    .map((row) => ({
      controlId: row.text(CONTROL.id),
      name: row.text(CONTROL.name),
      mapped: splitMapping(row.text(column)),
      text: `${row.text(CONTROL.name)}. ${row.text(CONTROL.description)}`,
      known: others.flatMap((key) => splitMapping(row.text(mappingColumnHeader(key))).map((requirementId) => ({ framework: key, requirementId }))),
    }))
    .filter((c) => c.controlId && (all || c.mapped.length === 0))
    .map(({ text, known, ...control }) => ({ ...control, suggestions: suggestMappings(framework, text, control.mapped, 5, known) }));
}

export interface AcceptedSuggestion {
  controlId: string;
  framework: FrameworkKey;
  suggestion: MappingSuggestion;
  /** Who accepted it, for the mapping record's source. */
  acceptedBy: string;
}

/** A mapping record to write: the control's mapping cell gets the ID, the Mappings table a row. */
export interface MappingToWrite {
  controlId: string;
  framework: FrameworkKey;
  requirementId: string;
  relationship: Relationship;
  jointlySufficient?: boolean;
  strength: number;
  source: string;
  rationale: string;
}

const MAPPINGS_TABLE = "Mappings";
const pairOf = (controlId: string, framework: string, requirementId: string) => `${controlId}|${framework}|${requirementId}`.toLowerCase();

function mappingRecord(record: MappingToWrite): Record<string, string | number> {
  return {
    "control id": record.controlId,
    framework: getFramework(record.framework).shortName,
    "requirement id": record.requirementId,
    relationship: record.relationship,
    "jointly sufficient": record.jointlySufficient ? "Yes" : "",
    strength: record.strength,
    source: record.source,
    rationale: record.rationale,
    origin: "User",
  };
}

/**
 * Writes mapping records: each requirement ID appended to its control's mapping cell (once) and,
 * where the workbook has a Mappings table, one row per pair it does not hold yet. One read, one
 * write; nothing the user typed is removed. Returns each changed control's new cell text.
 */
export async function writeMappings(context: RequestContext, records: readonly MappingToWrite[], sync: SyncCounter = createSyncCounter()): Promise<{ cells: Map<string, string>; rows: number }> {
  const data = await readWorkbookData(context, sync, [CONTROLS_TABLE, MAPPINGS_TABLE]);
  const controls = data.table(CONTROLS_TABLE);
  if (!controls) throw new OperationBlockedError(["The workbook has no Control Matrix (table Controls); nothing was written."]);
  const rowsById = new Map(filledRows(controls).map((r) => [r.text(CONTROL.id).toLowerCase(), r]));
  const cells = new Map<string, { row: ReturnType<typeof filledRows>[number]; column: number; ids: string[] }>();
  for (const record of records) {
    const column = mappingColumnHeader(record.framework);
    const at = controls.headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
    const row = rowsById.get(record.controlId.toLowerCase());
    if (at < 0 || !row) throw new OperationBlockedError([`Control ${record.controlId} or its ${column} column is no longer in the Control Matrix; nothing was written.`]);
    const key = `${row.index}|${at}`;
    const cell = cells.get(key) ?? { row, column: at, ids: splitMapping(row.text(column)) };
    if (!cell.ids.some((id) => id.toLowerCase() === record.requirementId.toLowerCase())) cell.ids.push(record.requirementId);
    cells.set(key, cell);
  }
  const sheet = context.workbook.worksheets.getItem(controls.sheet);
  const written = new Map<string, string>();
  for (const { row, column, ids } of cells.values()) {
    const text = ids.join(MAPPING_SEPARATOR);
    written.set(row.text(CONTROL.id), text);
    if (text === row.text(controls.headers[column])) continue;
    // "4.3" alone would become the number 4.3: IDs are always written as text.
    sheet.getRangeByIndexes(controls.headerRow + 1 + row.index, controls.firstColumn + column, 1, 1).formulas = [[asLiteralText(text)]];
  }
  const mappings = data.table(MAPPINGS_TABLE) ?? data.layout(MAPPINGS_TABLE);
  let rows = 0;
  if (mappings) {
    const held = new Set(
      data.table(MAPPINGS_TABLE) ? filledRows(data.table(MAPPINGS_TABLE)!).map((r) => pairOf(r.text("Control ID"), r.text("Framework"), r.text("Requirement ID"))) : [],
    );
    const lines = records
      .filter((record) => {
        const pair = pairOf(record.controlId, getFramework(record.framework).shortName, record.requirementId);
        if (held.has(pair)) return false;
        held.add(pair);
        return true;
      })
      .map((record) => {
        const values = mappingRecord(record);
        return mappings.headers.map((h) => {
          const value = values[h.toLowerCase()] ?? "";
          return typeof value === "number" ? value : asLiteralText(value);
        });
      });
    if (lines.length > 0) context.workbook.tables.getItem(mappings.name).rows.add(undefined, lines);
    rows = lines.length;
  }
  await sync(context);
  return { cells: written, rows };
}

/** Writes an accepted suggestion: the requirement ID appended to the control's mapping cell and a Mappings row naming who accepted it. */
export async function acceptSuggestion(context: RequestContext, accepted: AcceptedSuggestion, sync: SyncCounter = createSyncCounter()): Promise<string> {
  const { suggestion } = accepted;
  const { cells } = await writeMappings(
    context,
    [
      {
        controlId: accepted.controlId,
        framework: accepted.framework,
        requirementId: suggestion.requirementId,
        // A suggestion shares words with the requirement; only the reviewer can say it covers all of it.
        relationship: "Intersects",
        strength: Math.max(1, Math.min(10, Math.round(suggestion.score * 10))),
        source: `suggested, accepted by ${accepted.acceptedBy}`,
        rationale: `Suggested from the words ${suggestion.words.map((w) => `"${w}"`).join(", ")}.`,
      },
    ],
    sync,
  );
  return [...cells.values()][0] ?? "";
}
