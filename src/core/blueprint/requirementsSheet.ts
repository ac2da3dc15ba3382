/**
 * The Requirements sheet: table `Requirements`, the assessable requirements of every framework in
 * scope, with applicability and a native credit column that implements the coverage rule from the
 * Mappings table (see mappingsSheet.ts): the best credit a single mapping gives, or the lowest
 * control credit of the requirement's jointly sufficient set, whichever is higher. Keyed
 * MAXIFS/MINIFS/COUNTIFS over Mappings: one pass per requirement, no requirements × controls product.
 */
import { assessableRequirements, getFramework, type Requirement } from "../catalogs";
import { FrameworkKey } from "../frameworkKeys";
import { MAPPING, MAPPINGS_TABLE } from "./mappingsSheet";
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
  type: "Type",
  baselines: "Baselines",
  justification: "Justification",
  credit: "Credit",
  implementation: "Implementation",
  creditedBy: "Credited By",
} as const;

export const IMPLEMENTATION = {
  full: "Implemented",
  partial: "Partially implemented",
  none: "Not implemented",
  notApplicable: "Not applicable",
} as const;

const req = (column: string) => thisRow(REQUIREMENTS_TABLE, column);
const mappings = (column: string) => tableColumn(MAPPINGS_TABLE, column);
/** COUNTIFS/MAXIFS criteria: the Mappings rows of this requirement. */
const OF_THIS_REQUIREMENT = `${mappings(MAPPING.framework)},${req(REQUIREMENT.framework)},${mappings(MAPPING.requirementId)},${req(REQUIREMENT.id)}`;
const JOINT = `${mappings(MAPPING.jointlySufficient)},"Yes"`;

export const CREDIT_FORMULA =
  `=IF(OR(${req(REQUIREMENT.id)}="",${req(REQUIREMENT.applicable)}="No"),"",` +
  `MAX(MAXIFS(${mappings(MAPPING.credit)},${OF_THIS_REQUIREMENT}),MINIFS(${mappings(MAPPING.controlCredit)},${OF_THIS_REQUIREMENT},${JOINT})))`;

const IMPLEMENTATION_FORMULA =
  `=IF(${req(REQUIREMENT.id)}="","",IF(${req(REQUIREMENT.credit)}="","${IMPLEMENTATION.notApplicable}",` +
  `IF(${req(REQUIREMENT.credit)}>=1,"${IMPLEMENTATION.full}",IF(${req(REQUIREMENT.credit)}>0,"${IMPLEMENTATION.partial}","${IMPLEMENTATION.none}"))))`;

/** The first control whose mapping gives the credit (and how many more), or the size of the jointly sufficient set. */
const sameCredit = `COUNTIFS(${OF_THIS_REQUIREMENT},${mappings(MAPPING.credit)},${req(REQUIREMENT.credit)})`;
const CREDITED_BY_FORMULA =
  `=IF(OR(${req(REQUIREMENT.credit)}="",${req(REQUIREMENT.credit)}=0),"",` +
  `IFERROR(INDEX(${mappings(MAPPING.controlId)},MATCH(${req(REQUIREMENT.framework)}&"|"&${req(REQUIREMENT.id)}&"|"&${req(REQUIREMENT.credit)},${mappings(MAPPING.creditKey)},0))` +
  `&IF(${sameCredit}>1," +"&(${sameCredit}-1)&" more",""),` +
  `"Jointly: "&COUNTIFS(${OF_THIS_REQUIREMENT},${JOINT})&" controls"))`;

/** What the Credited By column shows for the controls that give a requirement its credit. */
export function creditedByText(controls: readonly string[], jointly: boolean): string {
  if (controls.length === 0) return "";
  if (jointly) return `Jointly: ${controls.length} controls`;
  return controls.length > 1 ? `${controls[0]} +${controls.length - 1} more` : controls[0];
}

/** HIPAA Required/Addressable, SP 800-53 control or enhancement, the FAR clause of a CMMC L1 practice. */
export function requirementType(requirement: Requirement): string {
  if (requirement.required !== undefined) return requirement.required ? "Required" : "Addressable";
  return requirement.kind ?? "";
}

/** SP 800-53B baselines a control or enhancement belongs to, e.g. "Low, Moderate, High"; blank elsewhere. */
export function baselinesOf(requirement: Requirement): string {
  const b = requirement.baselines;
  if (!b) return "";
  const names = [b.low && "Low", b.moderate && "Moderate", b.high && "High"].filter(Boolean);
  return names.length > 0 ? names.join(", ") : "None";
}

/** SP 800-53 requirements outside this baseline start as not applicable (the user can include them). */
export const DEFAULT_80053_BASELINE = "moderate" as const;

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
      const outOfBaseline = r.baselines !== undefined && !r.baselines[DEFAULT_80053_BASELINE];
      const notApplicableByFile = r.applicable === false;
      return {
        [REQUIREMENT.framework]: framework.shortName,
        [REQUIREMENT.id]: r.id,
        [REQUIREMENT.applicable]: outOfScope || outOfBaseline || notApplicableByFile ? "No" : "Yes",
        [REQUIREMENT.title]: r.title,
        [REQUIREMENT.parent]: r.parent ? `${r.parent} ${titles.get(r.parent) ?? ""}`.trim() : "",
        [REQUIREMENT.type]: requirementType(r),
        [REQUIREMENT.baselines]: baselinesOf(r),
        [REQUIREMENT.justification]: outOfScope
          ? `${r.category} category not in the SOC 2 scope`
          : outOfBaseline
            ? "Not in the SP 800-53B Moderate baseline; set Applicable to Yes to assess it (Low, High: filter Baselines)"
            : notApplicableByFile
              ? `Not applicable by default in the ${framework.shortName} catalog file; set Applicable to Yes to assess it`
              : "",
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
          "Assessable requirements (the leaves of each framework) of the frameworks in scope. Set Applicable to No with a justification to exclude one; " +
            "for SP 800-53 choose the baseline by filtering Baselines (Moderate is in scope by default). Credit comes from the Mappings sheet: " +
            "an Implemented control that equals or contains the requirement gives 1, a subset or intersecting one 0.5, a complete jointly sufficient set 1; " +
            "Partially implemented halves it; Ineffective gives nothing. Credited By names the control that gives it.",
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
          { header: REQUIREMENT.credit, width: widthFor(7), horizontalAlignment: "Center", numberFormat: "0.0#", formula: CREDIT_FORMULA },
          { header: REQUIREMENT.implementation, width: widthFor(20), formula: IMPLEMENTATION_FORMULA },
          { header: REQUIREMENT.type, width: widthFor(14) },
          { header: REQUIREMENT.baselines, width: widthFor(18) },
          { header: REQUIREMENT.creditedBy, width: widthFor(16), formula: CREDITED_BY_FORMULA },
        ],
        seedRows: requirementRows(scope),
      },
    ],
    names: [],
    freeze: { rows: 4, columns: 2 },
    print: { orientation: "Landscape", fitToWidth: true, titleRows: "$4:$4" },
  };
}
