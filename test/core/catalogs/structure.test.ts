import { FRAMEWORK_KEYS, type FrameworkKey } from "../../../src/core/frameworkKeys";
import { allFrameworks, assessableRequirements, childrenOf, findRequirement, getFramework, type Requirement } from "../../../src/core/catalogs";

const ids = (requirements: Requirement[]) => requirements.map((requirement) => requirement.id);
const childIds = (key: FrameworkKey, id: string) => ids(childrenOf(key, id));

describe.each(allFrameworks().map((framework) => [framework.key, framework] as const))("%s catalog", (key, framework) => {
  it("is registered under its own key", () => {
    expect(getFramework(key)).toBe(framework);
  });

  it("has unique IDs", () => {
    const all = ids(framework.requirements);
    expect(new Set(all).size).toBe(all.length);
  });

  it("lists every parent before its children", () => {
    const seen = new Set<string>();
    for (const requirement of framework.requirements) {
      if (requirement.parent !== null) expect({ id: requirement.id, parentSeen: seen.has(requirement.parent) }).toEqual({ id: requirement.id, parentSeen: true });
      seen.add(requirement.id);
    }
  });

  it("has short labels of 2-7 words written for this project", () => {
    for (const { id, title } of framework.requirements) {
      expect({ id, tooLong: title.length > 60 }).toEqual({ id, tooLong: false });
      if (assessableRequirements(key).some((leaf) => leaf.id === id)) {
        const words = title.split(/\s+/).length;
        expect({ id, words: words >= 2 && words <= 7 }).toEqual({ id, words: true });
      }
    }
  });

  it("describes itself for column headers and citations", () => {
    for (const field of [framework.name, framework.shortName, framework.version, framework.source]) expect(field.trim()).not.toBe("");
  });
});

it("lists frameworks in the canonical key order", () => {
  expect(allFrameworks().map((framework) => framework.key)).toEqual([...FRAMEWORK_KEYS]);
});

describe("requirement counts match the published frameworks", () => {
  it.each<[FrameworkKey, number, number]>([
    ["ISO27001", 123 + 15, 123],
    ["NISTCSF", 6 + 22 + 106, 106],
    ["SOC2", 61 + 20, 61],
    ["HIPAA", 5 + 22 + 46, 46 + 7],
    ["NIST80053", 300 + 201 + 20, 300 + 201],
    ["NIST800171", 110 + 14, 110],
    ["NIST800171R3", 97, 97],
    ["CMMCL1", 17, 17],
    ["GLBA", 18, 17],
    ["GDPR", 17, 15],
  ])("%s: %i rows, %i assessable", (key, rows, assessable) => {
    expect(getFramework(key).requirements).toHaveLength(rows);
    expect(assessableRequirements(key)).toHaveLength(assessable);
  });
});

describe("ISO/IEC 27001:2022", () => {
  it("has Annex A themes of 37, 8, 14 and 34 controls", () => {
    expect(["A.5", "A.6", "A.7", "A.8"].map((theme) => childrenOf("ISO27001", theme).length)).toEqual([37, 8, 14, 34]);
    expect(childIds("ISO27001", "A.8").at(-1)).toBe("A.8.34");
  });

  it("has clause items 4.1 to 10.2 under clause and sub-clause rows", () => {
    const clauseItems = assessableRequirements("ISO27001").filter((requirement) => !requirement.id.startsWith("A."));
    expect(clauseItems).toHaveLength(30);
    expect(childIds("ISO27001", "6.1")).toEqual(["6.1.1", "6.1.2", "6.1.3"]);
    expect(childIds("ISO27001", "9")).toEqual(["9.1", "9.2", "9.3"]);
    expect(childIds("ISO27001", "10")).toEqual(["10.1", "10.2"]);
  });
});

describe("NIST CSF 2.0", () => {
  it("has 6 functions and 22 categories", () => {
    const roots = getFramework("NISTCSF").requirements.filter((requirement) => requirement.parent === null);
    expect(ids(roots)).toEqual(["GV", "ID", "PR", "DE", "RS", "RC"]);
    expect(roots.flatMap((root) => childrenOf("NISTCSF", root.id))).toHaveLength(22);
  });

  it("keeps the gaps left by withdrawn 1.1 subcategories", () => {
    expect(childIds("NISTCSF", "PR.DS")).toEqual(["PR.DS-01", "PR.DS-02", "PR.DS-10", "PR.DS-11"]);
  });
});

