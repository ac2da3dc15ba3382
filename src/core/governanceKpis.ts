/**
 * The governance KPIs: leadership reviews in the last 90 days and roadmap progress, each with its
 * Dashboard label, portable formula and the same computation in TypeScript (see operationsKpis.ts).
 */
import { tableColumn } from "./blueprint/types";
import { filledRows, TableData } from "./check/tableData";
import type { OperationsKpi } from "./operationsKpis";
import { LEADERSHIP_FORUMS, MEETING, MEETINGS_TABLE } from "./registers/meetings";
import { ROADMAP, ROADMAP_TABLE } from "./registers/roadmap";
import type { ComputeContext } from "./registers/types";
import { numberIn } from "./registers/values";

/** Days back from today that count as recent for leadership reviews (today included). */
export const LEADERSHIP_REVIEW_WINDOW_DAYS = 90;

const rowsOf = (context: ComputeContext, table: string) => {
  const data: TableData | undefined = context.tables.get(table.toLowerCase());
  return data ? filledRows(data) : [];
};
const meetings = (c: string) => tableColumn(MEETINGS_TABLE, c);
const roadmap = (c: string) => tableColumn(ROADMAP_TABLE, c);

export const GOVERNANCE_KPIS: readonly OperationsKpi[] = [
  {
    key: "gov:leadershipReviews",
    label: "Leadership reviews in the last 90 days",
    format: "count",
    target: 1,
    better: "Higher",
    formula:
      "=" +
      LEADERSHIP_FORUMS.map(
        (forum) => `COUNTIFS(${meetings(MEETING.forum)},"${forum}",${meetings(MEETING.date)},">="&(TODAY()-${LEADERSHIP_REVIEW_WINDOW_DAYS}),${meetings(MEETING.date)},"<"&(TODAY()+1))`,
      ).join("+"),
    compute: (c) =>
      rowsOf(c, MEETINGS_TABLE).filter((row) => {
        const forum = row.text(MEETING.forum).toLowerCase();
        const date = numberIn(row, MEETING.date);
        return LEADERSHIP_FORUMS.some((f) => f.toLowerCase() === forum) && date !== undefined && date >= c.today - LEADERSHIP_REVIEW_WINDOW_DAYS && date < c.today + 1;
      }).length,
  },
  {
    key: "gov:roadmapProgress",
    label: "Roadmap progress",
    format: "percent",
    target: 1,
    better: "Higher",
    formula: `=IFERROR(AVERAGE(${roadmap(ROADMAP.done)}),"")`,
    compute: (c) => {
      const done = rowsOf(c, ROADMAP_TABLE)
        .map((row) => numberIn(row, ROADMAP.done))
        .filter((v): v is number => v !== undefined);
      return done.length > 0 ? done.reduce((a, b) => a + b, 0) / done.length : undefined;
    },
  },
];

export function computeGovernanceKpis(context: ComputeContext): Record<string, number | undefined> {
  return Object.fromEntries(GOVERNANCE_KPIS.map((k) => [k.key, k.compute(context)]));
}
