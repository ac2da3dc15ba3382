/**
 * The Requirements sheet: table `Requirements`, the assessable requirements of every framework in
 * scope, with applicability and a native credit column that implements the coverage rules:
 * a requirement's credit is the best among the controls mapped to it (Implemented 1, Partially
 * implemented 0.5, else 0; an Ineffective control gives 0). Not applicable rows are left out.
 */
import { assessableRequirements, getFramework } from "../catalogs";
import { FrameworkKey } from "../frameworkKeys";
import { CONTROL, CONTROLS_TABLE } from "./controlMatrix";
import { SUBTITLE, TABLE_STYLE, TITLE, widthFor } from "./style";
import { CellValue, SheetSpec, tableColumn, thisRow } from "./types";
import { YES_NO } from "./vocabulary";

export const REQUIREMENTS_TABLE = "Requirements";
export const REQUIREMENTS_SHEET = "Requirements";

export const REQUIREMENT = {
  framework: "Framework",
  id: "Requirement ID",
  applicable: "Applicable",
  title: "Title",
  parent: "Parent",
  justification: "Justification",
  credit: "Credit",
  implementation: "Implementation",
} as const;

export const IMPLEMENTATION = {
  full: "Implemented",
  partial: "Partially implemented",
  none: "Not implemented",
  notApplicable: "Not applicable",
} as const;

const req = (column: string) => thisRow(REQUIREMENTS_TABLE, column);
const controls = (column: string) => tableColumn(CONTROLS_TABLE, column);

/** The Controls column that holds this row's framework mappings. */
export function mappingColumnOf(frameworkCell: string): string {
  return `INDEX(${CONTROLS_TABLE}[[#Data]],0,MATCH(${frameworkCell},${CONTROLS_TABLE}[[#Headers]],0))`;
}

/** SUMPRODUCT of controls that list this requirement (as a whole "; "-separated token) with a status. */
function creditedControls(status: string): string {
  const cells = `";"&UPPER(SUBSTITUTE(SUBSTITUTE(${mappingColumnOf(req(REQUIREMENT.framework))}," ",""),",",";"))&";"`;
  const needle = `";"&UPPER(SUBSTITUTE(${req(REQUIREMENT.id)}," ",""))&";"`;
  return (
    `SUMPRODUCT(ISNUMBER(FIND(${needle},${cells}))*(${controls(CONTROL.status)}="${status}")` +
    `*(${controls(CONTROL.effectiveness)}<>"Ineffective"))`
  );
}

export const CREDIT_FORMULA =
  `=IF(OR(${req(REQUIREMENT.id)}="",${req(REQUIREMENT.applicable)}="No"),"",` +
  `IF(${creditedControls("Implemented")}>0,1,IF(${creditedControls("Partially implemented")}>0,0.5,0)))`;

const IMPLEMENTATION_FORMULA =
  `=IF(${req(REQUIREMENT.id)}="","",IF(${req(REQUIREMENT.credit)}="","${IMPLEMENTATION.notApplicable}",` +
  `IF(${req(REQUIREMENT.credit)}=1,"${IMPLEMENTATION.full}",IF(${req(REQUIREMENT.credit)}=0.5,"${IMPLEMENTATION.partial}","${IMPLEMENTATION.none}"))))`;

export interface RequirementScope {
  frameworks: readonly FrameworkKey[];
  /** SOC 2 categories in scope; requirements of other categories start as not applicable. */
  soc2Categories?: readonly string[];
}

export function requirementRows(scope: RequirementScope): Array<Record<string, CellValue>> {
  return scope.frameworks.flatMap((key) => {
    const framework = getFramework(key);
    const titles = new Map(framework.requirements.map((r) => [r.id, r.title]));
    return assessableRequirements(key).map((r) => {
      const outOfScope = key === "SOC2" && scope.soc2Categories && r.category && !scope.soc2Categories.includes(r.category);
      return {
        [REQUIREMENT.framework]: framework.shortName,
        [REQUIREMENT.id]: r.id,
        [REQUIREMENT.applicable]: outOfScope ? "No" : "Yes",
        [REQUIREMENT.title]: r.title,
        [REQUIREMENT.parent]: r.parent ? `${r.parent} ${titles.get(r.parent) ?? ""}`.trim() : "",
        [REQUIREMENT.justification]: outOfScope ? `${r.category} category not in the SOC 2 scope` : "",
      };
    });
  });
}

export function requirementsSheet(scope: RequirementScope): SheetSpec {
  return {
    key: "requirements",
    name: REQUIREMENTS_SHEET,
    tabColor: "#7030A0",
    ownerTable: REQUIREMENTS_TABLE,
    blocks: [
      { address: "A1", values: [["Framework requirements"]], format: TITLE },
      {
        address: "A2",
        values: [[
          "Assessable requirements (the leaves of each framework) of the frameworks in scope. Set Applicable to No with a justification to exclude one. " +
            "Credit: 1 when an Implemented control maps to it, 0.5 for Partially implemented, 0 otherwise; Ineffective controls give nothing.",
        ]],
        format: SUBTITLE,
      },
    ],
    tables: [
      {
        name: REQUIREMENTS_TABLE,
        anchor: "A4",
        style: TABLE_STYLE,
        keyColumns: [REQUIREMENT.framework, REQUIREMENT.id],
        appendMissing: true,
        columns: [
          { header: REQUIREMENT.framework, width: widthFor(12) },
          { header: REQUIREMENT.id, width: widthFor(20) },
          {
            header: REQUIREMENT.applicable,
            width: widthFor(10),
            horizontalAlignment: "Center",
            validation: { rule: { kind: "list", values: YES_NO }, error: { title: "Invalid applicability", message: "Applicable must be Yes or No." } },
          },
          { header: REQUIREMENT.title, width: widthFor(40), wrapText: true },
          { header: REQUIREMENT.parent, width: widthFor(30) },
          { header: REQUIREMENT.justification, width: widthFor(36), wrapText: true },
          { header: REQUIREMENT.credit, width: widthFor(7), horizontalAlignment: "Center", numberFormat: "0.0", formula: CREDIT_FORMULA },
          { header: REQUIREMENT.implementation, width: widthFor(20), formula: IMPLEMENTATION_FORMULA },
        ],
        seedRows: requirementRows(scope),
      },
    ],
    names: [],
    freeze: { rows: 4, columns: 2 },
    print: { orientation: "Landscape", fitToWidth: true, titleRows: "$4:$4" },
  };
}
