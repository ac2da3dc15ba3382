/**
 * The Management Review sheet (ISO 27001 clause 9.3, SOC 2 CC4.2/CC2.2): for a chosen quarter
 * (the latest snapshot's by default), every indicator at the quarter's last KPI History snapshot
 * against the previous quarter's, with the change, a trend word by the indicator's Better direction
 * and a tolerance, and its target and status; the quarter's risk posture changes and significant
 * incidents; and the resource requests. Everything is a portable formula over KPI History and the
 * registers, so the review reads the same without the add-in. Prints on two portrait pages at a
 * legible fixed scale: the indicators on the first, the period, posture, incidents, findings and
 * resource requests on the second (one page would print the indicators below 7 pt).
 *
 * Each block is a per-row block (RowBlockSpec): its rows hold different formulas. Cells refer to
 * the period's cells through {cell:ReviewPeriod[Value]#n} tokens, resolved where the plan puts them.
 */
import { INCIDENT, INCIDENTS_TABLE } from "../registers/incidents";
import { AUDIT_FINDING, AUDIT_FINDINGS_TABLE, FINDING_SEVERITIES, OPEN_FINDING_STATUSES } from "../registers/auditFindings";
import type { OptionalRegisterKey } from "../registers/keys";
import { LEADERSHIP_FORUMS, MEETING, MEETINGS_TABLE } from "../registers/meetings";
import { RESOURCE_REQUESTS_REGISTER } from "../registers/resourceRequests";
import { registerTable } from "../registers/sheet";
import type { SeedContext } from "../registers/types";
import { DATE_TIME_FORMAT } from "../registers/columns";
import { betterOf, kpiNumberFormats, KpiSpec, stateFormula, targetFormula } from "./dashboardSheet";
import { HISTORY_FIXED, HISTORY_TABLE, historyHeader } from "./historySheet";
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "./operationsScales";
import { RISK, RISKS_TABLE } from "./riskRegister";
import { SECTION, SUBTITLE, TITLE, widthFor } from "./style";
import { BlockSpec, quoted, RowBlockSpec, SheetSpec, tableColumn } from "./types";
import { LEGIBLE_SCALE } from "./paper";
import { parseCell } from "../a1";
import { DATE_FORMAT } from "./vocabulary";

export const MANAGEMENT_REVIEW_SHEET = "Management Review";

export const REVIEW_BLOCKS = {
  period: "ReviewPeriod",
  indicators: "ReviewIndicators",
  posture: "ReviewPosture",
  incidents: "SignificantIncidents",
  findings: "ReviewFindings",
} as const;

/** The audit findings register the review reads: its table, headers, severities most severe first, and open statuses. */
export const REVIEW_FINDINGS_SOURCE = {
  table: AUDIT_FINDINGS_TABLE,
  severity: AUDIT_FINDING.severity,
  status: AUDIT_FINDING.status,
  raised: AUDIT_FINDING.raised,
  severities: FINDING_SEVERITIES,
  open: OPEN_FINDING_STATUSES,
} as const;
export const REVIEW_FINDING = { severity: "Severity", open: "Open now", raised: "Raised in the quarter", previous: "Raised the quarter before" } as const;

/** The period block's rows, in order (1-based positions are what formulas refer to). */
export const REVIEW_PERIOD = {
  year: "Year (blank: the latest snapshot's)",
  quarter: "Quarter, 1 to 4 (blank: the latest snapshot's)",
  tolerance: "Stable within (share of the previous value)",
  yearReviewed: "Year reviewed",
  quarterReviewed: "Quarter reviewed",
  from: "From",
  to: "To",
  snapshot: "Quarter's last snapshot",
  previous: "Previous quarter's last snapshot",
  severity1: "Significant incidents: severity",
  severity2: "… and severity",
} as const;
const PERIOD_ROWS: readonly string[] = Object.values(REVIEW_PERIOD);
/** A change smaller than this share of the previous value reads Stable. */
export const DEFAULT_TOLERANCE = 0.05;

