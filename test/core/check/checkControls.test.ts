import { CONTROL, mappingColumnHeader } from "../../../src/core/blueprint/controlMatrix";
import type { CellValue } from "../../../src/core/blueprint/types";
import { checkControls } from "../../../src/core/check/checkControls";
import { columnOf, tableOf } from "./tables";

const ISO = mappingColumnHeader("ISO27001");
const SP80053 = mappingColumnHeader("NIST80053");
const HEADERS = [...Object.values(CONTROL), ISO, SP80053];
/** Serial date of 2026-03-02. */
const TESTED = 46083;

const clean = (id: string): Record<string, CellValue> => ({
  [CONTROL.id]: id,
  [CONTROL.name]: "Information security policy",
  [CONTROL.status]: "Implemented",
  [CONTROL.effectiveness]: "Effective",
  [CONTROL.maturity]: 3,
  [CONTROL.lastTested]: TESTED,
  [CONTROL.evidence]: "Policy v2.1 approved March 2026",
  [ISO]: "A.5.1; A.5.2",
  [SP80053]: "PL-1",
});

const matrix = (...rows: Array<Record<string, CellValue>>) => tableOf("Controls", "Control Matrix", rows, HEADERS);
const controls = (...overrides: Array<Record<string, CellValue>>) =>
  matrix(...overrides.map((o, i) => ({ ...clean(`GOV-0${i + 1}`), ...o })));
/** Address of a header's cell in body row `bodyRow` (0-based); the header row is sheet row 4. */
const cell = (header: string, bodyRow = 0) => `${columnOf(matrix(), header)}${5 + bodyRow}`;

describe("checkControls", () => {
  it("finds nothing wrong in a complete, correctly mapped matrix", () => {
    expect(checkControls(controls({}, { [CONTROL.status]: "Planned", [CONTROL.evidence]: "", [CONTROL.lastTested]: null }))).toEqual([]);
  });

  it("reports a mapping ID the framework does not have as an error on the mapping cell", () => {
    expect(checkControls(controls({ [ISO]: "A.5.1; A.5.99" }))).toEqual([
      { code: "unknown-requirement", severity: "error", sheet: "Control Matrix", address: cell(ISO), message: 'GOV-01: ISO 27001 requirement "A.5.99" does not exist.' },
    ]);
  });

  it("reads IDs separated by commas and line breaks as well as semicolons", () => {
    const problems = checkControls(controls({ [ISO]: "A.5.1, A.5.99\nA.5.2;;" }));
    expect(problems.map((p) => p.message)).toEqual(['GOV-01: ISO 27001 requirement "A.5.99" does not exist.']);
  });

  it("warns about IDs that only match after normalisation and suggests the catalog's spelling", () => {
    const problems = checkControls(controls({ [ISO]: "a.5.1", [SP80053]: "AC-02" }));
    expect(problems).toEqual([
      expect.objectContaining({ code: "requirement-spelling", severity: "warning", address: cell(ISO), message: 'GOV-01: ISO 27001 requirement "a.5.1" should be written "A.5.1".' }),
      expect.objectContaining({ code: "requirement-spelling", severity: "warning", address: cell(SP80053), message: 'GOV-01: NIST 800-53 requirement "AC-02" should be written "AC-2".' }),
    ]);
  });

  it("accepts a parent standard such as HIPAA §164.308(a)(1) next to its specification", () => {
    const HIPAA = mappingColumnHeader("HIPAA");
    const table = tableOf("Controls", "Control Matrix", [{ ...clean("GOV-01"), [HIPAA]: "§164.308(a)(1); §164.308(a)(1)(ii)(A)" }], [...HEADERS, HIPAA]);
    expect(checkControls(table)).toEqual([]);
  });

  it("warns about a control mapped to no framework, pointing at its first mapping cell", () => {
    expect(checkControls(controls({}, { [ISO]: "", [SP80053]: "  " }))).toEqual([
      { code: "no-mapping", severity: "warning", sheet: "Control Matrix", address: cell(ISO, 1), message: "GOV-02: control is not mapped to any framework requirement." },
    ]);
  });

  it("does not ask for mappings when the table has no framework column at all", () => {
    const table = tableOf("Controls", "Control Matrix", [clean("GOV-01")], Object.values(CONTROL));
    expect(checkControls(table)).toEqual([]);
  });

  it("warns about an Implemented control with no evidence or no test date, at each blank cell", () => {
    const problems = checkControls(controls({ [CONTROL.evidence]: "" }, { [CONTROL.status]: "implemented", [CONTROL.lastTested]: null }));
    expect(problems).toEqual([
      { code: "implemented-without-evidence", severity: "warning", sheet: "Control Matrix", address: cell(CONTROL.evidence, 0), message: "GOV-01: control is Implemented but no evidence is recorded." },
      { code: "implemented-untested", severity: "warning", sheet: "Control Matrix", address: cell(CONTROL.lastTested, 1), message: "GOV-02: control is Implemented but has no Last Tested date." },
    ]);
  });

  it("reports duplicate Control IDs (ignoring case) on every copy and blank Control IDs by row", () => {
    const problems = checkControls(matrix(clean("GOV-01"), clean("gov-01"), clean(""), clean("GOV-02")));
    expect(problems).toEqual([
      { code: "duplicate-id", severity: "error", sheet: "Control Matrix", address: cell(CONTROL.id, 0), message: "GOV-01: Control ID is used more than once." },
      { code: "duplicate-id", severity: "error", sheet: "Control Matrix", address: cell(CONTROL.id, 1), message: "gov-01: Control ID is used more than once." },
      { code: "blank-id", severity: "error", sheet: "Control Matrix", address: cell(CONTROL.id, 2), message: "Row 3: Control ID is blank." },
    ]);
  });

  it("skips rows with nothing typed in them", () => {
    expect(checkControls(matrix(clean("GOV-01"), {}, clean("GOV-02")))).toEqual([]);
  });

  it("reports Status and Effectiveness outside their lists", () => {
    const problems = checkControls(controls({ [CONTROL.status]: "Done", [CONTROL.effectiveness]: "Great" }, { [CONTROL.status]: "partially IMPLEMENTED" }));
    expect(problems.map((p) => [p.code, p.address])).toEqual([
      ["outside-list", cell(CONTROL.status)],
      ["outside-list", cell(CONTROL.effectiveness)],
    ]);
    expect(problems[0].message).toBe(
      'GOV-01: Status "Done" is not one of Not started, Planned, In progress, Partially implemented, Implemented, Not applicable.',
    );
  });

  it("accepts a Maturity that is a whole number from 0 to 5 and reports anything else", () => {
    const maturities: CellValue[] = [0, 5, "3", null, 6, -1, 2.5, "high"];
    const problems = checkControls(controls(...maturities.map((m) => ({ [CONTROL.maturity]: m }))));
    expect(problems.map((p) => p.address)).toEqual([4, 5, 6, 7].map((row) => cell(CONTROL.maturity, row)));
    expect(problems.every((p) => p.code === "outside-scale" && p.severity === "error")).toBe(true);
    expect(problems[0].message).toBe('GOV-05: Maturity "6" must be a whole number from 0 to 5.');
  });
});
