/**
 * The Mappings sheet: table `Mappings`, one row per (control, requirement) pair with its
 * relationship, strength, source and rationale, so an auditor can trace every coverage figure.
 * Library rows are seeded by the add-in (Origin "Library"); rows the user adds count the same way.
 * Helper columns compute, per row, what the mapping gives the requirement; the Requirements sheet
 * reads them with keyed MAXIFS/MINIFS/COUNTIFS, so the cost grows with the rows, not their product.
 */
import { getFramework } from "../catalogs";
import { LIBRARY_MAPPINGS, RELATIONSHIPS, type MappingRecord } from "../controls";
import { PARTIAL_FACTOR } from "../coverage/credit";
import { FrameworkKey, frameworkKeys } from "../frameworkKeys";
import { CONTROL, CONTROLS_TABLE } from "./controlMatrix";
import { SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import { CellValue, SheetSpec, tableColumn, thisRow } from "./types";
import { YES_NO } from "./vocabulary";

export const MAPPINGS_TABLE = "Mappings";
export const MAPPINGS_SHEET = "Mappings";

export const MAPPING = {
  controlId: "Control ID",
  framework: "Framework",
  requirementId: "Requirement ID",
  relationship: "Relationship",
  jointlySufficient: "Jointly Sufficient",
  strength: "Strength",
  source: "Source",
  rationale: "Rationale",
  origin: "Origin",
  controlStatus: "Control Status",
  controlCredit: "Control Credit",
  credit: "Credit",
  creditKey: "Credit Key",
} as const;

export const LIBRARY_ORIGIN = "Library";
export const NOT_ON_MATRIX = "Not on the Control Matrix";

const row = (column: string) => thisRow(MAPPINGS_TABLE, column);
const controls = (column: string) => tableColumn(CONTROLS_TABLE, column);
const controlRow = `MATCH(${row(MAPPING.controlId)},${controls(CONTROL.id)},0)`;

const FORMULAS = {
  controlStatus: `=IF(${row(MAPPING.controlId)}="","",IFERROR(INDEX(${controls(CONTROL.status)},${controlRow})&"","${NOT_ON_MATRIX}"))`,
  controlCredit:
    `=IF(OR(${row(MAPPING.controlStatus)}="",${row(MAPPING.controlStatus)}="${NOT_ON_MATRIX}"),0,` +
    `IF(INDEX(${controls(CONTROL.effectiveness)},${controlRow})="Ineffective",0,` +
    `IF(${row(MAPPING.controlStatus)}="Implemented",1,IF(${row(MAPPING.controlStatus)}="Partially implemented",0.5,0))))`,
  credit:
    `=IF(OR(${row(MAPPING.relationship)}="Equal",${row(MAPPING.relationship)}="Superset of"),1,${PARTIAL_FACTOR})*${row(MAPPING.controlCredit)}`,
  creditKey: `=${row(MAPPING.framework)}&"|"&${row(MAPPING.requirementId)}&"|"&${row(MAPPING.credit)}`,
};

export function mappingRow(record: MappingRecord): Record<string, CellValue> {
  return {
    [MAPPING.controlId]: record.controlId,
    [MAPPING.framework]: getFramework(record.framework).shortName,
    [MAPPING.requirementId]: record.requirementId,
    [MAPPING.relationship]: record.relationship,
    [MAPPING.jointlySufficient]: record.jointlySufficient ? "Yes" : "No",
    [MAPPING.strength]: record.strength,
    [MAPPING.source]: record.source,
    [MAPPING.rationale]: record.rationale,
    [MAPPING.origin]: LIBRARY_ORIGIN,
  };
}

export function mappingsSheet(frameworks: readonly FrameworkKey[]): SheetSpec {
  const inScope = new Set(frameworks);
  // In catalog order, as a re-run has its frameworks (scope.ts): the list is then the same on every run, whatever order Set up gave.
  const shortNames = frameworkKeys().filter((key) => inScope.has(key)).map((key) => getFramework(key).shortName);
  return {
    key: "mappings",
    name: MAPPINGS_SHEET,
    tabColor: "#7030A0",
    ownerTable: MAPPINGS_TABLE,
    blocks: [
      { address: "A1", values: [["Control-to-requirement mappings"]], format: TITLE },
      {
        address: "A2",
        values: [[
          "One row per control and requirement: how the control relates to it (NIST IR 8477), how strongly, on what source and why. " +
            "Equal or Superset of gives the requirement the control's credit; Subset of and Intersects give half; subset rows marked " +
            "Jointly Sufficient give full credit together once all of them are Implemented. Add rows of your own: they count the same way.",
        ]],
        format: SUBTITLE,
      },
    ],
    tables: [
      {
        name: MAPPINGS_TABLE,
        anchor: "A4",
        style: TABLE_STYLE,
        keyColumns: [MAPPING.controlId, MAPPING.framework, MAPPING.requirementId],
        appendMissing: true,
        columns: [
          { header: MAPPING.controlId, width: widthFor(9) },
          {
            header: MAPPING.framework,
            width: widthFor(12),
            validation: { rule: { kind: "list", values: shortNames }, error: { title: "Invalid framework", message: `Framework must be one of: ${shortNames.join(", ")}.` } },
          },
          { header: MAPPING.requirementId, width: widthFor(18) },
          {
            header: MAPPING.relationship,
            width: widthFor(12),
            validation: { rule: { kind: "list", values: RELATIONSHIPS }, error: { title: "Invalid relationship", message: `Relationship must be one of: ${RELATIONSHIPS.join(", ")}.` } },
          },
          {
            header: MAPPING.jointlySufficient,
            width: widthFor(10),
            horizontalAlignment: "Center",
            validation: { rule: { kind: "list", values: YES_NO }, error: { title: "Invalid value", message: "Jointly Sufficient must be Yes or No." } },
          },
          {
            header: MAPPING.strength,
            width: widthFor(8),
            horizontalAlignment: "Center",
            validation: { rule: { kind: "whole", min: 1, max: 10 }, error: { title: "Invalid strength", message: "Strength must be a whole number from 1 to 10." } },
          },
          { header: MAPPING.source, width: widthFor(24), wrapText: true },
          { header: MAPPING.rationale, width: widthFor(60), wrapText: true },
          { header: MAPPING.origin, width: widthFor(9) },
          { header: MAPPING.controlStatus, width: widthFor(18), formula: FORMULAS.controlStatus },
          { header: MAPPING.controlCredit, width: widthFor(8), horizontalAlignment: "Center", numberFormat: "0.0#", formula: FORMULAS.controlCredit },
          { header: MAPPING.credit, width: widthFor(7), horizontalAlignment: "Center", numberFormat: "0.0#", formula: FORMULAS.credit },
          { header: MAPPING.creditKey, width: widthFor(24), formula: FORMULAS.creditKey },
        ],
        seedRows: LIBRARY_MAPPINGS.filter((record) => inScope.has(record.framework)).map(mappingRow),
      },
    ],
    names: [],
    freeze: { rows: 4, columns: 3 },
    print: { orientation: "Landscape", fitToWidth: true, titleRows: "$4:$4" },
  };
}
