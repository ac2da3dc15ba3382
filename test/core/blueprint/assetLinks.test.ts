import { ASSET } from "../../../src/core/blueprint/assetInventory";
import { ASSET_LINK_SLOTS, linkedAssetKeys, uncountedAssetIds } from "../../../src/core/blueprint/assetLinks";
import { RISK } from "../../../src/core/blueprint/riskRegister";
import { checkRisks } from "../../../src/core/check/checkRisks";
import { defaultScales } from "../../../src/core/scales";
import { tableOf } from "../check/tables";

describe("risk → asset links", () => {
  it("reads Asset IDs as the helper formulas do: spaces dropped, commas and line breaks separate, case ignored, repeats once", () => {
    expect(linkedAssetKeys("A-01; a-03")).toEqual(["A-01", "A-03"]);
    expect(linkedAssetKeys("A-01,A-02\nA-01")).toEqual(["A-01", "A-02"]);
    expect(linkedAssetKeys(" A 01 ;; ")).toEqual(["A01"]);
    expect(linkedAssetKeys("")).toEqual([]);
  });

  it(`counts the first ${ASSET_LINK_SLOTS} positions and names the IDs beyond them`, () => {
    expect(linkedAssetKeys("A-1; A-2; A-3; A-4; A-5")).toEqual(["A-1", "A-2", "A-3"]);
    expect(uncountedAssetIds("A-1; A-2; A-3; A-4; A-5")).toEqual(["A-4", "A-5"]);
    expect(uncountedAssetIds("A-1; A-2")).toEqual([]);
  });

  it("Check warns about a risk whose assets are not all counted toward Open High Risks", () => {
    const ids = ["A-1", "A-2", "A-3", "A-4"];
    const risks = tableOf("Risks", "Risk Register", [{ [RISK.id]: "R-001", [RISK.title]: "Shared platform outage", [RISK.assetIds]: ids.join("; ") }], Object.values(RISK));
    const assets = tableOf("Assets", "Asset Inventory", ids.map((id) => ({ [ASSET.id]: id })), [ASSET.id]);
    const problems = checkRisks({ risks, assets, scales: defaultScales(), today: 46000 });
    const warning = problems.find((p) => p.code === "assets-beyond-link-slots");
    expect(warning?.severity).toBe("warning");
    expect(warning?.message).toContain("A-4");
  });
});
