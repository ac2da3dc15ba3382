import { CHARTER, CHARTER_FIELDS } from "../../../src/core/blueprint/programSheet";
import { checkCharter } from "../../../src/core/check/checkCharter";
import type { TableData } from "../../../src/core/check/tableData";

const TODAY = 46350;

function charter(values: Partial<Record<string, string | number>>): TableData {
  return { name: "CharterList", sheet: "Program", headerRow: 4, firstColumn: 0, headers: ["Field", "Value"], rows: CHARTER_FIELDS.map((f) => [f, values[f] ?? null]) };
}

describe("Check of the program charter", () => {
  it("leaves a charter nobody has started alone", () => {
    expect(checkCharter(charter({}), TODAY)).toEqual([]);
  });

  it("finds a charter past its review date at the Next Charter Review cell", () => {
    const problems = checkCharter(charter({ [CHARTER.programOwner]: "A. Morgan", [CHARTER.approvedOn]: 45900, [CHARTER.nextReview]: 46300 }), TODAY);
    expect(problems).toEqual([{ code: "charter-review-overdue", severity: "error", sheet: "Program", address: "B12", message: expect.stringContaining("due for review on 2026-10-05") }]);
  });

  it("names a started charter without an owner or a review date, a text date, dates out of order and spending above budget", () => {
    const codes = checkCharter(charter({ [CHARTER.approvedOn]: "soon", [CHARTER.budgetApproved]: 100, [CHARTER.budgetSpent]: 150 }), TODAY).map((p) => p.code);
    expect(codes).toEqual(["charter-without-owner", "not-a-date", "charter-without-review", "budget-overspent"]);
    const order = checkCharter(charter({ [CHARTER.programOwner]: "A", [CHARTER.approvedOn]: 46400, [CHARTER.nextReview]: 46380 }), TODAY).map((p) => p.code);
    expect(order).toEqual(["dates-out-of-order"]);
  });
});
