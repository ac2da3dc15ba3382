import { assessableRequirements, findRequirement, getFramework, isWithdrawn, resolveFrameworkKey } from "../../../src/core/catalogs";
import { catalogExport } from "../../../src/core/catalogExport";
import { PROFILES } from "../../../src/core/blueprint/options";
import { LIBRARY_MAPPINGS } from "../../../src/core/controls";

describe("CMMC and SP 800-171 Rev. 3", () => {
  it("resolves CMMC aliases to the right level", () => {
    expect(resolveFrameworkKey("CMMC L1")).toBe("CMMCL1");
    expect(resolveFrameworkKey("CMMC Level 1")).toBe("CMMCL1");
    expect(resolveFrameworkKey("CMMC 2.0 Level 1")).toBe("CMMCL1");
    expect(resolveFrameworkKey("CMMC")).toBe("NIST800171");
    expect(resolveFrameworkKey("CMMC Level 2")).toBe("NIST800171");
    expect(resolveFrameworkKey("800-171 Rev 3")).toBe("NIST800171R3");
    expect(resolveFrameworkKey("800-171")).toBe("NIST800171");
  });

  it("ties each of the 17 CMMC Level 1 practices to its FAR 52.204-21(b)(1) clause (15 clauses, (ix) yields three)", () => {
    const practices = assessableRequirements("CMMCL1");
    expect(practices).toHaveLength(17);
    expect(practices.every((p) => /^FAR 52\.204-21\(b\)\(1\)\([xvi]+\)$/.test(p.kind ?? ""))).toBe(true);
    expect(new Set(practices.map((p) => p.kind)).size).toBe(15);
    expect(practices.filter((p) => p.kind === "FAR 52.204-21(b)(1)(ix)").map((p) => p.id)).toEqual(["PE.L1-3.10.3", "PE.L1-3.10.4", "PE.L1-3.10.5"]);
  });

  it("maps every CMMC Level 1 practice from the library as the SP 800-171 Rev. 2 requirement it equals", () => {
    for (const practice of assessableRequirements("CMMCL1")) {
      const rev2 = practice.id.replace(/^[A-Z]{2}\.L1-/, "");
      const viaRev2 = LIBRARY_MAPPINGS.filter((r) => r.framework === "NIST800171" && r.requirementId === rev2).map((r) => `${r.controlId} ${r.relationship}`);
      const direct = LIBRARY_MAPPINGS.filter((r) => r.framework === "CMMCL1" && r.requirementId === practice.id).map((r) => `${r.controlId} ${r.relationship}`);
      expect(direct.length).toBeGreaterThan(0);
      expect(direct).toEqual(viaRev2);
    }
  });

  it("has the 97 Rev. 3 requirements, knows the 33 withdrawn IDs but never assesses them", () => {
    expect(assessableRequirements("NIST800171R3")).toHaveLength(97);
    expect(getFramework("NIST800171R3").withdrawn).toHaveLength(33);
    expect(isWithdrawn("NIST800171R3", "03.01.13")).toBe(true);
    expect(findRequirement("NIST800171R3", "03.01.13")).toBeUndefined();
    expect(findRequirement("NIST800171R3", "03.01.01")?.kind).toBe("Access Control (from AC-2)");
  });

  it("gives the Defense contractor profile CMMC Level 1 and Level 2", () => {
    expect(PROFILES.defense.frameworks).toEqual(expect.arrayContaining(["CMMCL1", "NIST800171"]));
  });
});

describe("catalog export", () => {
  const catalog = catalogExport();

  it("prints each framework's version, source and counts", () => {
    for (const fw of catalog.frameworks) {
      expect(fw.version).not.toBe("");
      expect(fw.source).not.toBe("");
      expect(fw.counts.assessable).toBe(assessableRequirements(fw.key as never).length);
      expect(fw.counts.mapped).toBeGreaterThan(0);
    }
    expect(catalog.frameworks.find((fw) => fw.key === "GDPR")?.name).toBe("GDPR: security and accountability articles");
  });

  it("names the leaves behind every mapping to a parent (HIPAA standards, GLBA 314.4(c), GDPR Art. 32(1))", () => {
    let parents = 0;
    for (const control of catalog.controls) {
      for (const [key, ids] of Object.entries(control.mappings)) {
        const assessable = new Set(assessableRequirements(key as never).map((r) => r.id));
        for (const id of ids.filter((i) => !assessable.has(i))) {
          parents++;
          const parent = control.parents.find((p) => p.framework === key && p.requirementId === id);
          expect(parent?.covers.length).toBeGreaterThan(0);
          expect(parent!.covers.every((leaf) => ids.includes(leaf) && findRequirement(key as never, leaf)?.parent === id)).toBe(true);
        }
      }
    }
    expect(parents).toBeGreaterThan(100);
  });

  it("carries every mapping record with its four fields", () => {
    const records = catalog.controls.flatMap((c) => c.records);
    expect(records).toHaveLength(LIBRARY_MAPPINGS.length);
    expect(records.every((r) => r.relationship && r.strength >= 1 && r.source && r.rationale)).toBe(true);
  });
});
