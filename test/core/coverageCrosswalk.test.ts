import { buildCrosswalkIndex } from "../../src/core/coverage/crosswalk";
import type { FrameworkKey } from "../../src/core/frameworkKeys";
import { toyFramework } from "./coverageFixture";

describe("buildCrosswalkIndex (toy catalogs)", () => {
  const views = new Map(["ISO27001", "NISTCSF"].map((key) => [key, toyFramework(key)]));
  const viewOf = (key: FrameworkKey) => views.get(key) ?? toyFramework(key);
  const index = buildCrosswalkIndex(
    [
      { mappings: { ISO27001: ["A.1"], NISTCSF: ["B.2", "A.1"] } },
      { mappings: { ISO27001: ["a.1", "A.2"], NISTCSF: ["B.2", "A.3"] } },
      { mappings: { ISO27001: ["A.2"] } },
    ],
    viewOf,
  );

  it("collects the other framework's IDs of every control mapping the requirement, once each, in catalog order", () => {
    expect(index.related("ISO27001", "A.1", "NISTCSF")).toEqual(["A.1", "A.3", "B.2"]);
  });

  it("matches the requirement ID tolerantly", () => {
    expect(index.related("ISO27001", " a.2 ", "NISTCSF")).toEqual(["A.3", "B.2"]);
  });

  it("gives nothing when no control maps the requirement", () => {
    expect(index.related("ISO27001", "B.1", "NISTCSF")).toEqual([]);
  });

  it("is symmetric: if X relates to Y then Y relates back to X", () => {
    for (const from of ["A.1", "A.2"]) {
      for (const to of index.related("ISO27001", from, "NISTCSF")) {
        expect(index.related("NISTCSF", to, "ISO27001")).toContain(from);
      }
    }
  });
});
