import type { FrameworkKey } from "../frameworkKeys";
import { ACCESS_CONTROLS } from "./access";
import { ASSET_CONTROLS } from "./assets";
import { derivedRecords } from "./derived";
import { DEVELOPMENT_CONTROLS } from "./development";
import { GOVERNANCE_CONTROLS } from "./governance";
import { mappingRecordsOf } from "./mappingRecords";
import { OPERATIONS_CONTROLS } from "./operations";
import { PEOPLE_CONTROLS } from "./people";
import { RESILIENCE_CONTROLS } from "./resilience";
import type { ControlMappings, LibraryControl, LibraryControlSource, MappingRecord } from "./types";

export { ISMP_ELEMENTS } from "./types";

/** The controls as written in this folder, mapped to assessable (leaf) requirements only. */
export const HAND_WRITTEN_CONTROLS: readonly LibraryControlSource[] = [
  ...GOVERNANCE_CONTROLS,
  ...ASSET_CONTROLS,
  ...PEOPLE_CONTROLS,
  ...ACCESS_CONTROLS,
  ...OPERATIONS_CONTROLS,
  ...DEVELOPMENT_CONTROLS,
  ...RESILIENCE_CONTROLS,
];

function idsOf(records: readonly MappingRecord[]): ControlMappings {
  const mappings: ControlMappings = {};
  for (const record of records) (mappings[record.framework] ??= []).push(record.requirementId);
  return mappings;
}

/**
 * The baseline control library: every control with one record per (control, requirement) mapping,
 * hand-written ones first, then those derived from them (SP 800-53 enhancements, SP 800-171 Rev. 3,
 * CMMC Level 1).
 */
export const CONTROL_LIBRARY: readonly LibraryControl[] = HAND_WRITTEN_CONTROLS.map((control) => {
  const written = mappingRecordsOf(control);
  const records = [...written, ...derivedRecords(control, written)];
  return { ...control, mappings: idsOf(records), records };
});

/** Every mapping record of the library, control by control. */
export const LIBRARY_MAPPINGS: readonly MappingRecord[] = CONTROL_LIBRARY.flatMap((control) => control.records);

/** The library's record for a (control, framework, requirement) pair, if it has one. */
export function libraryMapping(controlId: string, key: FrameworkKey, requirementId: string): MappingRecord | undefined {
  libraryIndex ??= new Map(LIBRARY_MAPPINGS.map((r) => [`${r.controlId}|${r.framework}|${r.requirementId}`.toUpperCase(), r]));
  return libraryIndex.get(`${controlId}|${key}|${requirementId}`.toUpperCase());
}
let libraryIndex: Map<string, MappingRecord> | undefined;
