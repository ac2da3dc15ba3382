/** Check: the Currency setting on the Scales sheet must be an ISO 4217 code (every money format shows it). */
import { currencyCode } from "../quant/currency";
import type { CheckProblem } from "./problem";
import { filledRows, type TableData } from "./tableData";

export function checkCurrency(settings: TableData | undefined): CheckProblem[] {
  if (!settings) return [];
  const row = filledRows(settings).find((r) => r.text("Setting").toLowerCase() === "currency");
  const typed = row?.text("Value") ?? "";
  if (!row || currencyCode(typed)) return [];
  return [
    {
      code: "currency-unknown",
      severity: "error",
      sheet: settings.sheet,
      address: row.address("Value"),
      message: typed
        ? `Currency "${typed}" is not an ISO 4217 code; use three letters such as USD, EUR, GBP or JPY, then run Build to reformat the money figures.`
        : "Currency is blank; enter an ISO 4217 code such as USD, EUR or GBP, then run Build to reformat the money figures.",
    },
  ];
}
