/**
 * An analyst edits a built workbook (levels, a closed risk, bands, appetite, control statuses,
 * applicability); LibreOffice recalculates; every formula still equals the core computed from the
 * edited inputs, and the edits show where a user would look for them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recalculate } from "../../scripts/recalc";
import { COVERAGE, COVERAGE_TABLE } from "../../src/core/blueprint/coverageSheet";
import { RISK, RISKS_TABLE } from "../../src/core/blueprint/riskRegister";
import { SOA, SOA_TABLE } from "../../src/core/blueprint/soaSheet";
import { describeWith, sofficeDependency } from "../support/systemDeps";
import { BAND_EDITS, editAsAnalyst, EXCLUDED_REQUIREMENT, LONG_AGO, NEW_APPETITE, RISK_EDITS } from "./analystEdits";
import { buildSampleWorkbook, caseName, type BuildCase } from "./buildCases";
import { EngineWorkbook, type TableRow } from "./engineWorkbook";
import { summaryLine, verified, verifyOrExplain, type Verification } from "./verify";

const EDIT_CASES: ReadonlyArray<BuildCase & { editGrid: boolean }> = [
  { profile: "general", matrix: 5, method: "multiply", editGrid: false },
  { profile: "saas", matrix: 5, method: "matrix", editGrid: true },
];

const RECALC_TIMEOUT_MS = 170_000;

interface Pair {
  before: EngineWorkbook;
  after: EngineWorkbook;
  verification: Verification | Error;
}

describeWith(sofficeDependency(), { suite: "engine", title: "analyst edits recalculated in LibreOffice" }, () => {
  const pairs = new Map<string, Pair>();
  let dir = "";
  let timings = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ismp-engine-edits-"));
    const started = Date.now();
    const inputs: string[] = [];
    mkdirSync(join(dir, "edited"));
    for (const editCase of EDIT_CASES) {
      const built = await buildSampleWorkbook(editCase, join(dir, "built"));
      const before = join(dir, "edited", `${caseName(editCase)}-before.xlsx`);
      const after = join(dir, "edited", `${caseName(editCase)}-after.xlsx`);
      copyFileSync(built, before);
      await editAsAnalyst(built, after, { editGrid: editCase.editGrid });
      inputs.push(before, after);
    }
    const editedAt = Date.now();
    const outputs = await recalculate(inputs, { outDir: join(dir, "recalculated") });
    timings = `built and edited in ${((editedAt - started) / 1000).toFixed(1)} s, recalculated in ${((Date.now() - editedAt) / 1000).toFixed(1)} s`;
    for (const [i, editCase] of EDIT_CASES.entries()) {
      const [before, after] = await Promise.all([EngineWorkbook.open(outputs[2 * i]), EngineWorkbook.open(outputs[2 * i + 1])]);
      pairs.set(caseName(editCase), { before, after, verification: verifyOrExplain(after) });
    }
  }, RECALC_TIMEOUT_MS);

  afterAll(() => {
    console.log(summaryLine("analyst edits", [...pairs.values()].map((p) => p.verification), timings));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const pairFor = (editCase: BuildCase): Pair => {
    const pair = pairs.get(caseName(editCase));
    if (!pair) throw new Error(`${caseName(editCase)} was not recalculated`);
    return pair;
  };
  const risk = (book: EngineWorkbook, row: number): TableRow => book.table(RISKS_TABLE)[row];
  const editOf = (why: string) => {
    const edit = RISK_EDITS.find((e) => e.why === why);
    if (!edit) throw new Error(`No risk edit "${why}"`);
    return edit.row;
  };

  describe.each(EDIT_CASES.map((c) => [caseName(c), c] as const))("%s", (name, editCase) => {
    it("every formula cell equals the core computed from the edited inputs", () => {
      const verification = verified(pairFor(editCase).verification, name);
      expect(verification.mismatches).toEqual([]);
      expect(verification.unchecked).toEqual([]);
      expect(verification.errors.every((e) => /^'Coverage'!J\d+ #NAME\?$/.test(e))).toBe(true);
    });

    it("shows the renamed band and the new appetite", () => {
      const { after } = pairFor(editCase);
      const ratings = after.table(RISKS_TABLE).flatMap((r) => [r[RISK.inherentRating].value, r[RISK.residualRating].value]);
      expect(ratings).toContain(BAND_EDITS.renamed.to);
      expect(ratings).not.toContain(BAND_EDITS.renamed.from);
      expect(after.nameValue("RiskAppetite")).toBe(NEW_APPETITE);
    });

    it("moves a score of 8 into High, reviewed every 60 days", () => {
      const { before, after } = pairFor(editCase);
      const row = editOf("score 8: Moderate before the band edit, High after");
      const edited = risk(after, row);
      if (editCase.method === "multiply") expect(edited[RISK.residualScore].value).toBe(8);
      expect(edited[RISK.residualRating].value).toBe("High");
      const base = edited[RISK.lastReviewed].value !== "" ? edited[RISK.lastReviewed].value : edited[RISK.identified].value;
      expect(edited[RISK.nextReview].value).toBe(Number(base) + BAND_EDITS.high.reviewEveryDays);
      expect(risk(before, row)[RISK.residualRating].value).not.toBe("High");
    });

    it("never reports a closed risk overdue, but does an open one reviewed long ago", () => {
      const { after } = pairFor(editCase);
      const closed = risk(after, editOf("closed risks are never overdue"));
      const open = risk(after, editOf("open and not reviewed for years"));
      expect([closed[RISK.lastReviewed].value, closed[RISK.reviewOverdue].value]).toEqual([LONG_AGO, "No"]);
      expect([open[RISK.lastReviewed].value, open[RISK.reviewOverdue].value]).toEqual([LONG_AGO, "Yes"]);
    });

    it("leaves residual columns blank when the residual is not assessed", () => {
      const unassessed = risk(pairFor(editCase).after, editOf("residual not assessed: review follows the inherent rating"));
      expect([unassessed[RISK.residualScore].value, unassessed[RISK.residualRating].value, unassessed[RISK.withinAppetite].value]).toEqual(["", "", ""]);
      expect(unassessed[RISK.nextReview].value).not.toBe("");
    });

    it("follows control and applicability edits into coverage figures", () => {
      const { before, after } = pairFor(editCase);
      const figures = (book: EngineWorkbook) =>
        book.table(COVERAGE_TABLE).map((r) => [COVERAGE.notApplicable, COVERAGE.covered, COVERAGE.partial, COVERAGE.gaps, COVERAGE.coverage].map((c) => r[c].value));
      expect(figures(after)).not.toEqual(figures(before));
      const iso = after.table(COVERAGE_TABLE).find((r) => r[COVERAGE.key].value === "ISO27001");
      expect(iso?.[COVERAGE.notApplicable].value).toBe(1);
    });

    it("carries the excluded requirement into the Statement of Applicability", () => {
      const soa = pairFor(editCase).after.table(SOA_TABLE).find((r) => r[SOA.control].value === EXCLUDED_REQUIREMENT.id);
      expect(soa && [soa[SOA.applicable].value, soa[SOA.justification].value, soa[SOA.status].value]).toEqual([
        "No",
        EXCLUDED_REQUIREMENT.justification,
        "Not applicable",
      ]);
    });
  });
});
