/** Asset Inventory: criticality against criticalityOf. */
import { ASSET, ASSETS_TABLE, ASSET_INVENTORY_SHEET, criticalityOf } from "../../../src/core/blueprint/assetInventory";
import { rowExpectations, type SheetCheck } from "./check";

export const assetInventoryCheck: SheetCheck = {
  sheet: ASSET_INVENTORY_SHEET,
  expectations: ({ book }) =>
    rowExpectations(ASSETS_TABLE, book.table(ASSETS_TABLE), ASSET.id, (row) => {
      const [c, i, a] = [row[ASSET.confidentiality], row[ASSET.integrity], row[ASSET.availability]].map((cell) => cell.value);
      const rated = typeof c === "number" && typeof i === "number" && typeof a === "number";
      return { [ASSET.criticality]: rated ? criticalityOf(c, i, a) : "" };
    }),
};
