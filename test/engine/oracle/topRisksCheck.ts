/**
 * Top risks: rank k shows the open, scored risk with the k-th highest current score (residual,
 * else inherent), ties by inherent score then register order, computed here from each risk's
 * inputs with the core's scoring, never from the workbook's own helper columns.
 */
import { columnLetter } from "../../../src/core/a1";
import { RISK, RISKS_TABLE } from "../../../src/core/blueprint/riskRegister";
import { TOP_RISK_COLUMNS, TOP_RISK_COUNT, TOP_RISKS_LAYOUT, TOP_RISKS_SHEET } from "../../../src/core/blueprint/topRisksSheet";
import type { SheetCheck } from "./check";
import type { CheckContext } from "./context";
import type { Expectation } from "./expectation";
import { expectedRiskRow, expectedTopRiskKey } from "./riskRegisterCheck";

/** Register positions (1-based) of the top risks, best first. */
export function expectedRanking(context: CheckContext): number[] {
  const ranked = context.book.table(RISKS_TABLE).flatMap((row, i) => {
    const expected = expectedRiskRow(row, context);
    const key = expectedTopRiskKey(row, expected[RISK.inherentScore] as number | "", expected[RISK.residualScore] as number | "");
    return key === "" ? [] : [{ position: i + 1, key }];
  });
  return ranked.sort((a, b) => b.key - a.key).map((r) => r.position);
}

export const topRisksCheck: SheetCheck = {
  sheet: TOP_RISKS_SHEET,
  expectations: (context) => {
    const { book } = context;
    if (!book.hasName("TopRisks")) return [];
    const risks = book.table(RISKS_TABLE);
    const ranking = expectedRanking(context);
    const expectations: Expectation[] = [];
    for (let k = 1; k <= TOP_RISK_COUNT; k++) {
      const sheetRow = TOP_RISKS_LAYOUT.firstRow + k - 1;
      const position = ranking[k - 1];
      const row = position === undefined ? undefined : risks[position - 1];
      const scored = row ? expectedRiskRow(row, context) : {};
      const cell = (column: string) => book.cell(TOP_RISKS_SHEET, `${column}${sheetRow}`);
      expectations.push({ cell: cell(TOP_RISKS_LAYOUT.rowColumn), rule: `Top risks #${k}: register row`, expected: position ?? "" });
      TOP_RISK_COLUMNS.forEach(({ header, source }, i) => {
        const value = !row ? "" : source in scored ? scored[source] : row[source].value;
        expectations.push({ cell: cell(columnLetter(i + 1)), rule: `Top risks #${k}: ${header}`, expected: value ?? "" });
      });
    }
    return expectations;
  },
};
