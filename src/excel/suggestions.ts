/**
 * Mapping suggestions for the workbook's own controls, and writing the one the user accepts: the
 * requirement ID is appended to the control's mapping cell in one sync. Nothing is written until
 * the user accepts.
 */
import { CONTROL, CONTROLS_TABLE, MAPPING_SEPARATOR, mappingColumnHeader } from "../core/blueprint/controlMatrix";
import { filledRows } from "../core/check/tableData";
import type { FrameworkKey } from "../core/frameworkKeys";
import { suggestMappings, type MappingSuggestion } from "../core/suggest/suggestMappings";
import { getFramework } from "../core/catalogs";
import { asLiteralText } from "../core/literalText";
import { OperationBlockedError } from "./errors";
import { readWorkbookData } from "./workbookData";
import { createSyncCounter, SyncCounter } from "./syncCounter";

export interface ControlSuggestions {
  controlId: string;
  name: string;
  /** Requirement IDs the control's mapping cell holds now. */
  mapped: string[];
  suggestions: MappingSuggestion[];
}

const splitMapping = (text: string) => text.split(/\s*;\s*/).map((s) => s.trim()).filter(Boolean);

/** Suggestions for the controls with an empty mapping cell for `framework` (or every control, when `all`). */
export async function suggestForControls(context: Excel.RequestContext, framework: FrameworkKey, all = false, sync: SyncCounter = createSyncCounter()): Promise<ControlSuggestions[]> {
  const data = await readWorkbookData(context, sync, [CONTROLS_TABLE]);
  const controls = data.table(CONTROLS_TABLE);
  if (!controls) throw new OperationBlockedError(["The workbook has no Control Matrix (table Controls). Build the workbook first."]);
  const column = mappingColumnHeader(framework);
  if (!controls.headers.some((h) => h.toLowerCase() === column.toLowerCase())) {
    throw new OperationBlockedError([`The Control Matrix has no ${column} column. Add the framework (Controls & coverage ▸ Add framework) first.`]);
  }
  return filledRows(controls)
    .map((row) => ({ controlId: row.text(CONTROL.id), name: row.text(CONTROL.name), mapped: splitMapping(row.text(column)), text: `${row.text(CONTROL.name)}. ${row.text(CONTROL.description)}` }))
    .filter((c) => c.controlId && (all || c.mapped.length === 0))
    .map(({ text, ...control }) => ({ ...control, suggestions: suggestMappings(framework, text, control.mapped) }));
}

export interface AcceptedSuggestion {
  controlId: string;
  framework: FrameworkKey;
  suggestion: MappingSuggestion;
  /** Who accepted it, for the mapping record's source. */
  acceptedBy: string;
}

/** The Mappings table's record of an accepted suggestion (its other columns are calculated). */
const MAPPINGS_TABLE = "Mappings";
function mappingRecord(accepted: AcceptedSuggestion): Record<string, string | number> {
  return {
    "control id": accepted.controlId,
    framework: getFramework(accepted.framework).shortName,
    "requirement id": accepted.suggestion.requirementId,
    // A suggestion shares words with the requirement; only the reviewer can say it covers all of it.
    relationship: "Intersects",
    strength: Math.max(1, Math.min(10, Math.round(accepted.suggestion.score * 10))),
    source: `suggested, accepted by ${accepted.acceptedBy}`,
    rationale: `Suggested from the words ${accepted.suggestion.words.map((w) => `"${w}"`).join(", ")}.`,
    origin: "User",
  };
}

/**
 * Writes an accepted suggestion: the requirement ID appended to the control's mapping cell and,
 * where the workbook has a Mappings table, a row recording who accepted it. One read, one write.
 */
export async function acceptSuggestion(context: Excel.RequestContext, accepted: AcceptedSuggestion, sync: SyncCounter = createSyncCounter()): Promise<string> {
  const { controlId, framework } = accepted;
  const requirementId = accepted.suggestion.requirementId;
  const data = await readWorkbookData(context, sync, [CONTROLS_TABLE, MAPPINGS_TABLE]);
  const controls = data.table(CONTROLS_TABLE);
  const column = mappingColumnHeader(framework);
  const at = controls?.headers.findIndex((h) => h.toLowerCase() === column.toLowerCase()) ?? -1;
  const row = controls && filledRows(controls).find((r) => r.text(CONTROL.id).toLowerCase() === controlId.toLowerCase());
  if (!controls || at < 0 || !row) throw new OperationBlockedError([`Control ${controlId} or its ${column} column is no longer in the Control Matrix; nothing was written.`]);
  const mapped = splitMapping(row.text(column));
  if (mapped.some((id) => id.toLowerCase() === requirementId.toLowerCase())) return mapped.join(MAPPING_SEPARATOR);
  const text = [...mapped, requirementId].join(MAPPING_SEPARATOR);
  const sheet = context.workbook.worksheets.getItem(controls.sheet);
  // "4.3" alone would become the number 4.3: IDs are always written as text.
  sheet.getRangeByIndexes(controls.headerRow + 1 + row.index, controls.firstColumn + at, 1, 1).formulas = [[asLiteralText(text)]];
  const mappings = data.layout(MAPPINGS_TABLE);
  if (mappings) {
    const record = mappingRecord(accepted);
    const line = mappings.headers.map((h) => {
      const value = record[h.toLowerCase()] ?? "";
      return typeof value === "number" ? value : asLiteralText(value);
    });
    context.workbook.tables.getItem(mappings.name).rows.add(undefined, [line]);
  }
  await sync(context);
  return text;
}
