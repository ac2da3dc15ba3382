/**
 * The requirement-set audit of `npm run lint` (scripts/requirements/audit.ts): the add-in's members
 * fit the sets manifest.xml declares, and a member planted above them fails the audit unless a
 * run-time isSetSupported check guards it ("Office versions and requirement sets", learn.microsoft.com).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditRequirementSets, declaredSets, summarize, type AuditResult } from "../../scripts/requirements/audit";

const projectDir = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "ismp-audit-"));
const planted = join(dir, "planted.ts");
const guarded = join(dir, "guarded.ts");
let result: AuditResult;

beforeAll(() => {
  // Range.getCellProperties needs ExcelApi 1.9; the manifest declares 1.8.
  writeFileSync(planted, "export function planted(range: Excel.Range) {\n  return range.getCellProperties({ format: { fill: { color: true } } });\n}\n");
  writeFileSync(
    guarded,
    'import { supportsExcelApi } from "' + join(projectDir, "src/excel/requirements").replace(/\\/g, "/") + '";\n' +
      'export function guarded(range: Excel.Range) {\n  if (!supportsExcelApi("1.9")) return undefined;\n  return range.getCellProperties({ format: { fill: { color: true } } });\n}\n',
  );
  result = auditRequirementSets({ projectDir, extraFiles: [planted, guarded] });
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("requirement-set audit", () => {
  it("reads the sets the manifest declares", () => {
    expect(declaredSets(readFileSync(join(projectDir, "manifest.xml"), "utf8"))).toMatchObject({ ExcelApi: "1.8", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" });
  });

  it("fails on a member planted above the declared ExcelApi, naming file, line, member and set", () => {
    expect(result.problems).toEqual([expect.stringMatching(/planted\.ts:2 Range\.getCellProperties needs ExcelApi 1\.9; the manifest declares ExcelApi 1\.8/)]);
  });

  it("accepts the same member behind a run-time check for its set", () => {
    expect(result.uses.find((u) => u.file.endsWith("guarded.ts"))).toMatchObject({ member: "Range.getCellProperties", version: "1.9", guardedBy: "1.9" });
  });

  it("finds nothing else above the declared sets in src/excel, src/functions, src/commands and src/taskpane", () => {
    expect(result.problems.filter((p) => !p.includes("planted.ts"))).toEqual([]);
    expect(result.uses.some((u) => u.file.startsWith("src/excel/") && u.member === "PageLayout.zoom" && u.guardedBy === "1.9")).toBe(true);
  });

  it("prints a per-set summary", () => {
    const summary = summarize(result);
    expect(summary).toEqual(expect.arrayContaining([expect.stringMatching(/^ExcelApi 1\.1: \d+ uses of \d+ members/), expect.stringMatching(/^ExcelApi 1\.9: .*behind a run-time check/)]));
  });
});
