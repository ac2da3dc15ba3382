import type { SampleRow } from "./types";
import { excelDateOffset } from "./excelDate";

/**
 * Four quarterly snapshots before today, improving quarter on quarter, so the sample dashboard's
 * trend chart has a line to draw and the management review has trends. Headers match the KPI History table's fixed trend columns.
 */
export function sampleHistory(today: Date): SampleRow[] {
  const quarters = [
    { daysAgo: 360, outsideAppetite: 9, overdueReviews: 12, controlsImplemented: 0.31, leadershipReviews: 0, roadmapProgress: 0.15 },
    { daysAgo: 270, outsideAppetite: 8, overdueReviews: 10, controlsImplemented: 0.38, leadershipReviews: 1, roadmapProgress: 0.4 },
    { daysAgo: 180, outsideAppetite: 6, overdueReviews: 9, controlsImplemented: 0.46, leadershipReviews: 2, roadmapProgress: 0.55 },
    { daysAgo: 90, outsideAppetite: 4, overdueReviews: 8, controlsImplemented: 0.52, leadershipReviews: 1, roadmapProgress: 0.68 },
  ];
  return quarters.map((q) => ({
    Date: excelDateOffset(today, -q.daysAgo),
    "Outside Appetite": q.outsideAppetite,
    "Overdue Reviews": q.overdueReviews,
    "Controls implemented": q.controlsImplemented,
    "Leadership reviews in the last 90 days": q.leadershipReviews,
    "Roadmap progress": q.roadmapProgress,
  }));
}
