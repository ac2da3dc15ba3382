import type { SampleRow } from "./types";
import { excelDateOffset } from "./excelDate";

/**
 * Four quarterly snapshots before today, improving quarter on quarter, so the sample dashboard's
 * trend chart has a line to draw. Headers match the KPI History table's fixed trend columns.
 */
export function sampleHistory(today: Date): SampleRow[] {
  const quarters = [
    { daysAgo: 360, outsideAppetite: 9, overdueReviews: 12, controlsImplemented: 0.31 },
    { daysAgo: 270, outsideAppetite: 8, overdueReviews: 10, controlsImplemented: 0.38 },
    { daysAgo: 180, outsideAppetite: 6, overdueReviews: 9, controlsImplemented: 0.46 },
    { daysAgo: 90, outsideAppetite: 4, overdueReviews: 8, controlsImplemented: 0.52 },
  ];
  return quarters.map((q) => ({
    Date: excelDateOffset(today, -q.daysAgo),
    "Outside Appetite": q.outsideAppetite,
    "Overdue Reviews": q.overdueReviews,
    "Controls implemented": q.controlsImplemented,
  }));
}