export const REVIEW_INDICATOR = {
  indicator: "Indicator",
  value: "This quarter",
  previous: "Previous quarter",
  change: "Change",
  trend: "Trend",
  target: "Target",
  status: "Status",
} as const;
export const TREND_WORDS = { improving: "Improving", stable: "Stable", declining: "Declining" } as const;

export const REVIEW_POSTURE = { measure: "Measure", quarter: "Quarter", previous: "Previous quarter" } as const;
export const POSTURE_MEASURES = {
  identified: "Risks identified",
  closed: "Risks closed (closed, last reviewed in the quarter)",
  outsideAppetite: "Open risks outside appetite, today",
  leadershipReviews: "Leadership reviews held",
  significantIncidents: "Significant incidents detected",
} as const;

export const SIGNIFICANT_INCIDENT = { incident: "Incident", severity: "Severity", detected: "Detected", status: "Status" } as const;
/** Significant incidents listed (the Posture block counts them all). */
export const SIGNIFICANT_INCIDENT_ROWS = 5;
/** Two detections closer than a second are one row of the list (criteria compare numbers written as text). */
export const DETECTION_STEP = 1 / 86400;

const period = (row: string) => `{cell:${REVIEW_BLOCKS.period}[Value]#${PERIOD_ROWS.indexOf(row) + 1}}`;
const P = {
  year: period(REVIEW_PERIOD.year),
  quarter: period(REVIEW_PERIOD.quarter),
  tolerance: period(REVIEW_PERIOD.tolerance),
  yearReviewed: period(REVIEW_PERIOD.yearReviewed),
  quarterReviewed: period(REVIEW_PERIOD.quarterReviewed),
  from: period(REVIEW_PERIOD.from),
  to: period(REVIEW_PERIOD.to),
  snapshot: period(REVIEW_PERIOD.snapshot),
  previous: period(REVIEW_PERIOD.previous),
  severity1: period(REVIEW_PERIOD.severity1),
  severity2: period(REVIEW_PERIOD.severity2),
};
const HISTORY_DATES = tableColumn(HISTORY_TABLE, HISTORY_FIXED.date);
const severity = (column: string) => tableColumn(OPERATIONS_SCALE_TABLES.incidentSeverity, column);

/** Criteria pairs "in the quarter" (from its first day to the day after its last) and "in the previous quarter". */
const inQuarter = (column: string) => `${column},">="&${P.from},${column},"<"&(${P.to}+1)`;
const inPreviousQuarter = (column: string) => `${column},">="&EDATE(${P.from},-3),${column},"<"&${P.from}`;

/** The last snapshot date in [from, before): "" when there is none. */
const lastSnapshot = (from: string, before: string) =>
  `IF(COUNTIFS(${HISTORY_DATES},">="&${from},${HISTORY_DATES},"<"&${before})=0,"",MAXIFS(${HISTORY_DATES},${HISTORY_DATES},">="&${from},${HISTORY_DATES},"<"&${before}))`;

