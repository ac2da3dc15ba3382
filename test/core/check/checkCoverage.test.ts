import { CONTROL } from "../../../src/core/blueprint/controlMatrix";
import { MAPPING } from "../../../src/core/blueprint/mappingsSheet";
import { REQUIREMENT } from "../../../src/core/blueprint/requirementsSheet";
import type { CellValue } from "../../../src/core/blueprint/types";
import { checkMappings, checkRequirements } from "../../../src/core/check/checkCoverage";
import { tableOf } from "./tables";

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
