/**
 * The Management Review's figures computed from typed inputs: the quarter under review, each
 * indicator at the quarter's last KPI History snapshot and the previous quarter's, the change and
 * trend word, target and status; the quarter's risk posture changes and significant incidents.
 * The sheet computes the same with native formulas (blueprint/managementReviewSheet.ts); the engine
 * suite compares the two.
 */
import type { CellValue } from "./blueprint/types";
import { betterOf, type KpiSpec, tileState } from "./blueprint/dashboardSheet";
import { HISTORY_FIXED, historyHeader } from "./blueprint/historySheet";
import { OPS_SCALE } from "./blueprint/operationsScales";
import { RISK } from "./blueprint/riskRegister";
import { DETECTION_STEP, REVIEW_FINDINGS_SOURCE, SIGNIFICANT_INCIDENT_ROWS, TREND_WORDS } from "./blueprint/managementReviewSheet";
import { filledRows, rowViews, type RowView, type TableData } from "./check/tableData";
import { INCIDENT } from "./registers/incidents";
import { LEADERSHIP_FORUMS, MEETING } from "./registers/meetings";
import { numberIn } from "./registers/values";

/** A blank cell as formulas show it. */
type Shown = CellValue | "";

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
/** DATE(year, month, day) as an Excel serial (months past 12 or below 1 roll over, as in Excel). */
export const serialOf = (year: number, month: number, day: number) => Math.round((Date.UTC(year, month - 1, day) - EPOCH) / MS_PER_DAY);
const calendar = (serial: number) => new Date(EPOCH + Math.floor(serial) * MS_PER_DAY);

export interface ReviewInputs {
  year: CellValue;
  quarter: CellValue;
  tolerance?: CellValue;
}

export interface ReviewPeriod {
  year: number | "";
  quarter: number | "";
  from: number | "";
  to: number | "";
  /** The last snapshot dated in the quarter, and in the previous quarter. */
  snapshot: number | "";
  previous: number | "";
  /** The two highest severities (IncidentSeverity's lowest ranks). */
  severities: [string, string];
}

const isNumber = (v: CellValue | undefined): v is number => typeof v === "number";

function nthSeverity(severities: TableData | undefined, n: number): string {
  if (!severities) return "";
  const rows = rowViews(severities);
  const ranks = rows.map((r) => numberIn(r, OPS_SCALE.rank)).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  if (ranks.length < n) return "";
  const hit = rows.find((r) => numberIn(r, OPS_SCALE.rank) === ranks[n - 1]);
  const value = hit?.get(OPS_SCALE.severity);
  return value === null || value === undefined ? "" : String(value);
}

export function reviewPeriod(history: TableData | undefined, inputs: ReviewInputs, severities?: TableData): ReviewPeriod {
  const dates = history ? rowViews(history).map((r) => r.get(HISTORY_FIXED.date)).filter(isNumber) : [];
  const latest = dates.length > 0 ? Math.max(...dates) : undefined;
  const year: number | "" = isNumber(inputs.year) ? Math.floor(inputs.year) : latest === undefined ? "" : calendar(latest).getUTCFullYear();
  const typedQuarter = isNumber(inputs.quarter) && inputs.quarter >= 1 && inputs.quarter < 5 ? Math.floor(inputs.quarter) : undefined;
  const quarter: number | "" = year === "" ? "" : (typedQuarter ?? (latest === undefined ? "" : Math.floor((calendar(latest).getUTCMonth() + 1 + 2) / 3)));
  const from = year === "" || quarter === "" ? "" : serialOf(year, 3 * quarter - 2, 1);
  const to = from === "" || year === "" || quarter === "" ? "" : serialOf(year, 3 * quarter + 1, 1) - 1;
  const lastIn = (start: number, before: number): number | "" => {
    const inside = dates.filter((d) => d >= start && d < before);
    return inside.length > 0 ? Math.max(...inside) : "";
  };
  const severityPair: [string, string] = [nthSeverity(severities, 1), nthSeverity(severities, 2)];
  if (from === "" || to === "" || year === "" || quarter === "") return { year, quarter, from, to, snapshot: "", previous: "", severities: severityPair };
  return { year, quarter, from, to, snapshot: lastIn(from, to + 1), previous: lastIn(serialOf(year, 3 * quarter - 5, 1), from), severities: severityPair };
}

export interface ReviewIndicator {
  value: Shown;
  previous: Shown;
  change: number | "";
  trend: string;
  target: Shown;
  status: string;
}

/** The KPI History cell of `header` in the first row dated `date` ("" for a blank cell or no such row). */
function historyValue(history: TableData | undefined, date: number | "", header: string): Shown {
  if (date === "" || !history) return "";
  const row = rowViews(history).find((r) => r.get(HISTORY_FIXED.date) === date);
  const value = row?.get(header);
  return value === null || value === undefined || value === "" ? "" : value;
}

/** KpiTargets' row for a label (first match, ignoring case), as MATCH finds it. */
function targetRow(targets: TableData | undefined, label: string): RowView | undefined {
  return targets ? rowViews(targets).find((r) => r.text(OPS_SCALE.indicator).toLowerCase() === label.toLowerCase()) : undefined;
}

