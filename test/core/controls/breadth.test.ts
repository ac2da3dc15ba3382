import { assessableRequirements } from "../../../src/core/catalogs";
import { CONTROL_LIBRARY } from "../../../src/core/controls";
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
  it.each(FRAMEWORK_KEYS)("%s: every mapped ID is an assessable requirement: a parent never stands in for its leaves", (key) => {
    const assessable = new Set(assessableRequirements(key).map((r) => r.id));
    const strays = CONTROL_LIBRARY.flatMap((control) =>
      (control.mappings[key] ?? []).filter((id) => !assessable.has(id)).map((id) => `${control.id} -> ${id}`),
    );
    expect(strays).toEqual([]);
  });

  it.each(FRAMEWORK_KEYS)("%s: every required requirement is addressed by at least one control", (key) => {
    const required = requiredIds(key);
    expect(required.length).toBeGreaterThan(0);
    const mapped = mappedIds(key);
    expect(required.filter((id) => !mapped.has(id))).toEqual([]);
  });
});
