import { FRAMEWORK_KEYS, type FrameworkKey } from "../../../src/core/frameworkKeys";
import { FRAMEWORK_ALIASES } from "../../../src/core/catalogs/aliases";
import { childrenOf, findRequirement, getFramework, normalizeRequirementId, resolveFrameworkKey } from "../../../src/core/catalogs";

describe("resolveFrameworkKey", () => {
  it.each<[string, FrameworkKey]>([
    ["ISO 27001", "ISO27001"],
    ["ISO/IEC 27001:2022", "ISO27001"],
    ["27001", "ISO27001"],
    ["iso27001", "ISO27001"],
    ["NIST CSF", "NISTCSF"],
    ["CSF", "NISTCSF"],
    ["csf 2.0", "NISTCSF"],
    ["SOC 2", "SOC2"],
    ["TSC", "SOC2"],
    ["HIPAA Security Rule", "HIPAA"],
    ["800-53", "NIST80053"],
    ["NIST SP 800-53", "NIST80053"],
    ["nist-800-53", "NIST80053"],
    ["800-171", "NIST800171"],
    ["CMMC", "NIST800171"],
    ["CMMC L2", "NIST800171"],
    ["CMMC 2.0", "NIST800171"],
    ["GLBA", "GLBA"],
    ["Safeguards Rule", "GLBA"],
    ["GDPR", "GDPR"],
    ["  gdpr ", "GDPR"],
  ])("%s -> %s", (input, key) => {
    expect(resolveFrameworkKey(input)).toBe(key);
  });

  it("resolves every key, name, short name and listed alias to its own framework", () => {
    for (const key of FRAMEWORK_KEYS) {
      const { name, shortName } = getFramework(key);
      for (const alias of [key, name, shortName, ...FRAMEWORK_ALIASES[key]]) expect({ alias, key: resolveFrameworkKey(alias) }).toEqual({ alias, key });
    }
  });

  it("returns undefined for unknown frameworks", () => {
    expect(resolveFrameworkKey("PCI DSS")).toBeUndefined();
    expect(resolveFrameworkKey("")).toBeUndefined();
  });
});

describe("findRequirement", () => {
  it("tolerates case, whitespace and the section sign", () => {
    expect(findRequirement("ISO27001", " a.5.1 ")?.id).toBe("A.5.1");
    expect(findRequirement("HIPAA", "164.308(a)(1)(ii)(a)")?.id).toBe("§164.308(a)(1)(ii)(A)");
    expect(findRequirement("HIPAA", "§ 164.312(b)")?.id).toBe("§164.312(b)");
    expect(findRequirement("NISTCSF", "gv.oc-01")?.id).toBe("GV.OC-01");
  });

  it("accepts common alternative spellings", () => {
    expect(findRequirement("NIST80053", "AC-02")?.id).toBe("AC-2");
    expect(findRequirement("NIST800171", "AC.L2-3.1.1")?.id).toBe("3.1.1");
    expect(findRequirement("GDPR", "Article 32(1)(a)")?.id).toBe("Art.32(1)(a)");
    expect(findRequirement("GDPR", "Art. 33")?.id).toBe("Art.33");
    expect(findRequirement("ISO27001", "Annex A 8.1")?.id).toBe("A.8.1");
    expect(findRequirement("ISO27001", "Clause 8.1")?.id).toBe("8.1");
    expect(findRequirement("ISO27001", "Annex A A.8.15")?.id).toBe("A.8.15");
  });

  it("returns undefined for IDs the catalog does not have", () => {
    expect(findRequirement("ISO27001", "A.5.38")).toBeUndefined();
    expect(findRequirement("NIST80053", "AC-13")).toBeUndefined();
    expect(findRequirement("NISTCSF", "ID.AM-06")).toBeUndefined();
  });

  it("does not confuse IDs that differ only in a trailing digit", () => {
    expect(findRequirement("NIST800171", "3.1.1")?.id).toBe("3.1.1");
    expect(findRequirement("NIST800171", "3.1.10")?.id).toBe("3.1.10");
    expect(findRequirement("NIST80053", "SC-1")?.title).not.toBe(findRequirement("NIST80053", "SC-10")?.title);
  });
});

describe("normalizeRequirementId", () => {
  it.each<[FrameworkKey, string, string]>([
    ["ISO27001", "a.5.1", "A.5.1"],
    ["HIPAA", "164.308(a)(1)(ii)(a)", "§164.308(a)(1)(ii)(A)"],
    ["SOC2", "cc6.1", "CC6.1"],
    ["NIST80053", "ac-2", "AC-2"],
    ["GLBA", "314.4(C)(5)", "314.4(c)(5)"],
    ["GDPR", "art.32(1)(B)", "Art.32(1)(b)"],
  ])("%s %s -> %s", (key, input, canonical) => {
    expect(normalizeRequirementId(key, input)).toBe(canonical);
  });

  it("returns unknown IDs trimmed but otherwise as typed", () => {
    expect(normalizeRequirementId("SOC2", " CC10.1 ")).toBe("CC10.1");
  });
});

describe("childrenOf", () => {
  it("finds children whatever the spelling of the parent", () => {
    expect(childrenOf("HIPAA", "164.312(e)(1)").map((child) => child.id)).toEqual(["§164.312(e)(2)(i)", "§164.312(e)(2)(ii)"]);
    expect(childrenOf("NIST80053", "pt")).toHaveLength(13);
  });

  it("is empty for leaves and unknown IDs", () => {
    expect(childrenOf("ISO27001", "A.5.1")).toEqual([]);
    expect(childrenOf("ISO27001", "Z")).toEqual([]);
  });
});
