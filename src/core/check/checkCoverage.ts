/**
 * Check: problems that would make a coverage figure mean less than it says. Mappings rows that give
 * nothing (unknown requirement, a parent instead of its leaves, a control not on the matrix, a
 * relationship outside the list), IDs spelled so the sheet's formulas cannot match them, and HIPAA
 * decisions: a Required specification marked not applicable, or an Addressable one without a
 * documented decision.
 */
import { CONTROL } from "../blueprint/controlMatrix";
import { MAPPING } from "../blueprint/mappingsSheet";
import { REQUIREMENT } from "../blueprint/requirementsSheet";
import { childrenOf, findRequirement, getFramework, isWithdrawn, resolveFrameworkKey } from "../catalogs";
import { RELATIONSHIPS } from "../controls/types";
import { isNotApplicable } from "../coverage/credit";
import { frameworkKeys, type FrameworkKey } from "../frameworkKeys";
import type { CheckProblem } from "./checkRisks";
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
