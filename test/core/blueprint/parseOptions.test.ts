import { parseBuildOptions } from "../../../src/core/blueprint/parseOptions";

describe("parseBuildOptions", () => {
  it("takes the profile's frameworks unless frameworks are given, resolving aliases", () => {
    expect(parseBuildOptions({ profile: "saas" })).toMatchObject({ ok: true, options: { frameworks: ["SOC2", "ISO27001"] } });
    expect(parseBuildOptions({ profile: "defense", frameworks: "CMMC; ISO 27001, soc 2" })).toMatchObject({
      ok: true,
      options: { profile: "defense", frameworks: ["NIST800171", "ISO27001", "SOC2"] },
    });
  });

  it("reads matrix sizes, methods and yes/no sample flags", () => {
    expect(parseBuildOptions({ matrix: "4x4", method: "lookup", sample: "yes" })).toMatchObject({
      ok: true,
      options: { matrixSize: 4, method: "matrix", sample: true },
    });
  });

  it("names every bad field and what is allowed", () => {
    const parsed = parseBuildOptions({ profile: "bank", frameworks: "ISO 27001, PCI", matrix: "7", method: "sum", sample: "maybe", soc2: "privacy, ops" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field)).toEqual(["profile", "frameworks", "matrix", "method", "sample", "soc2"]);
    expect(parsed.errors[2].message).toBe('matrix "7" must be one of 3, 4, 5, 6');
    expect(parsed.errors[1].message).toMatch(/framework "PCI" is not known; use ISO27001, NISTCSF/);
  });

  it("keeps Security in the SOC 2 scope and adds the chosen categories", () => {
    expect(parseBuildOptions({ soc2: "availability, PI" })).toMatchObject({
      ok: true,
      options: { soc2Categories: ["Security", "Availability", "Processing Integrity"] },
    });
  });
});
