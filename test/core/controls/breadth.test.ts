import { assessableRequirements, findRequirement } from "../../../src/core/catalogs";
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
  it.each(FRAMEWORK_KEYS)("%s: every mapped ID exists in the catalog", (key) => {
    const dangling = [...mappedIds(key)].filter((id) => findRequirement(key, id) === undefined);
    expect(dangling).toEqual([]);
  });

  it.each(FRAMEWORK_KEYS)("%s: every required requirement is addressed by at least one control", (key) => {
    const required = requiredIds(key);
    expect(required.length).toBeGreaterThan(0);
    const mapped = mappedIds(key);
    expect(required.filter((id) => !mapped.has(id))).toEqual([]);
  });
});
