/** Reading a user's framework file (a made-up "ACME-SEC" standard) and keeping it in the workbook's memory. */
import { assessableRequirements, findRequirement, getFramework, resolveFrameworkKey, useCustomFrameworks } from "../../../src/core/catalogs";
import { catalogTable, customFrameworkKey, jsonCatalogGrid, mergeCustomCatalog, readCustomCatalog } from "../../../src/core/catalogs/customFramework";
import type { Framework } from "../../../src/core/catalogs/types";
import { frameworkKeys, isFrameworkKey } from "../../../src/core/frameworkKeys";
import { parseCsvGrid } from "../../../src/core/import";
import { memoryRows, readMemory, SCHEMA_VERSION, WorkbookMemory } from "../../../src/core/plan/workbookMemory";

const context = { existing: [], reservedHeaders: ["Control ID", "Status"] };
const read = (csv: string, key = "ACME-SEC", name?: string) => readCustomCatalog(catalogTable("acme.csv", parseCsvGrid(csv)), { key, name, source: "acme.csv" }, context);
const ok = (result: ReturnType<typeof read>): Framework => {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.framework;
};

afterEach(() => useCustomFrameworks([]));

describe("a custom framework file", () => {
  it("finds the header under title rows and reads synonyms (Ref, Title, Parent ID)", () => {
    const framework = ok(read("My standard\n\nRef,Title,Parent ID\nA,Area A,\nA.1,First thing,A\nA.2,Second thing,A\n"));
    expect(framework).toMatchObject({ key: "ACME-SEC", shortName: "ACME-SEC", custom: true });
    expect(framework.requirements.map((r) => [r.id, r.parent])).toEqual([["A", null], ["A.1", "A"], ["A.2", "A"]]);
  });

  it("names the row and column of Yes/No cells it cannot read, IDs the formulas would misread, and blank labels", () => {
    const result = read("ID,Label,Parent,Assessable,Applicable\nA,Area,,maybe,\nA.1,,A,,sometimes\nB;C,Two IDs,,,\n>5,Condition,,,\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, "Assessable", expect.stringContaining('Assessable of A is "maybe"; use Yes or No')],
      [3, "Label", expect.stringContaining("Label of A.1 is blank")],
      [3, "Applicable", expect.stringContaining('Applicable of A.1 is "sometimes"; use Yes or No')],
      [4, "ID", expect.stringContaining('ID "B;C" contains ";", "," or a line break')],
      [5, "ID", expect.stringContaining('ID ">5" contains a wildcard (* ? ~) or starts with < > =')],
    ]);
  });

  it("treats IDs that differ only by case, spaces or leading zeros as duplicates, and resolves parents the same way", () => {
    const result = read("ID,Label,Parent\nAC-01,Access,\nac-1,Access again,\nAC-01.1,Sub,ac-1\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ row: 3, column: "ID", message: 'ID ac-1 is the same ID as "AC-01" in row 2 (case, spaces and leading zeros do not tell IDs apart).' }]);
    const fine = ok(read("ID,Label,Parent\nAC-01,Access,\nAC-01.1,Sub,ac-1\n"));
    expect(fine.requirements[1].parent).toBe("AC-01");
  });

  it("says which columns are missing", () => {
    const noLabel = read("Code,Words\nA,Thing\n");
    expect(!noLabel.ok && noLabel.problems.map((p) => [p.row, p.column])).toEqual([[1, "Label"]]);
    const neither = read("Number only\n1\n");
    expect(!neither.ok && neither.problems.map((p) => p.column)).toEqual(["ID", "Label"]);
  });

  it("validates keys: upper case, no built-in key or alias", () => {
    expect(customFrameworkKey(" hitrust ")).toEqual({ ok: true, key: "HITRUST" });
    expect(customFrameworkKey("CMMC")).toMatchObject({ ok: false, message: expect.stringContaining("built-in framework NIST800171") });
    expect(customFrameworkKey("1ABC")).toMatchObject({ ok: false });
  });

  it("reads JSON catalogs, naming what it expects when the shape is wrong", () => {
    const grid = jsonCatalogGrid('[{"id":"X-1","title":"Thing"},{"id":"X-1.1","label":"Sub","parent":"X-1","applicable":false}]');
    expect("grid" in grid && ok(readCustomCatalog(catalogTable("x.json", grid.grid), { key: "XSTD", source: "x.json" }, context)).requirements[1]).toEqual({ id: "X-1.1", title: "Sub", parent: "X-1", applicable: false });
    expect(jsonCatalogGrid('{"rows": []}')).toMatchObject({ problem: { message: expect.stringContaining('"requirements" array') } });
  });

  it("once in use, is a framework like a built-in one: key, lookups, leaves", () => {
    const framework = ok(read("ID,Label,Parent,Assessable\nA,Area,,\nA.1,First,A,\nA.2,Second,A,\nN,Notes,,No\n", "ACME-SEC", "ACME SEC"));
    expect(isFrameworkKey("ACME-SEC")).toBe(false);
    useCustomFrameworks([framework]);
    expect(frameworkKeys().at(-1)).toBe("ACME-SEC");
    expect(resolveFrameworkKey("acme sec")).toBe("ACME-SEC");
    expect(findRequirement(framework.key, " a.1 ")?.id).toBe("A.1");
    expect(assessableRequirements(framework.key).map((r) => r.id)).toEqual(["A.1", "A.2"]);
    useCustomFrameworks([]);
    expect(() => getFramework(framework.key)).toThrow(/not known/);
  });

  it("an update keeps requirements the new file no longer lists, and the stored name", () => {
    const v1 = ok(read("ID,Label,Parent\nA,Area,\nA.1,First,A\nA.2,Second,A\n", "ACME-SEC", "ACME SEC"));
    const v2 = ok(read("ID,Label,Parent\nA,Area,\nA.1,First (reworded),A\nA.3,Third,A\n", "ACME-SEC", "Acme renamed"));
    const merged = mergeCustomCatalog(v1, v2);
    expect(merged.framework.shortName).toBe("ACME SEC");
    expect(merged.framework.requirements.map((r) => r.id)).toEqual(["A", "A.1", "A.3", "A.2"]);
    expect(merged.notes[0]).toBe("Framework ACME SEC (ACME-SEC) updated from the file: 1 requirement added, 1 changed.");
  });

  it("is stored in the workbook's memory and read back the same", () => {
    const framework = ok(read("ID,Label,Parent,Assessable,Applicable\nA,Area,,,\nA.1,\"First \"\"quoted\"\", with comma\",A,,No\nN,Notes,,No,\n", "ACME-SEC", "ACME SEC"));
    const memory: WorkbookMemory = {
      schemaVersion: SCHEMA_VERSION, profile: "general", frameworks: ["ISO27001", framework.key], matrixSize: 5, method: "multiply",
      organisation: "", client: "", tables: {}, customFrameworks: [framework],
    };
    const back = readMemory(memoryRows(memory));
    expect(back.kind === "memory" && back.memory.frameworks).toEqual(["ISO27001", "ACME-SEC"]);
    expect(back.kind === "memory" && back.memory.customFrameworks).toEqual([framework]);
  });
});
