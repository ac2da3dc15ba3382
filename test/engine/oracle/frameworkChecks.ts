/**
 * Requirements, Statement of Applicability and Coverage: the native figures against the core's
 * coverage (the same computation ISMP.COVERAGE runs), from the workbook's own control rows.
 */
import { COVERAGE, COVERAGE_SHEET, COVERAGE_TABLE } from "../../../src/core/blueprint/coverageSheet";
import { IMPLEMENTATION, REQUIREMENT, REQUIREMENTS_SHEET, REQUIREMENTS_TABLE } from "../../../src/core/blueprint/requirementsSheet";
import { SOA, SOA_SHEET, SOA_TABLE } from "../../../src/core/blueprint/soaSheet";
import { CONTROL, CONTROLS_TABLE } from "../../../src/core/blueprint/controlMatrix";
import { MAPPING, MAPPINGS_SHEET, MAPPINGS_TABLE, NOT_ON_MATRIX } from "../../../src/core/blueprint/mappingsSheet";
import { creditedByText } from "../../../src/core/blueprint/requirementsSheet";
import { controlCredit, isNotApplicable, relationshipFactor } from "../../../src/core/coverage";
import type { Scalar, TableRow } from "../engineWorkbook";
import { rowExpectations, type SheetCheck } from "./check";
import { frameworkKeyOf, requirementRowsOf, text, type CheckContext } from "./context";

/** LibreOffice has no ISMP add-in: the custom function's cells must say so and nothing else. */
export const MISSING_CUSTOM_FUNCTION = { error: "#NAME?" } as const;

/** Credit column: blank when not applicable, else the core's credit for the requirement. */
function expectedCredit(row: TableRow, context: CheckContext): number | "" {
  if (isNotApplicable(row[REQUIREMENT.applicable].value)) return "";
  const key = frameworkKeyOf(text(row[REQUIREMENT.framework].value));
  const id = text(row[REQUIREMENT.id].value);
  const credit = context.coverage.get(key)?.credits.get(id);
  if (credit === undefined) throw new Error(`The core gives no credit for ${key} ${id}: not an assessable requirement`);
  return credit;
}

function implementationOf(credit: number | ""): string {
  if (credit === "") return IMPLEMENTATION.notApplicable;
  return credit >= 1 ? IMPLEMENTATION.full : credit > 0 ? IMPLEMENTATION.partial : IMPLEMENTATION.none;
}

/** Credited By: the first control whose mapping gives the credit (+ how many more), or the size of the jointly sufficient set. */
function expectedCreditedBy(row: TableRow, context: CheckContext): string {
  if (isNotApplicable(row[REQUIREMENT.applicable].value)) return "";
  const key = frameworkKeyOf(text(row[REQUIREMENT.framework].value));
  const result = context.coverage.get(key);
  const id = text(row[REQUIREMENT.id].value);
  const by = result?.creditedBy.get(id) ?? [];
  if (by.length === 0) return "";
  const credit = result?.credits.get(id) ?? 0;
  const singles = context.book.table(MAPPINGS_TABLE).filter(
    (m) => text(m[MAPPING.framework].value) === text(row[REQUIREMENT.framework].value) && text(m[MAPPING.requirementId].value).toUpperCase() === id.toUpperCase() && m[MAPPING.credit].value === credit,
  );
  if (singles.length > 0) return creditedByText(singles.map((m) => text(m[MAPPING.controlId].value)), false);
  const joint = context.book.table(MAPPINGS_TABLE).filter(
    (m) => text(m[MAPPING.framework].value) === text(row[REQUIREMENT.framework].value) && text(m[MAPPING.requirementId].value).toUpperCase() === id.toUpperCase() && text(m[MAPPING.jointlySufficient].value) === "Yes",
  );
  return creditedByText(joint.map((m) => text(m[MAPPING.controlId].value)), true);
}

