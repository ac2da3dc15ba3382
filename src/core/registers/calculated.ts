/** Calculated columns several registers share: a formula and its TypeScript twin side by side. */
import { thisRow } from "../blueprint/types";
import type { RowView } from "../check/tableData";
import { addMonths } from "../excelDate";
import type { FieldSpec } from "./types";
import { numberIn } from "./values";

/** part ÷ whole of the row as a percentage, blank unless both are numbers and whole is above 0. */
export function ratioField(table: string, header: string, part: string, whole: string): FieldSpec {
  const r = (column: string) => thisRow(table, column);
  return {
    header,
    type: { kind: "percent" },
    width: 9,
    align: "Center",
    formula: `=IF(AND(ISNUMBER(${r(part)}),ISNUMBER(${r(whole)})),IF(${r(whole)}>0,${r(part)}/${r(whole)},""),"")`,
    compute: (row: RowView) => {
      const p = numberIn(row, part);
      const w = numberIn(row, whole);
      return p !== undefined && w !== undefined && w > 0 ? p / w : "";
    },
  };
}

/** `from` + `months` months (EDATE), undefined unless both are numbers and `months` is above 0. */
export function monthsAfter(row: RowView, from: string, months: number | undefined): number | undefined {
  const start = numberIn(row, from);
  return start === undefined || months === undefined || months <= 0 ? undefined : addMonths(start, months);
}
