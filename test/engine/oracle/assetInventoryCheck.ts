/** Asset Inventory: criticality against criticalityOf; open high risks from the register's ratings. */
import { ASSET, ASSETS_TABLE, ASSET_INVENTORY_SHEET, criticalityOf } from "../../../src/core/blueprint/assetInventory";
import { RISK, RISKS_TABLE } from "../../../src/core/blueprint/riskRegister";
import { linkedAssetKeys } from "../../../src/core/blueprint/assetLinks";
import type { TableRow } from "../engineWorkbook";
import { rowExpectations, type SheetCheck } from "./check";
import { text, type CheckContext } from "./context";
import type { ExpectedValue } from "./expectation";
import { expectedRiskRow } from "./riskRegisterCheck";

/** The asset side of the link: the formula removes spaces and COUNTIF ignores case. */
const idKey = (id: string) => id.replace(/ /g, "").toUpperCase();

/**
 * Asset ID -> open risks listing it (among their first ASSET_LINK_SLOTS IDs) whose current rating
 * (residual, else inherent) is one of the two highest bands.
 */
function openHighRiskCounts(context: CheckContext): Map<string, number> {
  const topBands = new Set(context.scales.bands.slice(-2).map((b) => b.rating));
  const counts = new Map<string, number>();
  for (const row of context.book.table(RISKS_TABLE)) {
    const expected = expectedRiskRow(row, context);
    const current = expected[RISK.residualRating] !== "" ? expected[RISK.residualRating] : expected[RISK.inherentRating];
    if (text(row[RISK.status].value) === "Closed" || !topBands.has(text(current ?? ""))) continue;
    for (const id of linkedAssetKeys(text(row[RISK.assetIds].value))) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function expectedAssetRow(row: TableRow, openHigh: Map<string, number> | undefined): Record<string, ExpectedValue> {
  const [c, i, a] = [row[ASSET.confidentiality], row[ASSET.integrity], row[ASSET.availability]].map((cell) => cell.value);
  const rated = typeof c === "number" && typeof i === "number" && typeof a === "number";
  const expected: Record<string, ExpectedValue> = { [ASSET.criticality]: rated ? criticalityOf(c, i, a) : "" };
  if (openHigh) {
    const id = text(row[ASSET.id].value);
    expected[ASSET.openHighRisks] = id === "" ? "" : (openHigh.get(idKey(id)) ?? 0);
  }
  return expected;
}

export const assetInventoryCheck: SheetCheck = {
  sheet: ASSET_INVENTORY_SHEET,
  expectations: (context) => {
    const assets = context.book.table(ASSETS_TABLE);
    const openHigh = assets.length > 0 && ASSET.openHighRisks in assets[0] ? openHighRiskCounts(context) : undefined;
    return rowExpectations(ASSETS_TABLE, assets, ASSET.id, (row) => expectedAssetRow(row, openHigh));
  },
};
