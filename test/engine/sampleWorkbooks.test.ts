/**
 * Every scaffolded formula, recalculated by a real spreadsheet engine (LibreOffice), against the
 * TypeScript core: each profile at every matrix size with sample data.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recalculate } from "../../scripts/recalc";
import { RISK, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { defaultScales } from "../../src/core/scales";
import { createWorkbook, writeXlsx } from "../../src/headless";
import { describeWith, sofficeDependency } from "../support/systemDeps";
import { callsCustomFunction, compareCachedValues, readFileCells, type CachedComparison } from "./cachedValues";
import { buildSampleWorkbook, caseName, SAMPLE_CASES, type BuildCase } from "./buildCases";
import { EngineWorkbook } from "./engineWorkbook";
import { checkContext } from "./oracle";
import { summaryLine, verified, verifyOrExplain, type Verification } from "./verify";

/**
 * Building (cached values included), recalculating and reading back all the sample workbooks, with
 * room to spare on a busy 2-core runner (each workbook carries its Mappings sheet: 600-2,400 mapping
 * rows with four formulas each).
 */
const RECALC_TIMEOUT_MS = 900_000;

interface Recalculated {
  book: EngineWorkbook;
  verification: Verification | Error;
  /** The cached values `ismp new` wrote, against LibreOffice's values for the same file. */
  cached: CachedComparison;
}

const CANARY_RIGHT_VALUE = 42;

/** =A1*2 over A1 = 21, written with the cached value 999. */
async function writeCanary(dir: string): Promise<{ path: string; at: string }> {
  const workbook = createWorkbook();
  const sheet = workbook.sheets[0];
  sheet.setCellContent(0, 0, { value: CANARY_RIGHT_VALUE / 2 });
  sheet.setCellContent(0, 1, { formula: "=A1*2" });
  sheet.ensureCell(0, 1).value = 999;
  const path = join(dir, "canary-cached-value.xlsx");
  writeFileSync(path, await writeXlsx(workbook));
  return { path, at: "'Sheet1'!B1" };
}

