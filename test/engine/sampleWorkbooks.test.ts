/**
 * Every scaffolded formula, recalculated by a real spreadsheet engine (LibreOffice), against the
 * TypeScript core: each profile at every matrix size with sample data.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recalculate } from "../../scripts/recalc";
import { RISK, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { defaultScales } from "../../src/core/scales";
import { describeWith, sofficeDependency } from "../support/systemDeps";
import { buildSampleWorkbook, caseName, SAMPLE_CASES, type BuildCase } from "./buildCases";
import { EngineWorkbook } from "./engineWorkbook";
import { checkContext } from "./oracle";
import { summaryLine, verified, verifyOrExplain, type Verification } from "./verify";

/** Building and recalculating all the sample workbooks, with room to spare on a 2-core runner. */
const RECALC_TIMEOUT_MS = 170_000;

interface Recalculated {
  book: EngineWorkbook;
  verification: Verification | Error;
}

describeWith(sofficeDependency(), { suite: "engine", title: "sample workbooks recalculated in LibreOffice" }, () => {
  const results = new Map<string, Recalculated>();
  let dir = "";
  let timings = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ismp-engine-sample-"));
    const built: string[] = [];
    const started = Date.now();
    for (const buildCase of SAMPLE_CASES) built.push(await buildSampleWorkbook(buildCase, join(dir, "built")));
    const builtAt = Date.now();
    const recalculated = await recalculate(built, { outDir: join(dir, "recalculated") });
    timings = `built in ${((builtAt - started) / 1000).toFixed(1)} s, recalculated in ${((Date.now() - builtAt) / 1000).toFixed(1)} s`;
    for (const [i, path] of recalculated.entries()) {
      const book = await EngineWorkbook.open(path);
      results.set(caseName(SAMPLE_CASES[i]), { book, verification: verifyOrExplain(book) });
    }
  }, RECALC_TIMEOUT_MS);

  afterAll(() => {
    console.log(summaryLine("sample workbooks", [...results.values()].map((r) => r.verification), timings));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const bookFor = (buildCase: BuildCase): EngineWorkbook => {
    const result = results.get(caseName(buildCase));
    if (!result) throw new Error(`${caseName(buildCase)} was not recalculated`);
    return result.book;
  };
  const verificationFor = (buildCase: BuildCase): Verification => verified(results.get(caseName(buildCase))?.verification, caseName(buildCase));

  describe.each(SAMPLE_CASES.map((c) => [caseName(c), c] as const))("%s", (_name, buildCase) => {
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