function expectedRequirementRow(row: TableRow, context: CheckContext): Record<string, Scalar> {
  const credit = expectedCredit(row, context);
  return { [REQUIREMENT.credit]: credit, [REQUIREMENT.implementation]: implementationOf(credit), [REQUIREMENT.creditedBy]: expectedCreditedBy(row, context) };
}

export const requirementsCheck: SheetCheck = {
  sheet: REQUIREMENTS_SHEET,
  expectations: (context) =>
    rowExpectations(REQUIREMENTS_TABLE, context.book.table(REQUIREMENTS_TABLE), REQUIREMENT.id, (row) => expectedRequirementRow(row, context)),
};

export const soaCheck: SheetCheck = {
  sheet: SOA_SHEET,
  expectations: (context) => {
    if (!context.book.hasTable(SOA_TABLE)) return [];
    const iso = requirementRowsOf(context.book.table(REQUIREMENTS_TABLE), "ISO27001");
    const byId = new Map(iso.map((row) => [text(row[REQUIREMENT.id].value), row]));
    return rowExpectations(SOA_TABLE, context.book.table(SOA_TABLE), SOA.control, (row) => {
      const requirement = byId.get(text(row[SOA.control].value));
      if (!requirement) return { [SOA.applicable]: "", [SOA.justification]: "", [SOA.status]: "", [SOA.controls]: "" };
      return {
        [SOA.applicable]: text(requirement[REQUIREMENT.applicable].value),
        [SOA.justification]: text(requirement[REQUIREMENT.justification].value),
        [SOA.status]: implementationOf(expectedCredit(requirement, context)),
        [SOA.controls]: expectedCreditedBy(requirement, context),
      };
    });
  },
};

/** Mappings helper columns: the control's status and credit from the matrix, and what the mapping gives. */
export const mappingsCheck: SheetCheck = {
  sheet: MAPPINGS_SHEET,
  expectations: (context) => {
    const controls = new Map<string, TableRow>();
    for (const control of context.book.table(CONTROLS_TABLE)) {
      const id = text(control[CONTROL.id].value).toUpperCase();
      if (!controls.has(id)) controls.set(id, control);
    }
    return rowExpectations(MAPPINGS_TABLE, context.book.table(MAPPINGS_TABLE), MAPPING.controlId, (row) => {
      const control = controls.get(text(row[MAPPING.controlId].value).toUpperCase());
      const status = control ? text(control[CONTROL.status].value) : NOT_ON_MATRIX;
      const credit = control ? controlCredit(control[CONTROL.status].value, control[CONTROL.effectiveness].value) : 0;
      const given = credit * relationshipFactor(row[MAPPING.relationship].value);
      return {
        [MAPPING.controlStatus]: status,
        [MAPPING.controlCredit]: credit,
        [MAPPING.credit]: given,
        [MAPPING.creditKey]: `${text(row[MAPPING.framework].value)}|${text(row[MAPPING.requirementId].value)}|${given}`,
      };
    });
  },
};

export const coverageCheck: SheetCheck = {
  sheet: COVERAGE_SHEET,
  expectations: (context) =>
    rowExpectations(COVERAGE_TABLE, context.book.table(COVERAGE_TABLE), COVERAGE.framework, (row) => {
      const key = frameworkKeyOf(text(row[COVERAGE.framework].value));
      const result = context.coverage.get(key);
      if (!result) throw new Error(`Coverage lists ${key} but the Requirements table has none of its requirements`);
      return {
        [COVERAGE.requirements]: result.applicable + result.notApplicable,
        [COVERAGE.notApplicable]: result.notApplicable,
        [COVERAGE.applicable]: result.applicable,
        [COVERAGE.covered]: result.covered,
        [COVERAGE.partial]: result.partial,
        [COVERAGE.gaps]: result.gaps,
        [COVERAGE.coverage]: result.applicable === 0 ? "" : result.coverage,
        [COVERAGE.addIn]: MISSING_CUSTOM_FUNCTION,
      };
    }),
};