describeWith(sofficeDependency(), { suite: "engine", title: "sample workbooks recalculated in LibreOffice" }, () => {
  const results = new Map<string, Recalculated>();
  let dir = "";
  let timings = "";
  let canaryValue: unknown;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ismp-engine-sample-"));
    const built: string[] = [];
    const started = Date.now();
    const day = new Date().toDateString();
    for (const buildCase of SAMPLE_CASES) built.push(await buildSampleWorkbook(buildCase, join(dir, "built")));
    const builtAt = Date.now();
    // A file whose cached value is wrong on purpose: LibreOffice must replace it, or the comparison proves nothing.
    const canary = await writeCanary(join(dir, "built"));
    const recalculated = await recalculate([...built, canary.path], { outDir: join(dir, "recalculated"), timeoutMs: RECALC_TIMEOUT_MS - 30_000 });
    timings = `built in ${((builtAt - started) / 1000).toFixed(1)} s, recalculated in ${((Date.now() - builtAt) / 1000).toFixed(1)} s`;
    // TODAY(): the CLI cached it with the real today, LibreOffice recalculated with the real today.
    if (new Date().toDateString() !== day) throw new Error("The local date changed between building and recalculating (midnight); run the suite again.");
    canaryValue = (await readFileCells(recalculated[recalculated.length - 1])).get(canary.at)?.value;
    for (const [i, path] of recalculated.slice(0, built.length).entries()) {
      const book = await EngineWorkbook.open(path);
      const cached = compareCachedValues(await readFileCells(built[i]), await readFileCells(path));
      results.set(caseName(SAMPLE_CASES[i]), { book, verification: verifyOrExplain(book), cached });
    }
  }, RECALC_TIMEOUT_MS);

  afterAll(() => {
    console.log(summaryLine("sample workbooks", [...results.values()].map((r) => r.verification), timings));
    const cached = [...results.values()].map((r) => r.cached);
    const total = (pick: (c: CachedComparison) => number) => cached.reduce((sum, c) => sum + pick(c), 0);
    console.log(
      `CACHED VALUES: ${total((c) => c.compared)} formula cells' cached values compared with LibreOffice's in ${cached.length} workbooks, ` +
        `${total((c) => c.mismatches.length)} mismatches; ${total((c) => c.withoutValue.length)} cells without a value (ISMP.* custom functions)`,
    );
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const bookFor = (buildCase: BuildCase): EngineWorkbook => {
    const result = results.get(caseName(buildCase));
    if (!result) throw new Error(`${caseName(buildCase)} was not recalculated`);
    return result.book;
  };
  const verificationFor = (buildCase: BuildCase): Verification => verified(results.get(caseName(buildCase))?.verification, caseName(buildCase));

  it("LibreOffice recalculates on load rather than keeping a file's cached values", () => {
    expect(canaryValue).toBe(CANARY_RIGHT_VALUE);
  });

  describe.each(SAMPLE_CASES.map((c) => [caseName(c), c] as const))("%s", (_name, buildCase) => {
    it("caches for every formula cell the value LibreOffice computes (ISMP.* custom functions have none)", () => {
      const cached = results.get(caseName(buildCase))?.cached;
      if (!cached) throw new Error(`${caseName(buildCase)} was not recalculated`);
      expect(cached.compared).toBeGreaterThan(500);
      expect(cached.mismatches).toEqual([]);
      expect(cached.withoutValue.filter((cell) => !callsCustomFunction(cell)).map((cell) => `${cell.at} =${cell.formula}`)).toEqual([]);
    });

    it("every formula cell equals the core's value", () => {
      const verification = verificationFor(buildCase);
      expect(verification.checked).toBeGreaterThan(0);
      expect(verification.mismatches).toEqual([]);
    });

    it("has no formula cell the suite does not check", () => {
      expect(verificationFor(buildCase).unchecked).toEqual([]);
    });

    it("has no error except ISMP.COVERAGE, which LibreOffice does not know (#NAME?)", () => {
      const verification = verificationFor(buildCase);
      const frameworks = bookFor(buildCase).table("CoverageSummary").length;
      expect(verification.errors.filter((e) => !/^'Coverage'!J\d+ #NAME\?$/.test(e))).toEqual([]);
      expect(verification.errors).toHaveLength(frameworks);
    });

    it("reads the Scales sheet the core seeded (bands, appetite, method, grid)", () => {
      const book = bookFor(buildCase);
      const seeded = defaultScales(buildCase.matrix, buildCase.method);
      const { scales } = checkContext(book);
      expect(scales.bands).toEqual(seeded.bands.map(({ rating, min, max, reviewEveryDays }) => ({ rating, min, max, reviewEveryDays })));
      expect(scales.appetite).toBe(seeded.appetite);
      expect(scales.method).toBe(seeded.method);
      expect(scales.grid).toEqual({ ok: true, value: seeded.matrix });
      expect(scales.likelihoodLevels).toHaveLength(buildCase.matrix);
    });
  });

  it("sample data reaches every rating band and both sides of the appetite and of the review date", () => {
    for (const buildCase of SAMPLE_CASES) {
      const risks = bookFor(buildCase).table(RISKS_TABLE);
      const seen = (...columns: string[]) => [...new Set(risks.flatMap((r) => columns.map((c) => r[c].value)))].filter((v) => v !== "").sort();
      expect({ case: caseName(buildCase), ratings: seen(RISK.inherentRating, RISK.residualRating) }).toEqual({ case: caseName(buildCase), ratings: ["Critical", "High", "Low", "Medium"] });
      expect({ case: caseName(buildCase), appetite: seen(RISK.withinAppetite), overdue: seen(RISK.reviewOverdue) }).toEqual({ case: caseName(buildCase), appetite: ["No", "Yes"], overdue: ["No", "Yes"] });
    }
  });
});
