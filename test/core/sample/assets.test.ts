import { sampleAssets, toExcelDate } from "../../../src/core/sample";
import { ASSET_STATUSES, ASSET_TYPES, CLASSIFICATIONS } from "../../../src/core/blueprint/vocabulary";
import { PATCH_STATUSES } from "../../../src/core/blueprint/assetInventory";

const ASSET_HEADERS = [
  "Asset ID", "Name", "Type", "Owner", "Custodian", "Location", "Classification", "Confidentiality", "Integrity",
  "Availability", "Personal Data", "Health Data", "Payment Data", "RTO (hours)", "RPO (hours)", "Status", "Last Reviewed",
  "Patch Status", "Last Patched",
];
const TODAY = new Date(2026, 10, 23);

describe("sampleAssets", () => {
  const assets = sampleAssets(TODAY);

  it("has at least 22 assets with unique sequential IDs", () => {
    expect(assets.length).toBeGreaterThanOrEqual(22);
    expect(assets.map((asset) => asset["Asset ID"])).toEqual(assets.map((_, i) => `A-${String(i + 1).padStart(3, "0")}`));
  });

  it("fills exactly the Assets table columns", () => {
    for (const asset of assets) expect(Object.keys(asset).sort()).toEqual([...ASSET_HEADERS].sort());
  });

  it("uses only values the drop-downs allow", () => {
    for (const asset of assets) {
      expect(ASSET_TYPES).toContain(asset.Type);
      expect(CLASSIFICATIONS).toContain(asset.Classification);
      expect(ASSET_STATUSES).toContain(asset.Status);
      for (const column of ["Confidentiality", "Integrity", "Availability"]) expect([1, 2, 3]).toContain(asset[column]);
      for (const column of ["Personal Data", "Health Data", "Payment Data"]) expect(["Yes", "No"]).toContain(asset[column]);
      expect(PATCH_STATUSES).toContain(asset["Patch Status"]);
      expect(asset["Last Patched"] === null).toBe(asset["Patch Status"] === "Not applicable");
    }
  });

  it("patches systems and applications, some behind, and nothing that cannot be patched", () => {
    const patchable = new Set(["Application", "System", "Hardware", "Network"]);
    for (const asset of assets) expect({ id: asset["Asset ID"], tracked: asset["Patch Status"] !== "Not applicable" }).toEqual({ id: asset["Asset ID"], tracked: patchable.has(String(asset.Type)) });
    const active = assets.filter((a) => a.Status === "Active" && a["Patch Status"] !== "Not applicable");
    expect(active.filter((a) => a["Patch Status"] === "Behind").length).toBeGreaterThan(0);
    expect(active.filter((a) => a["Patch Status"] === "Current").length).toBeGreaterThan(active.length / 2);
  });

  it("covers every asset type, classification and status", () => {
    expect(new Set(assets.map((asset) => asset.Type))).toEqual(new Set(ASSET_TYPES));
    expect(new Set(assets.map((asset) => asset.Classification))).toEqual(new Set(CLASSIFICATIONS));
    expect(new Set(assets.map((asset) => asset.Status))).toEqual(new Set(ASSET_STATUSES));
  });

  it("has exactly two assets without an owner, for the dashboard to count", () => {
    expect(assets.filter((asset) => asset.Owner === "").map((asset) => asset["Asset ID"])).toHaveLength(2);
  });

  it("holds personal, health and payment data somewhere", () => {
    for (const column of ["Personal Data", "Health Data", "Payment Data"]) {
      expect(assets.some((asset) => asset[column] === "Yes")).toBe(true);
    }
  });

  it("gives every asset numeric, non-negative recovery objectives", () => {
    for (const asset of assets) {
      expect(asset["RTO (hours)"]).toEqual(expect.any(Number));
      expect(asset["RPO (hours)"]).toEqual(expect.any(Number));
      expect(asset["RPO (hours)"] as number).toBeGreaterThanOrEqual(0);
      expect(asset["RTO (hours)"] as number).toBeGreaterThan(0);
    }
  });

  it("dates reviews as whole Excel serial days on or before today", () => {
    for (const asset of assets) {
      const reviewed = asset["Last Reviewed"] as number;
      expect(Number.isInteger(reviewed)).toBe(true);
      expect(reviewed).toBeLessThanOrEqual(toExcelDate(TODAY));
    }
  });

  it("is deterministic", () => {
    expect(sampleAssets(TODAY)).toEqual(assets);
    expect(sampleAssets()).toEqual(sampleAssets());
  });
});