function periodBlock(): RowBlockSpec {
  const latestQuarter = `INT((MONTH(MAX(${HISTORY_DATES}))+2)/3)`;
  const nthSeverity = (n: number) => `=IFERROR(INDEX(${severity(OPS_SCALE.severity)},MATCH(SMALL(${severity(OPS_SCALE.rank)},${n}),${severity(OPS_SCALE.rank)},0))&"","")`;
  const values: Record<string, string | number | null> = {
    [REVIEW_PERIOD.year]: null,
    [REVIEW_PERIOD.quarter]: null,
    [REVIEW_PERIOD.tolerance]: DEFAULT_TOLERANCE,
    [REVIEW_PERIOD.yearReviewed]: `=IF(ISNUMBER(${P.year}),INT(${P.year}),IF(COUNT(${HISTORY_DATES})=0,"",YEAR(MAX(${HISTORY_DATES}))))`,
    [REVIEW_PERIOD.quarterReviewed]: `=IF(${P.yearReviewed}="","",IF(AND(ISNUMBER(${P.quarter}),${P.quarter}>=1,${P.quarter}<5),INT(${P.quarter}),IF(COUNT(${HISTORY_DATES})=0,"",${latestQuarter})))`,
    [REVIEW_PERIOD.from]: `=IF(OR(${P.yearReviewed}="",${P.quarterReviewed}=""),"",DATE(${P.yearReviewed},3*${P.quarterReviewed}-2,1))`,
    [REVIEW_PERIOD.to]: `=IF(${P.from}="","",EDATE(${P.from},3)-1)`,
    [REVIEW_PERIOD.snapshot]: `=IF(${P.from}="","",${lastSnapshot(P.from, `(${P.to}+1)`)})`,
    [REVIEW_PERIOD.previous]: `=IF(${P.from}="","",${lastSnapshot(`EDATE(${P.from},-3)`, P.from)})`,
    [REVIEW_PERIOD.severity1]: nthSeverity(1),
    [REVIEW_PERIOD.severity2]: nthSeverity(2),
  };
  const formats: Record<string, string> = {
    [REVIEW_PERIOD.tolerance]: "0%",
    [REVIEW_PERIOD.yearReviewed]: "0",
    [REVIEW_PERIOD.quarterReviewed]: `"Q"0`,
    [REVIEW_PERIOD.from]: DATE_FORMAT,
    [REVIEW_PERIOD.to]: DATE_FORMAT,
    [REVIEW_PERIOD.snapshot]: DATE_FORMAT,
    [REVIEW_PERIOD.previous]: DATE_FORMAT,
  };
  return {
    name: REVIEW_BLOCKS.period,
    anchor: "J6",
    columns: [
      { header: "Setting", width: widthFor(30) },
      { header: "Value", width: widthFor(11), horizontalAlignment: "Center" },
    ],
    rows: PERIOD_ROWS.map((row) => ({ Setting: row, Value: values[row] })),
    rowFormats: PERIOD_ROWS.map((row) => ({ Value: formats[row] ?? "General" })),
  };
}

/** The indicator's KpiTargets direction, or its own when KpiTargets has no row or a blank one. */
function betterFormula(kpi: KpiSpec): string {
  const match = `MATCH(${quoted(kpi.label)},${tableColumn(OPERATIONS_SCALE_TABLES.kpiTargets, OPS_SCALE.indicator)},0)`;
  const typed = `INDEX(${tableColumn(OPERATIONS_SCALE_TABLES.kpiTargets, OPS_SCALE.better)},${match})`;
  const fallback = quoted(betterOf(kpi));
  return `IFERROR(IF(${typed}="",${fallback},${typed}),${fallback})`;
}

const INDICATORS_ANCHOR = "A6";

