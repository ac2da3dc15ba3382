/**
 * Check: problems that would make a coverage figure mean less than it says. Mappings rows that give
 * nothing (unknown requirement, a parent instead of its leaves, a control not on the matrix, a
 * relationship outside the list), IDs spelled so the sheet's formulas cannot match them, and HIPAA
 * decisions: a Required specification marked not applicable, or an Addressable one without a
 * documented decision. Control Matrix mapping cells naming requirements that no Mappings row backs
 * (typically the analyst's own controls): coverage reads the Mappings rows, so those IDs earn nothing.
 */
import { CONTROL, mappingColumnHeader } from "../blueprint/controlMatrix";
import { MAPPING } from "../blueprint/mappingsSheet";
import { REQUIREMENT } from "../blueprint/requirementsSheet";
import { childrenOf, findRequirement, getFramework, isWithdrawn, resolveFrameworkKey } from "../catalogs";
import { RELATIONSHIPS } from "../controls/types";
import { isNotApplicable } from "../coverage/credit";
import { splitMappingCell } from "../coverage/mappingCells";
import { frameworkKeys, type FrameworkKey } from "../frameworkKeys";
import type { CheckProblem } from "./checkRisks";
import { frameworksOfMatrix } from "./checkControls";
import { filledRows, type TableData } from "./tableData";

/** Built anew per Check: the workbook's own frameworks are known only once its catalog is read. */
const keysByShortName = () => new Map<string, FrameworkKey>(frameworkKeys().map((key) => [getFramework(key).shortName.toLowerCase(), key]));

export function checkMappings(mappings: TableData, controls: TableData | undefined): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const KEY_BY_SHORT_NAME = keysByShortName();
  const controlIds = new Set(controls ? filledRows(controls).map((row) => row.text(CONTROL.id).toUpperCase()) : []);
  for (const row of filledRows(mappings)) {
    const report = (header: string, code: string, severity: CheckProblem["severity"], message: string) =>
      problems.push({ code, severity, sheet: mappings.sheet, address: row.address(header), message });
    const label = `Mapping ${row.text(MAPPING.controlId) || "(no control)"} → ${row.text(MAPPING.requirementId) || "(no requirement)"}`;
    const framework = row.text(MAPPING.framework);
    const key = KEY_BY_SHORT_NAME.get(framework.toLowerCase());
    if (!key) {
      const meant = resolveFrameworkKey(framework);
      const hint = meant ? ` Write "${getFramework(meant).shortName}": the sheet's formulas match the short name.` : "";
      report(MAPPING.framework, "mapping-framework", "error", `${label}: Framework "${framework}" is not one of the workbook's frameworks; the row counts nowhere.${hint}`);
      continue;
    }
    const typed = row.text(MAPPING.requirementId);
    const requirement = findRequirement(key, typed);
    if (!requirement && isWithdrawn(key, typed))
      report(MAPPING.requirementId, "withdrawn-requirement", "error", `${label}: ${framework} ${typed} was withdrawn by its publisher; map the requirement that replaced it. The row gives nothing.`);
    else if (!requirement) report(MAPPING.requirementId, "unknown-requirement", "error", `${label}: ${framework} has no requirement "${typed}"; the row gives nothing.`);
    else if (childrenOf(key, requirement.id).length > 0) {
      const leaves = childrenOf(key, requirement.id).map((r) => r.id);
      report(MAPPING.requirementId, "parent-requirement", "error",
        `${label}: "${requirement.id}" groups ${leaves.length} requirements (${leaves.slice(0, 4).join(", ")}${leaves.length > 4 ? ", …" : ""}); map the ones the control meets, one row each. This row gives nothing.`);
    } else if (requirement.id !== typed)
      report(MAPPING.requirementId, "requirement-spelling", "warning", `${label}: write "${requirement.id}"; the Requirements sheet only matches the catalog's spelling.`);
    if (controls && !controlIds.has(row.text(MAPPING.controlId).toUpperCase()))
      report(MAPPING.controlId, "unknown-control", "error", `${label}: control "${row.text(MAPPING.controlId)}" is not on the Control Matrix; the row gives nothing.`);
    const relationship = row.text(MAPPING.relationship);
    if (!RELATIONSHIPS.some((r) => r.toLowerCase() === relationship.toLowerCase()))
      report(MAPPING.relationship, "mapping-relationship", "error", `${label}: Relationship "${relationship}" must be one of ${RELATIONSHIPS.join(", ")}; it counts as Intersects until then.`);
    if (row.text(MAPPING.jointlySufficient).toLowerCase() === "yes" && relationship.toLowerCase() !== "subset of")
      report(MAPPING.jointlySufficient, "jointly-sufficient", "warning", `${label}: only Subset of mappings form a jointly sufficient set.`);
  }
  return problems;
}

