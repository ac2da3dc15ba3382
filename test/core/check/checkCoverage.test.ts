import { CONTROL } from "../../../src/core/blueprint/controlMatrix";
import { MAPPING } from "../../../src/core/blueprint/mappingsSheet";
import { REQUIREMENT } from "../../../src/core/blueprint/requirementsSheet";
import type { CellValue } from "../../../src/core/blueprint/types";
import { checkMappings, checkMatrixMappings, checkRequirements } from "../../../src/core/check/checkCoverage";
import { columnOf, tableOf } from "./tables";

const controls = tableOf("Controls", "Control Matrix", [{ [CONTROL.id]: "IAM-04", [CONTROL.status]: "Implemented" }], Object.values(CONTROL));
const row = (overrides: Record<string, CellValue>): Record<string, CellValue> => ({
  [MAPPING.controlId]: "IAM-04",
  [MAPPING.framework]: "ISO 27001",
  [MAPPING.requirementId]: "A.8.5",
  [MAPPING.relationship]: "Subset of",
  [MAPPING.jointlySufficient]: "No",
  ...overrides,
});
const mappings = (...rows: Array<Record<string, CellValue>>) => tableOf("Mappings", "Mappings", rows, Object.values(MAPPING));
const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code);

describe("checkMappings", () => {
  it("is quiet about a clean row", () => {
    expect(checkMappings(mappings(row({})), controls)).toEqual([]);
  });

  it("rejects a parent that groups leaves, naming them, because it gives nothing", () => {
    const [problem] = checkMappings(mappings(row({ [MAPPING.framework]: "HIPAA", [MAPPING.requirementId]: "§164.308(a)(1)" })), controls);
    expect(problem.code).toBe("parent-requirement");
    expect(problem.message).toContain("§164.308(a)(1)(ii)(A)");
  });

  it("reports unknown requirements, controls missing from the matrix, relationships outside the list and key spellings", () => {
    expect(codes(checkMappings(mappings(row({ [MAPPING.requirementId]: "A.9.9" })), controls))).toEqual(["unknown-requirement"]);
    expect(codes(checkMappings(mappings(row({ [MAPPING.framework]: "NIST 800-171r3", [MAPPING.requirementId]: "03.01.13" })), controls))).toEqual(["withdrawn-requirement"]);
    expect(codes(checkMappings(mappings(row({ [MAPPING.controlId]: "XYZ-1" })), controls))).toEqual(["unknown-control"]);
    expect(codes(checkMappings(mappings(row({ [MAPPING.relationship]: "Covers" })), controls))).toEqual(["mapping-relationship"]);
    expect(codes(checkMappings(mappings(row({ [MAPPING.requirementId]: "Annex A 8.5" })), controls))).toEqual(["requirement-spelling"]);
    const framework = checkMappings(mappings(row({ [MAPPING.framework]: "ISO27001" })), controls);
    expect(framework[0].code).toBe("mapping-framework");
    expect(framework[0].message).toContain('Write "ISO 27001"');
    expect(codes(checkMappings(mappings(row({ [MAPPING.relationship]: "Equal", [MAPPING.jointlySufficient]: "Yes" })), controls))).toEqual(["jointly-sufficient"]);
  });
});

describe("checkRequirements (HIPAA)", () => {
  const requirements = (...rows: Array<Record<string, CellValue>>) =>
    tableOf("Requirements", "Requirements", rows.map((r) => ({ [REQUIREMENT.framework]: "HIPAA", [REQUIREMENT.applicable]: "Yes", ...r })), Object.values(REQUIREMENT));

  it("errors when a Required specification is marked not applicable", () => {
    const problems = checkRequirements(requirements({ [REQUIREMENT.id]: "§164.308(a)(1)(ii)(A)", [REQUIREMENT.applicable]: "No", [REQUIREMENT.justification]: "small" }));
    expect(codes(problems)).toEqual(["hipaa-required-excluded"]);
  });

  it("warns when an Addressable specification has no documented decision, and not once it has one", () => {
    expect(codes(checkRequirements(requirements({ [REQUIREMENT.id]: "§164.312(a)(2)(iv)" })))).toEqual(["hipaa-addressable-undecided"]);
    expect(checkRequirements(requirements({ [REQUIREMENT.id]: "§164.312(a)(2)(iv)", [REQUIREMENT.justification]: "Encrypted at rest (AES-256)" }))).toEqual([]);
  });

  it("leaves standards without specifications and other frameworks alone", () => {
    expect(checkRequirements(requirements({ [REQUIREMENT.id]: "§164.308(a)(2)" }))).toEqual([]);
    expect(checkRequirements(requirements({ [REQUIREMENT.framework]: "ISO 27001", [REQUIREMENT.id]: "A.5.1", [REQUIREMENT.applicable]: "No" }))).toEqual([]);
  });
});

describe("checkMatrixMappings (matrix cells without Mappings rows)", () => {
  const iso = "ISO 27001";
  const matrix = (...rows: Array<Record<string, CellValue>>) =>
    tableOf("Controls", "Control Matrix", rows, [...Object.values(CONTROL), iso, "NIST CSF"]);
  const ownControl = { [CONTROL.id]: "ACME-01", [CONTROL.status]: "Implemented" };

  it("warns at the cell when a user's control names IDs no Mappings row backs, naming the row, the column and the fix", () => {
    const controlsTable = matrix({ [CONTROL.id]: "IAM-04", [iso]: "A.8.5" }, { ...ownControl, [iso]: "A.5.15; a.8.3", "NIST CSF": "PR.AA-05" });
    const problems = checkMatrixMappings(controlsTable, mappings(row({})));
    expect(problems.map((p) => [p.code, p.severity, p.sheet, p.address])).toEqual([
      ["matrix-mapping-without-record", "warning", "Control Matrix", `${columnOf(controlsTable, iso)}6`],
      ["matrix-mapping-without-record", "warning", "Control Matrix", `${columnOf(controlsTable, "NIST CSF")}6`],
    ]);
    expect(problems[0].message).toBe(
      "Control ACME-01 (Control Matrix row 6), column ISO 27001: A.5.15 and A.8.3 have no row in the Mappings sheet, so they earn no coverage credit. " +
        "Add one Mappings row per ID (Control ID ACME-01, Framework ISO 27001, the Requirement ID) with its Relationship, or remove the IDs from the cell.",
    );
    expect(problems[1].message).toContain("Add a Mappings row (Control ID ACME-01, Framework NIST CSF, Requirement ID PR.AA-05)");
  });

  it("is quiet once each ID has a Mappings row, whatever the case and spacing typed", () => {
    const controlsTable = matrix({ ...ownControl, [iso]: "A.5.15; A.8.3 " });
    const backed = mappings(
      row({ [MAPPING.controlId]: "acme-01", [MAPPING.requirementId]: "A.5.15" }),
      row({ [MAPPING.controlId]: "ACME-01", [MAPPING.requirementId]: " a.8.3" }),
    );
    expect(checkMatrixMappings(controlsTable, backed)).toEqual([]);
  });

  it("leaves unknown IDs to the matrix's own rule and ignores a row for another framework", () => {
    const controlsTable = matrix({ ...ownControl, [iso]: "A.9.9; A.5.15" });
    const otherFramework = mappings(row({ [MAPPING.controlId]: "ACME-01", [MAPPING.framework]: "NIST CSF", [MAPPING.requirementId]: "A.5.15" }));
    const problems = checkMatrixMappings(controlsTable, otherFramework);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^Control ACME-01 \(Control Matrix row 5\), column ISO 27001: A\.5\.15 has no row/);
  });
});
