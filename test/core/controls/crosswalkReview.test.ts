/**
 * The reviewed-exclusions table and the crosswalk agreement report. The table's own checks run
 * everywhere; the comparison with NIST's crosswalks runs only where ../shared/reference is present
 * (its files are never part of the project), and then demands that every NIST pair the library could
 * imply is implied or excluded with a reason, and that no exclusion is stale.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findRequirement } from "../../../src/core/catalogs";
import { crosswalkAgreement, crosswalkLevelId, REVIEWED_CROSSWALKS, type ReviewedCrosswalk } from "../../../src/core/controls/crosswalkReview";
import { EXCLUSION_REASONS, REVIEWED_EXCLUSIONS, type ReviewedExclusion } from "../../../src/core/controls/exclusions";
import { CONTROL_LIBRARY } from "../../../src/core/controls/library";
import { CROSSWALK_FILES } from "../../../src/core/controls/mappingRecords";

const CODES = Object.keys(REVIEWED_CROSSWALKS) as ReviewedCrosswalk[];

describe("crosswalkAgreement (toy crosswalk)", () => {
  const controls = [
    { mappings: { NISTCSF: ["PR.AA-03"], NIST80053: ["IA-2", "IA-2(1)"] } },
    { mappings: { NISTCSF: ["PR.AA-05"], NIST80053: ["AC-3"] } },
  ];
  const nist = [
    { from: "PR.AA-03", to: "IA-2(1)" }, // implied through the base control
    { from: "PR.AA-05", to: "IA-2" }, // both IDs used, not implied: excluded below
    { from: "PR.AA-03", to: "AC-3" }, // both IDs used, not implied, not excluded
    { from: "PR.AA-01", to: "IA-2" }, // PR.AA-01 unused: not reachable
  ];
  const exclusions: ReviewedExclusion[] = [
    { crosswalk: "csf53", from: "PR.AA-05", to: ["IA-2"], reason: "accessSplit" },
    { crosswalk: "csf53", from: "PR.AA-05", to: ["AC-3"], reason: "accessSplit" }, // implied: stale
  ];
  const result = crosswalkAgreement("csf53", nist, controls, exclusions);

  it("counts precision over implied pairs and recall over reachable NIST pairs, enhancements as their base", () => {
    expect([result.agreeing, result.implied]).toEqual([1, 2]);
    expect([result.recalled, result.reachable]).toEqual([1, 3]);
  });

  it("settles pairs by the exclusions table and reports the rest, and stale rows, by name", () => {
    expect(result.excluded).toBe(1);
    expect(result.unreviewed).toEqual([{ from: "PR.AA-03", to: "AC-3" }]);
    expect(result.stale).toEqual([{ from: "PR.AA-05", to: "AC-3", why: "the library now implies it" }]);
  });

  it("compares HIPAA specifications at their standard, as NIST's HIPAA table does", () => {
    expect(crosswalkLevelId("HIPAA", "§164.308(a)(1)(ii)(A)")).toBe("§164.308(A)(1)");
    expect(crosswalkLevelId("HIPAA", "164.308(a)(1)")).toBe("§164.308(A)(1)");
    expect(crosswalkLevelId("HIPAA", "§164.308(a)(2)")).toBe("§164.308(A)(2)");
  });
});

describe("reviewed-exclusions table", () => {
  it("names existing requirements, spelled as the catalogs spell them, with a known reason", () => {
    const bad: string[] = [];
    for (const row of REVIEWED_EXCLUSIONS) {
      const { from, to } = REVIEWED_CROSSWALKS[row.crosswalk];
      if (findRequirement(from, row.from)?.id !== row.from) bad.push(`${row.crosswalk} ${row.from}`);
      for (const id of row.to) if (findRequirement(to, id)?.id !== id) bad.push(`${row.crosswalk} ${row.from} -> ${id}`);
      if (!(row.reason in EXCLUSION_REASONS)) bad.push(`${row.crosswalk} ${row.from}: reason ${row.reason}`);
      if (row.reason === "otherSubject" && (row.note?.trim().length ?? 0) < 20) bad.push(`${row.crosswalk} ${row.from}: otherSubject needs a note`);
    }
    expect(bad).toEqual([]);
  });

  it("lists each pair once", () => {
    const seen = new Set<string>();
    const repeated: string[] = [];
    for (const row of REVIEWED_EXCLUSIONS) {
      const { from, to } = REVIEWED_CROSSWALKS[row.crosswalk];
      for (const id of row.to) {
        const key = `${row.crosswalk}|${crosswalkLevelId(from, row.from)}|${crosswalkLevelId(to, id)}`;
        if (seen.has(key)) repeated.push(key);
        seen.add(key);
      }
    }
    expect(repeated).toEqual([]);
  });

  it("excludes no pair the library implies: a decision is either a mapping or an exclusion, never both", () => {
    for (const code of CODES) {
      const pairs = REVIEWED_EXCLUSIONS.filter((r) => r.crosswalk === code).flatMap((r) => r.to.map((to) => ({ from: r.from, to })));
      const implied = crosswalkAgreement(code, pairs).stale.filter((s) => s.why === "the library now implies it");
      expect(implied).toEqual([]);
    }
  });

  it("writes every reason in the project's own words, long enough to say why", () => {
    for (const text of Object.values(EXCLUSION_REASONS)) expect(text.length).toBeGreaterThan(60);
  });
});

const REFERENCE = process.env.ISMP_REFERENCE ?? join(process.cwd(), "..", "shared", "reference");
const haveReference = existsSync(join(REFERENCE, "crosswalks", CROSSWALK_FILES.csf53));
const describeWithReference = haveReference ? describe : describe.skip;

function nistPairs(file: string) {
  const records = JSON.parse(readFileSync(join(REFERENCE, "crosswalks", file), "utf8")).records as Array<{ from_id: string; to_id: string }>;
  return records.map((r) => ({ from: r.from_id, to: r.to_id }));
}

describeWithReference("against NIST's crosswalks in ../shared/reference", () => {
  it.each(CODES)("%s: every NIST pair the library could imply is implied or a reviewed exclusion, and no exclusion is stale", (code) => {
    const agreement = crosswalkAgreement(code, nistPairs(REVIEWED_CROSSWALKS[code].file));
    console.log(`${code}: precision ${agreement.agreeing}/${agreement.implied}, recall ${agreement.recalled}/${agreement.reachable}, excluded ${agreement.excluded}`);
    expect(agreement.unreviewed).toEqual([]);
    expect(agreement.stale).toEqual([]);
    expect(agreement.recalled + agreement.excluded).toBe(agreement.reachable);
  });

  it("cites a crosswalk in a mapping only for a pair that crosswalk lists", () => {
    const byFile = new Map(CODES.map((code) => {
      const { from, to, file } = REVIEWED_CROSSWALKS[code];
      return [file, { from, to, pairs: new Set(nistPairs(file).map((p) => `${crosswalkLevelId(from, p.from)}|${crosswalkLevelId(to, p.to)}`)) }];
    }));
    const wrong: string[] = [];
    for (const control of CONTROL_LIBRARY) {
      const all = Object.entries(control.mappings).flatMap(([key, ids]) => (ids ?? []).map((id) => [key, id] as const));
      for (const record of control.records) {
        const table = byFile.get(record.source);
        if (!table) continue;
        const via = /NIST relates it to (\S+?), which/.exec(record.rationale)?.[1];
        const viaKey = all.find(([key, id]) => id === via && (key === table.from || key === table.to))?.[0];
        const [x, y] = record.framework === table.from ? [record.requirementId, via] : [via, record.requirementId];
        const ok = via !== undefined && viaKey !== undefined && viaKey !== record.framework &&
          table.pairs.has(`${crosswalkLevelId(table.from, x!)}|${crosswalkLevelId(table.to, y!)}`);
        if (!ok) wrong.push(`${control.id} -> ${record.framework} ${record.requirementId} via ${via} (${record.source})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