describe("SOC 2", () => {
  it("tags every criterion with its trust services category", () => {
    const perCategory = new Map<string, number>();
    for (const criterion of assessableRequirements("SOC2")) perCategory.set(criterion.category!, (perCategory.get(criterion.category!) ?? 0) + 1);
    expect(Object.fromEntries(perCategory)).toEqual({ Security: 33, Availability: 3, Confidentiality: 2, "Processing Integrity": 5, Privacy: 18 });
  });

  it("groups criteria under CC1..CC9, A1, C1, PI1 and P1..P8", () => {
    const groups = getFramework("SOC2").requirements.filter((requirement) => requirement.parent === null);
    expect(ids(groups)).toEqual(["CC1", "CC2", "CC3", "CC4", "CC5", "CC6", "CC7", "CC8", "CC9", "A1", "C1", "PI1", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"]);
    expect(childIds("SOC2", "P6")).toHaveLength(7);
  });
});

describe("HIPAA Security Rule", () => {
  const specifications = () => getFramework("HIPAA").requirements.filter((requirement) => requirement.required !== undefined);

  it("marks 24 implementation specifications Required and 22 Addressable", () => {
    expect(specifications()).toHaveLength(46);
    expect(specifications().filter((spec) => spec.required)).toHaveLength(24);
  });

  it("keeps the Required/Addressable status of well-known specifications", () => {
    const status = (id: string) => getFramework("HIPAA").requirements.find((requirement) => requirement.id === id)?.required;
    expect(status("§164.308(a)(1)(ii)(A)")).toBe(true);
    expect(status("§164.312(a)(2)(iv)")).toBe(false);
  });

  it("assesses standards that have no implementation specifications", () => {
    expect(ids(assessableRequirements("HIPAA"))).toEqual(expect.arrayContaining(["§164.308(a)(2)", "§164.312(b)", "§164.316(a)"]));
    expect(ids(assessableRequirements("HIPAA"))).not.toContain("§164.308(a)(1)");
  });
});

describe("NIST SP 800-53 Rev. 5", () => {
  it("has 20 families and the baseline sizes of SP 800-53B 5.1.1, base controls and with their enhancements", () => {
    const controls = assessableRequirements("NIST80053");
    const count = (list: typeof controls, baseline: "low" | "moderate" | "high" | "privacy") => list.filter((control) => control.baselines?.[baseline]).length;
    const counts = (list: typeof controls) => ({ low: count(list, "low"), moderate: count(list, "moderate"), high: count(list, "high"), privacy: count(list, "privacy") });
    expect(getFramework("NIST80053").requirements.filter((requirement) => requirement.parent === null)).toHaveLength(20);
    expect(counts(controls.filter((c) => !c.id.includes("(")))).toEqual({ low: 131, moderate: 177, high: 188, privacy: 75 });
    expect(counts(controls)).toEqual({ low: 149, moderate: 287, high: 370, privacy: 96 });
  });

  it("keeps a base control assessable next to its enhancements, which sit under the family", () => {
    const ac2 = assessableRequirements("NIST80053").filter((r) => r.id === "AC-2" || r.id.startsWith("AC-2("));
    expect(ac2.map((r) => r.id)).toEqual(["AC-2", "AC-2(1)", "AC-2(2)", "AC-2(3)", "AC-2(4)", "AC-2(5)", "AC-2(11)", "AC-2(12)", "AC-2(13)"]);
    expect(ac2.every((r) => r.parent === "AC")).toBe(true);
    expect(findRequirement("NIST80053", "ac-02(01)")?.id).toBe("AC-2(1)");
  });

  it("leaves out withdrawn controls", () => {
    expect(ids(childrenOf("NIST80053", "AC"))).not.toContain("AC-13");
    expect(ids(childrenOf("NIST80053", "SC"))).not.toContain("SC-9");
  });
});

describe("NIST SP 800-171 Rev. 2", () => {
  it("has 110 requirements in families 3.1 to 3.14 of the published sizes", () => {
    const sizes = Array.from({ length: 14 }, (_, index) => childrenOf("NIST800171", `3.${index + 1}`).length);
    expect(sizes).toEqual([22, 3, 9, 9, 11, 3, 6, 9, 2, 6, 3, 4, 16, 7]);
  });
});

describe("GLBA and GDPR", () => {
  it("GLBA has (a)-(j) with (c)(1)-(8) under (c)", () => {
    expect(childIds("GLBA", "314.4(c)")).toEqual(Array.from({ length: 8 }, (_, index) => `314.4(c)(${index + 1})`));
    expect(ids(assessableRequirements("GLBA"))).not.toContain("314.4(c)");
  });

  it("GDPR has Article 32 paragraphs plus the security-relevant articles", () => {
    expect(childIds("GDPR", "Art.32(1)")).toEqual(["Art.32(1)(a)", "Art.32(1)(b)", "Art.32(1)(c)", "Art.32(1)(d)"]);
    expect(ids(assessableRequirements("GDPR"))).toEqual(expect.arrayContaining(["Art.5(1)(f)", "Art.24", "Art.25", "Art.28", "Art.30", "Art.33", "Art.34", "Art.35", "Art.32(4)"]));
  });
});
