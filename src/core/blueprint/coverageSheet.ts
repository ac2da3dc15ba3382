/**
 * The Coverage sheet: per framework in scope, native counts and coverage from the Requirements
 * table (readable without the add-in), with the ISMP.COVERAGE custom function beside them.
 */
import { getFramework } from "../catalogs";
import { FrameworkKey } from "../frameworkKeys";
import { CONTROL, CONTROLS_TABLE } from "./controlMatrix";
import { MAPPING, MAPPINGS_TABLE } from "./mappingsSheet";
import { IMPLEMENTATION, REQUIREMENT, REQUIREMENTS_TABLE } from "./requirementsSheet";
import { SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import { SheetSpec, tableColumn, thisRow } from "./types";

export const COVERAGE_TABLE = "CoverageSummary";
export const COVERAGE_SHEET = "Coverage";

export const COVERAGE = {
  framework: "Framework",
  key: "Key",
  requirements: "Requirements",
  notApplicable: "Not Applicable",
  applicable: "Applicable",
  covered: "Covered",
  partial: "Partial",
  gaps: "Gaps",
  coverage: "Coverage",
  addIn: "ISMP.COVERAGE",
} as const;

const row = (column: string) => thisRow(COVERAGE_TABLE, column);
const req = (column: string) => tableColumn(REQUIREMENTS_TABLE, column);
const ofFramework = `${req(REQUIREMENT.framework)},${row(COVERAGE.framework)}`;

const FORMULAS = {
  requirements: `=COUNTIFS(${ofFramework})`,
  notApplicable: `=COUNTIFS(${ofFramework},${req(REQUIREMENT.implementation)},"${IMPLEMENTATION.notApplicable}")`,
  applicable: `=${row(COVERAGE.requirements)}-${row(COVERAGE.notApplicable)}`,
  covered: `=COUNTIFS(${ofFramework},${req(REQUIREMENT.credit)},">=1")`,
  partial: `=COUNTIFS(${ofFramework},${req(REQUIREMENT.credit)},">0",${req(REQUIREMENT.credit)},"<1")`,
  gaps: `=${row(COVERAGE.applicable)}-${row(COVERAGE.covered)}-${row(COVERAGE.partial)}`,
  coverage: `=IF(${row(COVERAGE.applicable)}=0,"",SUMIFS(${req(REQUIREMENT.credit)},${ofFramework})/${row(COVERAGE.applicable)})`,
  addIn:
    `=ISMP.COVERAGE(${row(COVERAGE.key)},${MAPPINGS_TABLE}[[${MAPPING.controlId}]:[${MAPPING.jointlySufficient}]],` +
    `${tableColumn(CONTROLS_TABLE, CONTROL.id)},${tableColumn(CONTROLS_TABLE, CONTROL.status)},` +
    `${REQUIREMENTS_TABLE}[[${REQUIREMENT.id}]:[${REQUIREMENT.applicable}]],${tableColumn(CONTROLS_TABLE, CONTROL.effectiveness)})`,
};

export function coverageSheet(frameworks: readonly FrameworkKey[]): SheetSpec {
  const count = { width: widthFor(11), horizontalAlignment: "Center" as const, numberFormat: "0" };
  const percent = { width: widthFor(11), horizontalAlignment: "Center" as const, numberFormat: "0.0%" };
  return {
    key: "coverage",
    name: COVERAGE_SHEET,
    tabColor: "#00B050",
    ownerTable: COVERAGE_TABLE,
    blocks: [
      { address: "A1", values: [["Framework coverage"]], format: TITLE },
      {
        address: "A2",
        values: [[
          "Coverage = sum of requirement credits / applicable requirements (Requirements sheet, from the Mappings sheet). " +
            "ISMP.COVERAGE computes the same with the add-in, from the Mappings and Control Matrix tables.",
        ]],
        format: SUBTITLE,
      },
    ],
    tables: [
      {
        name: COVERAGE_TABLE,
        anchor: "A4",
        style: TABLE_STYLE,
        keyColumns: [COVERAGE.framework],
        appendMissing: true,
        columns: [
          { header: COVERAGE.framework, width: widthFor(14) },
          { header: COVERAGE.key, width: widthFor(11) },
          { header: COVERAGE.requirements, ...count, formula: FORMULAS.requirements },
          { header: COVERAGE.notApplicable, ...count, formula: FORMULAS.notApplicable },
          { header: COVERAGE.applicable, ...count, formula: FORMULAS.applicable },
          { header: COVERAGE.covered, ...count, formula: FORMULAS.covered },
          { header: COVERAGE.partial, ...count, formula: FORMULAS.partial },
          { header: COVERAGE.gaps, ...count, formula: FORMULAS.gaps },
          { header: COVERAGE.coverage, ...percent, formula: FORMULAS.coverage },
          { header: COVERAGE.addIn, ...percent, formula: FORMULAS.addIn },
        ],
        seedRows: frameworks.map((key) => ({ [COVERAGE.framework]: getFramework(key).shortName, [COVERAGE.key]: key })),
      },
    ],
    names: [],
    freeze: { rows: 4, columns: 1 },
    print: { orientation: "Landscape", fitToWidth: true },
  };
}
