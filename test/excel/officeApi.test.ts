/**
 * The add-in's Office.js types (src/excel/officeApi.ts) tie the add-in, Excel and the headless host
 * together at compile time. These tests run the TypeScript checker on planted code: a member the add-in
 * would start to use that the subset (and so the host) lacks fails, a host class whose member type
 * differs from @types/office-js fails, and both Excel's RequestContext and the host's are accepted
 * where the add-in takes a context — no cast between them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";

const projectDir = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "ismp-officeapi-"));
const officeApi = join(projectDir, "src/excel/officeApi").replace(/\\/g, "/");
const headless = join(projectDir, "src/headless").replace(/\\/g, "/");

const PLANTED: Record<string, string> = {
  missingMember: `import type { RequestContext } from "${officeApi}";
export function planted(context: RequestContext) {
  return context.workbook.worksheets.getItem("Risks").getRange("A1").getBoundingRect("B2");
}
`,
  wrongEnum: `import type { RequestContext } from "${officeApi}";
export function planted(context: RequestContext) {
  context.workbook.worksheets.getItem("Risks").getRange("A1").format.horizontalAlignment = "Middle";
}
`,
  driftingHost: `import type * as OfficeApi from "${officeApi}";
export class Font implements OfficeApi.RangeFont {
  bold = "yes";
  italic = false;
  color = "#000000";
  size = 11;
}
`,
  hostAndExcel: `import type { RequestContext } from "${officeApi}";
import { createRequestContext, createWorkbook } from "${headless}";
declare function addInOperation(context: RequestContext): Promise<void>;
export async function both(excel: Excel.RequestContext) {
  await addInOperation(createRequestContext(createWorkbook()));
  await addInOperation(excel);
  await Excel.run((context) => addInOperation(context));
}
`,
};

let diagnostics: Record<string, string[]>;

beforeAll(() => {
  const configPath = join(projectDir, "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`Cannot read ${configPath}`);
  const files = Object.fromEntries(Object.keys(PLANTED).map((name) => [name, join(dir, `${name}.ts`)]));
  for (const [name, file] of Object.entries(files)) writeFileSync(file, PLANTED[name]);
  const program = ts.createProgram([...Object.values(files), join(projectDir, "src/excel/officeApi.ts")], parsed.options);
  diagnostics = Object.fromEntries(
    Object.entries(files).map(([name, file]) => [
      name,
      ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`),
    ]),
  );
  diagnostics.officeApi = ts.getPreEmitDiagnostics(program, program.getSourceFile(join(projectDir, "src/excel/officeApi.ts"))).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the add-in's Office.js subset (src/excel/officeApi.ts)", () => {
  it("is a subset of @types/office-js: Excel's RequestContext satisfies it", () => {
    expect(diagnostics.officeApi).toEqual([]);
  });

  it("fails the build when add-in code uses a member the subset, and so the host, lacks", () => {
    expect(diagnostics.missingMember).toEqual([expect.stringMatching(/^TS2339 Property 'getBoundingRect' does not exist on type 'Range'/)]);
  });

  it("fails the build on a value outside an Office.js enum", () => {
    expect(diagnostics.wrongEnum).toEqual([expect.stringMatching(/^TS2322 Type '"Middle"' is not assignable to type/)]);
  });

  it("fails the build when a host class types a member otherwise than Office.js", () => {
    expect(diagnostics.driftingHost).toEqual([expect.stringMatching(/^TS2416 Property 'bold' in type 'Font' is not assignable to the same property in base type/)]);
  });

  it("takes the headless host's context and Excel's alike, without a cast", () => {
    expect(diagnostics.hostAndExcel).toEqual([]);
  });
});
