import { CONTROL_LIBRARY, ISMP_ELEMENTS, type IsmpElement } from "../../../src/core/controls";
import { CONTROL_LIBRARY as LIBRARY, LIBRARY_MAPPINGS } from "../../../src/core/controls/library";
import { CROSSWALK_FILES, parseMappingEntry, PROJECT_JUDGEMENT } from "../../../src/core/controls/mappingRecords";
import { RELATIONSHIPS } from "../../../src/core/controls/types";
import { findRequirement } from "../../../src/core/catalogs";
import { FRAMEWORK_KEYS, type FrameworkKey } from "../../../src/core/frameworkKeys";

const CORE_ELEMENTS: readonly IsmpElement[] = [
  "Governance", "Risk management", "Policies", "Asset management",
  "Access control", "Incident response", "Vendor management", "Training & awareness",
];
const CORE_FRAMEWORKS: readonly FrameworkKey[] = ["SOC2", "ISO27001", "NISTCSF", "HIPAA"];

/** What an assessable (leaf) requirement ID looks like in each framework; grouping rows do not match. */
const LEAF_ID_PATTERN: Record<FrameworkKey, RegExp> = {
  ISO27001: /^(A\.[5-8]\.\d+|(4|5|7|8|10)\.\d|6\.(1\.\d|2|3)|7\.5\.\d|9\.1|9\.[23]\.\d)$/,
  NISTCSF: /^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/,
  SOC2: /^(CC\d|A1|C1|PI1|P\d)\.\d$/,
  HIPAA: /^§164\.3(08|10|12|14|16)(\([a-zA-Z0-9]+\))+$/,
  NIST80053: /^[A-Z]{2}-\d{1,2}(\(\d{1,2}\))?$/,
  NIST800171: /^3\.\d{1,2}\.\d{1,2}$/,
  NIST800171R3: /^03\.\d{2}\.\d{2}$/,
  CMMCL1: /^[A-Z]{2}\.L1-3\.\d{1,2}\.\d{1,2}$/,
  GLBA: /^314\.4(\([abd-j]\)|\(c\)\([1-8]\))$/,
  GDPR: /^Art\.(5\(1\)\(f\)|24|25|28|30|32\(1\)\([a-d]\)|32\([2-4]\)|33|34|35)$/,
};

const mappedFrameworks = (control: (typeof CONTROL_LIBRARY)[number]) =>
  FRAMEWORK_KEYS.filter((key) => (control.mappings[key]?.length ?? 0) > 0);

