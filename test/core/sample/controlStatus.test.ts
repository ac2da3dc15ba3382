import { CONTROL_EFFECTIVENESS, CONTROL_STATUSES, sampleControlStatus, toExcelDate } from "../../../src/core/sample";

const TODAY = new Date(2026, 10, 23);
const TODAY_SERIAL = toExcelDate(TODAY);
const CONTROL_COUNT = 100;
const statuses = Array.from({ length: CONTROL_COUNT }, (_, index) => sampleControlStatus(`CTL-${index + 1}`, index, TODAY));

const countWhere = (predicate: (status: (typeof statuses)[number]) => boolean): number => statuses.filter(predicate).length;

describe("sampleControlStatus", () => {
  it("follows the intended mix of implementation statuses", () => {
    const share = (status: string): number => countWhere((entry) => entry.Status === status) / CONTROL_COUNT;
    expect(share("Implemented")).toBe(0.55);
    expect(share("Partially implemented")).toBe(0.2);
    expect(share("In progress")).toBe(0.1);
    expect(share("Planned")).toBe(0.05);
    expect(share("Not started")).toBe(0.05);
    expect(share("Not applicable")).toBe(0.05);
  });

  it("uses only allowed statuses and effectiveness values, and maturity 0 to 5", () => {
    for (const entry of statuses) {
      expect(CONTROL_STATUSES).toContain(entry.Status);
      expect(CONTROL_EFFECTIVENESS).toContain(entry.Effectiveness);
      expect(Number.isInteger(entry.Maturity)).toBe(true);
      expect(entry.Maturity).toBeGreaterThanOrEqual(0);
      expect(entry.Maturity).toBeLessThanOrEqual(5);
    }
  });

  it("marks a few implemented controls ineffective, all of them tested", () => {
    const ineffective = statuses.filter((entry) => entry.Effectiveness === "Ineffective");
    expect(ineffective).toHaveLength(3);
    for (const entry of ineffective) {
      expect(entry.Status).toBe("Implemented");
      expect(entry["Last Tested"]).toEqual(expect.any(Number));
    }
  });

  it("leaves exactly two implemented controls with neither evidence nor a test date, among the first 30", () => {
    const unevidenced = statuses
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.Status === "Implemented" && entry.Evidence === "" && entry["Last Tested"] === null);
    expect(unevidenced).toHaveLength(2);
    for (const { index } of unevidenced) expect(index).toBeLessThan(30);
  });

  it("has a test date exactly when effectiveness was tested, as a whole serial day within the last year", () => {
    for (const entry of statuses) {
      expect(entry["Last Tested"] === null).toBe(entry.Effectiveness === "Not tested");
      if (entry["Last Tested"] !== null) {
        expect(Number.isInteger(entry["Last Tested"])).toBe(true);
        expect(entry["Last Tested"]).toBeLessThanOrEqual(TODAY_SERIAL);
        expect(entry["Last Tested"]).toBeGreaterThan(TODAY_SERIAL - 365);
      }
    }
  });

  it("cites evidence for every tested control and varies owners and evidence", () => {
    for (const entry of statuses.filter((candidate) => candidate["Last Tested"] !== null)) expect(entry.Evidence).not.toBe("");
    expect(new Set(statuses.map((entry) => entry.Owner)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(statuses.map((entry) => entry.Evidence)).size).toBeGreaterThanOrEqual(20);
  });

  it("ranks maturity with implementation progress", () => {
    const averageMaturity = (status: string): number => {
      const matching = statuses.filter((entry) => entry.Status === status);
      return matching.reduce((sum, entry) => sum + entry.Maturity, 0) / matching.length;
    };
    expect(averageMaturity("Implemented")).toBeGreaterThan(averageMaturity("Partially implemented"));
    expect(averageMaturity("Partially implemented")).toBeGreaterThan(averageMaturity("Planned"));
    expect(averageMaturity("Planned")).toBeGreaterThan(averageMaturity("Not started"));
  });

  it("is deterministic for the same control and index", () => {
    expect(sampleControlStatus("CTL-7", 6, TODAY)).toEqual(statuses[6]);
    expect(sampleControlStatus("CTL-1", 0)).toEqual(sampleControlStatus("CTL-1", 0));
  });
});
