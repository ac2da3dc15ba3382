import { assessableRequirements } from "../../../src/core/catalogs";
import { CONTROL_LIBRARY } from "../../../src/core/controls";
import { parentStandardOf } from "../../../src/core/controls/library";
import { FRAMEWORK_KEYS, type FrameworkKey } from "../../../src/core/frameworkKeys";

function mappedIds(key: FrameworkKey): Set<string> {
  return new Set(CONTROL_LIBRARY.flatMap((c) => c.mappings[key] ?? []));
}

/** The requirements the library must cover: every assessable one, except SP 800-53 where the Moderate baseline is the bar. */
function requiredIds(key: FrameworkKey): string[] {
  const requirements = assessableRequirements(key);
  const inScope = key === "NIST80053" ? requirements.filter((r) => r.baselines?.moderate) : requirements;
  return inScope.map((r) => r.id);
}

describe("control library against the framework catalogs", () => {
  it.each(FRAMEWORK_KEYS)(
    "%s: every mapped ID is an assessable requirement or the parent standard of a specification the same control maps",
    (key) => {
      const assessable = new Set(assessableRequirements(key).map((r) => r.id));
      const strays = CONTROL_LIBRARY.flatMap((control) => {
        const ids = control.mappings[key] ?? [];
        const parentsOfMapped = new Set(ids.map((id) => parentStandardOf(key, id)));
        return ids.filter((id) => !assessable.has(id) && !parentsOfMapped.has(id)).map((id) => `${control.id} -> ${id}`);
      });
      expect(strays).toEqual([]);
    },
  );

  it("adds exactly the HIPAA standards, GLBA 314.4(c) and GDPR Art.32(1) as parents, never a section or article", () => {
    const parents = (key: FrameworkKey) => {
      const assessable = new Set(assessableRequirements(key).map((r) => r.id));
      return [...mappedIds(key)].filter((id) => !assessable.has(id)).sort();
    };
    expect(parents("GLBA")).toEqual(["314.4(c)"]);
    expect(parents("GDPR")).toEqual(["Art.32(1)"]);
    expect(parents("HIPAA")).toEqual(
      [
        "§164.308(a)(1)", "§164.308(a)(3)", "§164.308(a)(4)", "§164.308(a)(5)", "§164.308(a)(6)", "§164.308(a)(7)", "§164.308(b)(1)",
        "§164.310(a)", "§164.310(d)", "§164.312(a)", "§164.312(c)", "§164.312(e)(1)", "§164.314(a)", "§164.314(b)", "§164.316(b)",
      ].sort(),
    );
    for (const key of FRAMEWORK_KEYS.filter((k) => !["HIPAA", "GLBA", "GDPR"].includes(k))) expect(parents(key)).toEqual([]);
  });

  it.each(FRAMEWORK_KEYS)("%s: every required requirement is addressed by at least one control", (key) => {
    const required = requiredIds(key);
    expect(required.length).toBeGreaterThan(0);
    const mapped = mappedIds(key);
    expect(required.filter((id) => !mapped.has(id))).toEqual([]);
  });
});
