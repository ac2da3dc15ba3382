/**
 * Coverage inputs read from the workbook's tables: the Mappings table (one row per control and
 * requirement) and the Control Matrix (statuses). A workbook built before the Mappings sheet existed
 * has none; its Control Matrix mapping cells are read instead, each pair with the library's
 * relationship when the library has that pair, else as Intersects (partial credit).
 */
import { CONTROL } from "../blueprint/controlMatrix";
import { MAPPING } from "../blueprint/mappingsSheet";
import { filledRows, type TableData } from "../check/tableData";
import { getFramework } from "../catalogs";
import { libraryMapping } from "../controls";
import type { FrameworkKey } from "../frameworkKeys";
import type { ControlState, MappingRow } from "./compute";
import { splitMappingCell } from "./mappingCells";

/** The Mappings rows of one framework (Framework cell = the framework's short name, as the sheet's COUNTIFS match it). */
export function mappingRowsOf(mappings: TableData, key: FrameworkKey): MappingRow[] {
  const name = getFramework(key).shortName.toLowerCase();
  return filledRows(mappings)
    .filter((row) => row.text(MAPPING.framework).toLowerCase() === name)
    .map((row) => ({
      controlId: row.text(MAPPING.controlId),
      requirementId: row.text(MAPPING.requirementId),
      relationship: row.text(MAPPING.relationship),
      jointlySufficient: row.text(MAPPING.jointlySufficient),
    }));
}

/** Mapping rows from the Control Matrix's mapping cells (workbooks without a Mappings table). */
export function matrixMappingRowsOf(controls: TableData, key: FrameworkKey, header: string): MappingRow[] {
  return filledRows(controls).flatMap((row) => {
    const controlId = row.text(CONTROL.id);
    return splitMappingCell(row.text(header)).map((requirementId) => {
      const record = libraryMapping(controlId, key, requirementId);
      return {
        controlId,
        requirementId,
        relationship: record?.relationship ?? "Intersects",
        jointlySufficient: record?.jointlySufficient ? "Yes" : "No",
      };
    });
  });
}

export function controlStatesOf(controls: TableData | undefined): ControlState[] {
  if (!controls) return [];
  return filledRows(controls).map((row) => ({
    id: row.text(CONTROL.id),
    status: row.text(CONTROL.status),
    effectiveness: row.text(CONTROL.effectiveness),
  }));
}

/** The mapping rows coverage of `key` reads: the Mappings table when there is one, else the matrix's cells. */
export function workbookMappingRows(key: FrameworkKey, mappings: TableData | undefined, controls: TableData | undefined, matrixHeader: string): MappingRow[] {
  if (mappings) return mappingRowsOf(mappings, key);
  return controls ? matrixMappingRowsOf(controls, key, matrixHeader) : [];
}