export function reviewIndicator(kpi: KpiSpec, history: TableData | undefined, period: ReviewPeriod, tolerance: CellValue, targets: TableData | undefined): ReviewIndicator {
  const header = historyHeader(kpi);
  const value = historyValue(history, period.snapshot, header);
  const previous = historyValue(history, period.previous, header);
  const change = typeof value === "number" && typeof previous === "number" ? value - previous : "";
  const row = targetRow(targets, kpi.label);
  const typedBetter = row?.get(OPS_SCALE.better);
  const better = typedBetter === null || typedBetter === undefined || typedBetter === "" ? betterOf(kpi) : String(typedBetter);
  let trend = "";
  if (change !== "" && typeof previous === "number") {
    const share = tolerance === null || tolerance === "" ? 0 : typeof tolerance === "number" ? tolerance : NaN;
    if (Number.isNaN(share)) trend = "";
    else if (Math.abs(change) <= share * Math.abs(previous)) trend = TREND_WORDS.stable;
    else trend = change > 0 === (better.toLowerCase() !== "lower") ? TREND_WORDS.improving : TREND_WORDS.declining;
  }
  const typedTarget = row?.get(OPS_SCALE.target);
  const target: Shown = typedTarget === null || typedTarget === undefined ? "" : typedTarget;
  const lower = row?.text(OPS_SCALE.better).toLowerCase() === "lower";
  const status = tileState(value, target, lower);
  return { value, previous, change, trend, target, status };
}


export interface PostureCounts {
  identified: number;
  closed: number;
  leadershipReviews: number;
  significantIncidents: number;
}

const within = (v: number | undefined, from: number, before: number) => v !== undefined && v >= from && v < before;
const is = (row: RowView, header: string, value: string) => row.text(header).toLowerCase() === value.toLowerCase();

/** What changed in [from, before): risks identified and closed, leadership reviews held, significant incidents detected. */
export function postureCounts(tables: { risks?: TableData; meetings?: TableData; incidents?: TableData }, from: number, before: number, severities: readonly string[]): PostureCounts {
  const rows = (t?: TableData) => (t ? filledRows(t) : []);
  const risks = rows(tables.risks);
  const significant = severities.filter((s) => s !== "").map((s) => s.toLowerCase());
  return {
    identified: risks.filter((r) => within(numberIn(r, RISK.identified), from, before)).length,
    closed: risks.filter((r) => is(r, RISK.status, "Closed") && within(numberIn(r, RISK.lastReviewed), from, before)).length,
    leadershipReviews: rows(tables.meetings).filter((r) => LEADERSHIP_FORUMS.some((f) => is(r, MEETING.forum, f)) && within(numberIn(r, MEETING.date), from, before)).length,
    significantIncidents: significant.reduce(
      (total, s) => total + rows(tables.incidents).filter((r) => r.text(INCIDENT.severity).toLowerCase() === s && within(numberIn(r, INCIDENT.detected), from, before)).length,
      0,
    ),
  };
}

/** The previous quarter of a period: from three months before its start to the day before. */
export function previousQuarterBounds(period: ReviewPeriod): { from: number; before: number } | undefined {
  if (period.year === "" || period.quarter === "" || period.from === "") return undefined;
  return { from: serialOf(period.year, 3 * period.quarter - 5, 1), before: period.from };
}

export interface SignificantIncident {
  incident: string;
  severity: string;
  detected: number;
  status: string;
}

/** The quarter's significant incidents in order of detection (one per distinct detection time), at most the rows the sheet lists. */
export function significantIncidents(incidents: TableData | undefined, period: ReviewPeriod): SignificantIncident[] {
  if (!incidents || period.from === "" || period.to === "") return [];
  const significant = period.severities.filter((s) => s !== "").map((s) => s.toLowerCase());
  const all = rowViews(incidents);
  const times = all
    .filter((r) => significant.includes(r.text(INCIDENT.severity).toLowerCase()))
    .map((r) => numberIn(r, INCIDENT.detected))
    .filter((d): d is number => d !== undefined && d >= (period.from as number) && d < (period.to as number) + 1)
    .sort((a, b) => a - b);
  const listed: SignificantIncident[] = [];
  let last: number | undefined;
  for (const time of times) {
    if (listed.length === SIGNIFICANT_INCIDENT_ROWS) break;
    if (last !== undefined && time <= last + DETECTION_STEP) continue;
    last = time;
    const row = all.find((r) => r.get(INCIDENT.detected) === time)!;
    const text = (header: string) => {
      const v = row.get(header);
      return v === null || v === undefined ? "" : String(v);
    };
    listed.push({ incident: `${text(INCIDENT.id)} ${text(INCIDENT.title).slice(0, 50)}`, severity: text(INCIDENT.severity), detected: time, status: text(INCIDENT.status) });
  }
  return listed;
}

export interface FindingsBySeverity {
  severity: string;
  open: number;
  raised: number | "";
  previous: number | "";
}

/** Audit findings per severity, most severe first: open now, raised in the quarter and in the quarter before. */
export function findingsBySeverity(findings: TableData | undefined, period: ReviewPeriod): FindingsBySeverity[] {
  const F = REVIEW_FINDINGS_SOURCE;
  const rows = findings ? filledRows(findings) : [];
  const bounds = previousQuarterBounds(period);
  return F.severities.map((severity) => {
    const of = rows.filter((r) => is(r, F.severity, severity));
    const raisedIn = (from: number, before: number) => of.filter((r) => within(numberIn(r, F.raised), from, before)).length;
    return {
      severity,
      open: of.filter((r) => F.open.some((s) => is(r, F.status, s))).length,
      raised: period.from === "" || period.to === "" ? "" : raisedIn(period.from, period.to + 1),
      previous: bounds ? raisedIn(bounds.from, bounds.before) : "",
    };
  });
}