function indicatorBlock(kpis: readonly KpiSpec[], currency?: string): RowBlockSpec {
  const NUMBER_FORMAT = kpiNumberFormats(currency);
  const I = REVIEW_INDICATOR;
  const row = (header: string) => `{row:${header}}`;
  const at = (date: string, column: string) => `INDEX(${column},MATCH(${date},${HISTORY_DATES},0))`;
  const valueAt = (date: string, column: string) => `=IF(${date}="","",IF(${at(date, column)}="","",${at(date, column)}))`;
  return {
    name: REVIEW_BLOCKS.indicators,
    anchor: INDICATORS_ANCHOR,
    columns: [
      { header: I.indicator, width: widthFor(31) },
      { header: I.value, width: widthFor(9), horizontalAlignment: "Center" },
      { header: I.previous, width: widthFor(9), horizontalAlignment: "Center" },
      { header: I.change, width: widthFor(8), horizontalAlignment: "Center" },
      { header: I.trend, width: widthFor(10), horizontalAlignment: "Center" },
      { header: I.target, width: widthFor(8), horizontalAlignment: "Center" },
      { header: I.status, width: widthFor(10), horizontalAlignment: "Center" },
    ],
    rows: kpis.map((kpi) => {
      const column = tableColumn(HISTORY_TABLE, historyHeader(kpi));
      const change = row(I.change);
      return {
        [I.indicator]: kpi.label,
        [I.value]: valueAt(P.snapshot, column),
        [I.previous]: valueAt(P.previous, column),
        [I.change]: `=IF(AND(ISNUMBER(${row(I.value)}),ISNUMBER(${row(I.previous)})),${row(I.value)}-${row(I.previous)},"")`,
        [I.trend]:
          `=IF(${change}="","",IFERROR(IF(ABS(${change})<=${P.tolerance}*ABS(${row(I.previous)}),"${TREND_WORDS.stable}",` +
          `IF((${change}>0)=(${betterFormula(kpi)}<>"Lower"),"${TREND_WORDS.improving}","${TREND_WORDS.declining}")),""))`,
        [I.target]: targetFormula(kpi.label),
        [I.status]: stateFormula(kpi.label, row(I.value), row(I.target)),
      };
    }),
    rowFormats: kpis.map((kpi) => {
      const format = NUMBER_FORMAT[kpi.format];
      return { [I.value]: format, [I.previous]: format, [I.change]: format, [I.target]: format };
    }),
  };
}

const incident = (column: string) => tableColumn(INCIDENTS_TABLE, column);

/** Significant incidents of one severity (a Period cell) with Detected matching `criteria`; 0 when the severity is blank. */
const significantCount = (severityCell: string, criteria: string) => `IF(${severityCell}="",0,COUNTIFS(${incident(INCIDENT.severity)},${severityCell},${criteria}))`;

function postureBlock(incidents: boolean): RowBlockSpec {
  const M = POSTURE_MEASURES;
  const guarded = (formula: string) => `=IF(${P.from}="","",${formula})`;
  const risk = (column: string) => tableColumn(RISKS_TABLE, column);
  const leadership = (criteria: (column: string) => string) =>
    LEADERSHIP_FORUMS.map((forum) => `COUNTIFS(${tableColumn(MEETINGS_TABLE, MEETING.forum)},${quoted(forum)},${criteria(tableColumn(MEETINGS_TABLE, MEETING.date))})`).join("+");
  const significant = (criteria: (column: string) => string) =>
    `${significantCount(P.severity1, criteria(incident(INCIDENT.detected)))}+${significantCount(P.severity2, criteria(incident(INCIDENT.detected)))}`;
  const rows: Array<Record<string, string | null>> = [
    { [REVIEW_POSTURE.measure]: M.identified, [REVIEW_POSTURE.quarter]: guarded(`COUNTIFS(${inQuarter(risk(RISK.identified))})`), [REVIEW_POSTURE.previous]: guarded(`COUNTIFS(${inPreviousQuarter(risk(RISK.identified))})`) },
    {
      [REVIEW_POSTURE.measure]: M.closed,
      [REVIEW_POSTURE.quarter]: guarded(`COUNTIFS(${risk(RISK.status)},"Closed",${inQuarter(risk(RISK.lastReviewed))})`),
      [REVIEW_POSTURE.previous]: guarded(`COUNTIFS(${risk(RISK.status)},"Closed",${inPreviousQuarter(risk(RISK.lastReviewed))})`),
    },
    { [REVIEW_POSTURE.measure]: M.outsideAppetite, [REVIEW_POSTURE.quarter]: `=COUNTIFS(${risk(RISK.withinAppetite)},"No",${risk(RISK.status)},"<>Closed")`, [REVIEW_POSTURE.previous]: null },
    { [REVIEW_POSTURE.measure]: M.leadershipReviews, [REVIEW_POSTURE.quarter]: guarded(leadership(inQuarter)), [REVIEW_POSTURE.previous]: guarded(leadership(inPreviousQuarter)) },
    ...(incidents
      ? [{ [REVIEW_POSTURE.measure]: M.significantIncidents, [REVIEW_POSTURE.quarter]: guarded(significant(inQuarter)), [REVIEW_POSTURE.previous]: guarded(significant(inPreviousQuarter)) }]
      : []),
  ];
  return {
    name: REVIEW_BLOCKS.posture,
    anchor: "J20",
    columns: [
      { header: REVIEW_POSTURE.measure, width: widthFor(30) },
      { header: REVIEW_POSTURE.quarter, width: widthFor(11), horizontalAlignment: "Center" },
      { header: REVIEW_POSTURE.previous, width: widthFor(12), horizontalAlignment: "Center" },
    ],
    rows,
  };
}