/** HIPAA: Required specifications cannot be set aside; Addressable ones need a documented decision (45 CFR 164.306(d)). */
export function checkRequirements(requirements: TableData): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const hipaa = getFramework("HIPAA").shortName.toLowerCase();
  for (const row of filledRows(requirements)) {
    if (row.text(REQUIREMENT.framework).toLowerCase() !== hipaa) continue;
    const spec = findRequirement("HIPAA", row.text(REQUIREMENT.id));
    if (spec?.required === undefined) continue;
    const report = (header: string, code: string, severity: CheckProblem["severity"], message: string) =>
      problems.push({ code, severity, sheet: requirements.sheet, address: row.address(header), message });
    const notApplicable = isNotApplicable(row.get(REQUIREMENT.applicable));
    if (spec.required && notApplicable)
      report(REQUIREMENT.applicable, "hipaa-required-excluded", "error",
        `HIPAA ${spec.id} (${spec.title}) is a Required implementation specification: it cannot be marked not applicable.`);
    if (!spec.required && row.text(REQUIREMENT.justification) === "")
      report(REQUIREMENT.justification, "hipaa-addressable-undecided", "warning",
        `HIPAA ${spec.id} (${spec.title}) is Addressable: document whether it is implemented as written, met by an alternative, or not reasonable and why.`);
  }
  return problems;
}

const sheetRow = (table: TableData, index: number) => table.headerRow + 2 + index;

/** The key a Mappings row and a matrix cell share: control, framework and the catalog's spelling of the requirement. */
function pairKey(controlId: string, key: FrameworkKey, typed: string): string {
  return `${controlId.trim().toUpperCase()}|${key}|${findRequirement(key, typed)?.id ?? typed.trim().toUpperCase()}`;
}

/**
 * Matrix mapping cells whose IDs have no Mappings row: coverage gives credit only through Mappings rows,
 * so such an ID looks mapped on the Control Matrix but counts for nothing. One warning per cell, naming
 * the control row, the column and the IDs, and saying which rows to add. Unknown IDs are left to the
 * matrix's own rule.
 */
export function checkMatrixMappings(controls: TableData, mappings: TableData): CheckProblem[] {
  const backed = new Set<string>();
  const KEY_BY_SHORT_NAME = keysByShortName();
  for (const row of filledRows(mappings)) {
    const key = KEY_BY_SHORT_NAME.get(row.text(MAPPING.framework).toLowerCase());
    if (key) backed.add(pairKey(row.text(MAPPING.controlId), key, row.text(MAPPING.requirementId)));
  }
  const problems: CheckProblem[] = [];
  const frameworks = frameworksOfMatrix(controls);
  for (const row of filledRows(controls)) {
    const controlId = row.text(CONTROL.id);
    if (controlId === "") continue;
    for (const key of frameworks) {
      const header = mappingColumnHeader(key);
      const unbacked = splitMappingCell(row.text(header))
        .filter((typed) => findRequirement(key, typed) !== undefined)
        .filter((typed) => !backed.has(pairKey(controlId, key, typed)));
      if (unbacked.length === 0) continue;
      const ids = unbacked.map((typed) => findRequirement(key, typed)!.id);
      const listed = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
      problems.push({
        code: "matrix-mapping-without-record",
        severity: "warning",
        sheet: controls.sheet,
        address: row.address(header),
        message:
          `Control ${controlId} (${controls.sheet} row ${sheetRow(controls, row.index)}), column ${header}: ${listed} ${ids.length === 1 ? "has" : "have"} no row in the Mappings sheet, so ${ids.length === 1 ? "it earns" : "they earn"} no coverage credit. ` +
          (ids.length === 1
            ? `Add a Mappings row (Control ID ${controlId}, Framework ${header}, Requirement ID ${ids[0]}) with its Relationship, or remove the ID from the cell.`
            : `Add one Mappings row per ID (Control ID ${controlId}, Framework ${header}, the Requirement ID) with its Relationship, or remove the IDs from the cell.`),
      });
    }
  }
  return problems;
}