describe("baseline control library", () => {
  it("offers at least a hundred controls with unique IDs", () => {
    expect(CONTROL_LIBRARY.length).toBeGreaterThanOrEqual(100);
    const ids = CONTROL_LIBRARY.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every ISMP element at least three controls and uses no other element", () => {
    const sparse = ISMP_ELEMENTS.filter((element) => CONTROL_LIBRARY.filter((c) => c.element === element).length < 3);
    expect(sparse).toEqual([]);
    const unknown = CONTROL_LIBRARY.filter((c) => !ISMP_ELEMENTS.includes(c.element));
    expect(unknown).toEqual([]);
  });

  it("describes every control and names it", () => {
    const undescribed = CONTROL_LIBRARY.filter((c) => c.name.trim() === "" || c.description.trim().length < 30);
    expect(undescribed.map((c) => c.id)).toEqual([]);
  });

  it("maps every control to at least two frameworks", () => {
    const thin = CONTROL_LIBRARY.filter((c) => mappedFrameworks(c).length < 2);
    expect(thin.map((c) => c.id)).toEqual([]);
  });

  it("maps every control of the eight core elements to SOC 2, ISO 27001, NIST CSF and HIPAA at once", () => {
    const incomplete = CONTROL_LIBRARY
      .filter((c) => CORE_ELEMENTS.includes(c.element))
      .filter((c) => CORE_FRAMEWORKS.some((key) => !c.mappings[key]?.length))
      .map((c) => c.id);
    expect(incomplete).toEqual([]);
  });

  it("is written with leaf requirement IDs only, never grouping rows, and lists each ID once", () => {
    const bad: string[] = [];
    for (const control of LIBRARY) {
      for (const key of FRAMEWORK_KEYS) {
        const ids = control.mappings[key] ?? [];
        if (new Set(ids).size !== ids.length) bad.push(`${control.id} repeats a ${key} ID`);
        for (const id of ids) if (!LEAF_ID_PATTERN[key].test(id)) bad.push(`${control.id} -> ${key} ${id}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("rejects grouping rows such as A.5, GV.OC, CC1, 3.1 and §164.308 as leaf IDs", () => {
    const groupingRows: [FrameworkKey, string][] = [
      ["ISO27001", "A.5"], ["NISTCSF", "GV.OC"], ["SOC2", "CC1"], ["NIST800171", "3.1"], ["HIPAA", "§164.308"], ["NIST80053", "AC"],
      ["GLBA", "314.4(c)"], ["GDPR", "Art.32(1)"],
    ];
    for (const [key, id] of groupingRows) expect(LEAF_ID_PATTERN[key].test(id)).toBe(false);
  });
});

describe("mapping records", () => {
  const sources = new Set<string>([...Object.values(CROSSWALK_FILES), PROJECT_JUDGEMENT]);

  it("gives every (control, requirement) mapping a relationship, a strength 1-10, a source and a rationale", () => {
    const pairs = CONTROL_LIBRARY.reduce((n, c) => n + FRAMEWORK_KEYS.reduce((m, key) => m + (c.mappings[key]?.length ?? 0), 0), 0);
    const complete = LIBRARY_MAPPINGS.filter(
      (r) =>
        (RELATIONSHIPS as readonly string[]).includes(r.relationship) &&
        Number.isInteger(r.strength) && r.strength >= 1 && r.strength <= 10 &&
        sources.has(r.source) &&
        r.rationale.trim().length >= 40,
    );
    expect(pairs).toBeGreaterThan(1000);
    expect(LIBRARY_MAPPINGS.length).toBe(pairs);
    expect(complete.length).toBe(pairs);
  });

  it("writes a rationale that names the control's topic and the requirement, different for each of a control's mappings", () => {
    const bad = LIBRARY_MAPPINGS.filter((r) => !r.rationale.includes(r.requirementId)).map((r) => `${r.controlId} -> ${r.requirementId}`);
    expect(bad).toEqual([]);
    for (const control of CONTROL_LIBRARY) expect(new Set(control.records.map((r) => r.rationale)).size).toBe(control.records.length);
  });

  it("marks only subset mappings as jointly sufficient, and never a lone one", () => {
    const joint = LIBRARY_MAPPINGS.filter((r) => r.jointlySufficient);
    expect(joint.filter((r) => r.relationship !== "Subset of")).toEqual([]);
    const members = new Map<string, number>();
    for (const r of joint) members.set(`${r.framework}|${r.requirementId}`, (members.get(`${r.framework}|${r.requirementId}`) ?? 0) + 1);
    expect([...members].filter(([, n]) => n < 2)).toEqual([]);
  });

  it("lets every requirement the library maps be met in full by some control or set", () => {
    const full = new Set(
      LIBRARY_MAPPINGS.filter((r) => r.relationship === "Equal" || r.relationship === "Superset of" || r.jointlySufficient).map((r) => `${r.framework}|${r.requirementId}`),
    );
    const mapped = new Set(LIBRARY_MAPPINGS.map((r) => `${r.framework}|${r.requirementId}`));
    expect([...mapped].filter((k) => !full.has(k))).toEqual([]);
  });

  it("cites a crosswalk only through a requirement the same control also meets", () => {
    const bad: string[] = [];
    for (const control of CONTROL_LIBRARY) {
      const all = new Set(Object.values(control.mappings).flat());
      for (const record of control.records) {
        const via = /NIST relates it to (\S+?), which/.exec(record.rationale)?.[1];
        if (record.source !== PROJECT_JUDGEMENT && (!via || !all.has(via))) bad.push(`${control.id} -> ${record.requirementId}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("rejects a malformed entry with the control, framework and entry named", () => {
    expect(() => parseMappingEntry("IAM-04", "ISO27001", "A.8.5 ?8")).toThrow(/IAM-04, ISO27001 mapping "A.8.5 \?8"/);
    expect(() => parseMappingEntry("IAM-04", "ISO27001", "A.8.5 =+8")).toThrow(/only a subset/);
    expect(() => parseMappingEntry("IAM-04", "ISO27001", "A.8.5 <8 @nope:IA-2")).toThrow(/unknown crosswalk/);
    expect(parseMappingEntry("IAM-04", "ISO27001", "A.8.5 <+8 @53iso:IA-2 | Own words.")).toEqual({
      requirementId: "A.8.5", relationship: "Subset of", strength: 8, jointlySufficient: true, crosswalk: "53iso", via: "IA-2", rationale: "Own words.",
    });
  });

  it("keeps the library's ID lists and its records in step", () => {
    for (const control of LIBRARY) {
      for (const key of FRAMEWORK_KEYS) {
        expect(control.records.filter((r) => r.framework === key).map((r) => r.requirementId)).toEqual(control.mappings[key] ?? []);
      }
    }
    expect(LIBRARY_MAPPINGS.every((r) => findRequirement(r.framework, r.requirementId)?.id === r.requirementId)).toBe(true);
  });
});