/**
 * The quarter's significant incidents in detection order: row k's Detected is the earliest
 * detection of either significant severity after row k-1's (MINIFS per severity; 0 means none).
 */
function incidentsBlock(): RowBlockSpec {
  const S = SIGNIFICANT_INCIDENT;
  const detected = incident(INCIDENT.detected);
  const rows = Array.from({ length: SIGNIFICANT_INCIDENT_ROWS }, (_, i) => {
    const previous = `{cell:${REVIEW_BLOCKS.incidents}[${S.detected}]#${i}}`;
    const after = i === 0 ? `">="&${P.from}` : `">"&(${previous}+${DETECTION_STEP.toPrecision(15)})`;
    const earliest = (severityCell: string) =>
      `IF(${severityCell}="",0,MINIFS(${detected},${detected},${after},${detected},"<"&(${P.to}+1),${incident(INCIDENT.severity)},${severityCell}))`;
    const a = earliest(P.severity1);
    const b = earliest(P.severity2);
    const guard = i === 0 ? `${P.from}=""` : `${previous}=""`;
    const match = `MATCH({row:${S.detected}},${detected},0)`;
    const field = (column: string) => `INDEX(${incident(column)},${match})&""`;
    return {
      [S.incident]: `=IF({row:${S.detected}}="","",${field(INCIDENT.id)}&" "&LEFT(${field(INCIDENT.title)},50))`,
      [S.severity]: `=IF({row:${S.detected}}="","",${field(INCIDENT.severity)})`,
      [S.detected]: `=IF(${guard},"",IF(MAX(${a},${b})=0,"",IF(MIN(${a},${b})=0,MAX(${a},${b}),MIN(${a},${b}))))`,
      [S.status]: `=IF({row:${S.detected}}="","",${field(INCIDENT.status)})`,
    };
  });
  return {
    name: REVIEW_BLOCKS.incidents,
    anchor: "J28",
    columns: [
      { header: S.incident, width: widthFor(30) },
      { header: S.severity, width: widthFor(11), horizontalAlignment: "Center" },
      { header: S.detected, width: widthFor(12), horizontalAlignment: "Center" },
      { header: S.status, width: widthFor(30) },
    ],
    rows,
    rowFormats: rows.map(() => ({ [S.detected]: DATE_TIME_FORMAT })),
  };
}

/** Audit findings by severity: open now (Open or In progress), raised in the quarter and in the one before. */
function findingsBlock(): RowBlockSpec {
  const F = REVIEW_FINDINGS_SOURCE;
  const column = (header: string) => tableColumn(F.table, header);
  const guarded = (formula: string) => `=IF(${P.from}="","",${formula})`;
  return {
    name: REVIEW_BLOCKS.findings,
    anchor: "J36",
    columns: [
      { header: REVIEW_FINDING.severity, width: widthFor(30) },
      { header: REVIEW_FINDING.open, width: widthFor(11), horizontalAlignment: "Center" },
      { header: REVIEW_FINDING.raised, width: widthFor(12), horizontalAlignment: "Center" },
      { header: REVIEW_FINDING.previous, width: widthFor(12), horizontalAlignment: "Center" },
    ],
    rows: F.severities.map((severityName) => {
      const of = `${column(F.severity)},${quoted(severityName)}`;
      return {
        [REVIEW_FINDING.severity]: severityName,
        [REVIEW_FINDING.open]: "=" + F.open.map((status) => `COUNTIFS(${of},${column(F.status)},${quoted(status)})`).join("+"),
        [REVIEW_FINDING.raised]: guarded(`COUNTIFS(${of},${inQuarter(column(F.raised))})`),
        [REVIEW_FINDING.previous]: guarded(`COUNTIFS(${of},${inPreviousQuarter(column(F.raised))})`),
      };
    }),
  };
}

export interface ReviewScope {
  /** Operations registers in the workbook (the significant incidents need Incidents). */
  registers: readonly OptionalRegisterKey[];
  /** The blueprint has the AuditFindings register (open findings by severity). */
  auditFindings: boolean;
}

/** The indicators' printed columns (A to G), then two gap columns and the review side (J to M). */
const INDICATORS_RIGHT = "G";
/**
 * The review side's print range: from its first caption down past the resource requests, with room
 * for requests added later (the table starts at J43; rows beyond the last one used print as blank).
 */
export const REVIEW_SIDE = { left: "J", top: 5, right: "M", bottom: 80 } as const;

export function managementReviewSheet(kpis: readonly KpiSpec[], scope: ReviewScope, context: SeedContext): SheetSpec {
  const incidents = scope.registers.includes("incidents");
  const findings = scope.auditFindings;
  const indicatorsLastRow = parseCell(INDICATORS_ANCHOR).row + 1 + kpis.length;
  const captions: BlockSpec[] = [
    { address: "A5", values: [["Indicators: the quarter's last snapshot against the previous quarter's"]], format: SECTION },
    { address: "J5", values: [["Review period"]], format: SECTION },
    { address: "J19", values: [["Risk posture and leadership"]], format: SECTION },
    ...(incidents ? [{ address: "J27", values: [["Significant incidents of the quarter"]], format: SECTION }] : []),
    ...(findings ? [{ address: "J35", values: [["Open audit findings by severity"]], format: SECTION }] : []),
    { address: "J42", values: [["Resource requests"]], format: SECTION },
  ];
  return {
    key: "managementReview",
    name: MANAGEMENT_REVIEW_SHEET,
    tabColor: "#1F3864",
    ownerTable: RESOURCE_REQUESTS_REGISTER.table,
    blocks: [
      { address: "A1", values: [["Management review"]], format: TITLE },
      {
        address: "A2",
        values: [["Choose the year and quarter under Review period (blank: the latest snapshot's). Figures come from KPI History: take a Snapshot at each quarter's end."]],
        format: SUBTITLE,
      },
      { address: "A3", values: [[`=IF(Organisation="","",Organisation)`]], format: SUBTITLE },
      ...captions,
    ],
    tables: [registerTable(RESOURCE_REQUESTS_REGISTER, context, "J43")],
    rowBlocks: [periodBlock(), indicatorBlock(kpis, context.currency), postureBlock(incidents), ...(incidents ? [incidentsBlock()] : []), ...(findings ? [findingsBlock()] : [])],
    names: [],
    columnWidths: [
      { column: "H", width: widthFor(1) },
      { column: "I", width: widthFor(1) },
    ],
    print: {
      orientation: "Portrait",
      fitToWidth: false,
      scale: LEGIBLE_SCALE,
      narrowMargins: true,
      printArea: `A1:${INDICATORS_RIGHT}${indicatorsLastRow},${REVIEW_SIDE.left}${REVIEW_SIDE.top}:${REVIEW_SIDE.right}${REVIEW_SIDE.bottom}`,
    },
  };
}
