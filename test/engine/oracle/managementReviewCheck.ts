/**
 * Management Review: the period, every indicator's value, previous value, change, trend, target and
 * status, the risk posture counts and the significant incidents, against the core
 * (src/core/managementReview.ts) over the recalculated workbook's own KPI History and registers.
 */
import { HISTORY_TABLE } from "../../../src/core/blueprint/historySheet";
import {
  MANAGEMENT_REVIEW_SHEET,
  POSTURE_MEASURES,
  REVIEW_BLOCKS,
  REVIEW_FINDING,
  REVIEW_FINDINGS_SOURCE,
  REVIEW_INDICATOR,
  REVIEW_PERIOD,
  REVIEW_POSTURE,
  SIGNIFICANT_INCIDENT,
} from "../../../src/core/blueprint/managementReviewSheet";
import { OPERATIONS_SCALE_TABLES } from "../../../src/core/blueprint/operationsScales";
import { RISKS_TABLE } from "../../../src/core/blueprint/riskRegister";
import { findingsBySeverity, postureCounts, previousQuarterBounds, reviewIndicator, reviewPeriod, significantIncidents } from "../../../src/core/managementReview";
import { INCIDENTS_TABLE } from "../../../src/core/registers/incidents";
import { MEETINGS_TABLE } from "../../../src/core/registers/meetings";
import type { EngineCell, TableRow } from "../engineWorkbook";
import type { SheetCheck } from "./check";
import { text } from "./context";
import { coreKpis } from "./dashboardCheck";
import type { Expectation, ExpectedValue } from "./expectation";
import { engineTableData } from "./registersCheck";

const typed = (cell: EngineCell) => (cell.value === "" ? null : cell.value);

export const managementReviewCheck: SheetCheck = {
  sheet: MANAGEMENT_REVIEW_SHEET,
  expectations: (context) => {
    const { book } = context;
    if (!book.hasName(REVIEW_BLOCKS.period)) return [];
    const table = (name: string) => (book.hasTable(name) ? engineTableData(book, name) : undefined);
    const history = table(HISTORY_TABLE);
    const targets = table(OPERATIONS_SCALE_TABLES.kpiTargets);
    const periodRows = book.block(REVIEW_BLOCKS.period);
    const setting = (label: string): EngineCell => {
      const row = periodRows.find((r) => text(r["Setting"].value) === label);
      if (!row) throw new Error(`${REVIEW_BLOCKS.period} has no row "${label}"`);
      return row["Value"];
    };
    const tolerance = typed(setting(REVIEW_PERIOD.tolerance));
    const period = reviewPeriod(history, { year: typed(setting(REVIEW_PERIOD.year)), quarter: typed(setting(REVIEW_PERIOD.quarter)) }, table(OPERATIONS_SCALE_TABLES.incidentSeverity));
    const expectations: Expectation[] = [];
    const expect = (cell: EngineCell, rule: string, expected: ExpectedValue) => expectations.push({ cell, rule: `Management Review ${rule}`, expected });

    expect(book.cell(MANAGEMENT_REVIEW_SHEET, "A3"), "organisation", text(book.nameValue("Organisation")));
    const periodValues: Record<string, ExpectedValue> = {
      [REVIEW_PERIOD.yearReviewed]: period.year,
      [REVIEW_PERIOD.quarterReviewed]: period.quarter,
      [REVIEW_PERIOD.from]: period.from,
      [REVIEW_PERIOD.to]: period.to,
      [REVIEW_PERIOD.snapshot]: period.snapshot,
      [REVIEW_PERIOD.previous]: period.previous,
      [REVIEW_PERIOD.severity1]: period.severities[0],
      [REVIEW_PERIOD.severity2]: period.severities[1],
    };
    for (const [label, value] of Object.entries(periodValues)) expect(setting(label), `period ${label}`, value);

    const { specs, kpis } = coreKpis(context);
    const indicatorRows = book.block(REVIEW_BLOCKS.indicators);
    if (indicatorRows.length !== specs.length) throw new Error(`${REVIEW_BLOCKS.indicators} has ${indicatorRows.length} rows for ${specs.length} indicators`);
    specs.forEach((spec, i) => {
      const row = indicatorRows[i];
      const I = REVIEW_INDICATOR;
      // A rating band's indicator keeps the label it was built with ("Open Medium risks") after the
      // analyst renames the band on Scales; its formulas read the KPI History column of that label.
      const shown = text(row[I.indicator].value);
      const renamedBand = spec.key.startsWith("open:") && /^Open .+ risks$/.test(shown);
      if (shown !== spec.label && !renamedBand) throw new Error(`${REVIEW_BLOCKS.indicators} row ${i + 1} is "${shown}", not "${spec.label}"`);
      const figure = reviewIndicator({ ...spec, label: shown }, history, period, tolerance, targets);
      const values: Record<string, ExpectedValue> = {
        [I.value]: figure.value as ExpectedValue,
        [I.previous]: figure.previous as ExpectedValue,
        [I.change]: figure.change,
        [I.trend]: figure.trend,
        [I.target]: figure.target as ExpectedValue,
        [I.status]: figure.status,
      };
      for (const [column, value] of Object.entries(values)) expect(row[column], `${spec.key} ${column}`, value);
    });

    const sources = { risks: table(RISKS_TABLE), meetings: table(MEETINGS_TABLE), incidents: table(INCIDENTS_TABLE) };
    const previous = previousQuarterBounds(period);
    const now = period.from === "" || period.to === "" ? undefined : postureCounts(sources, period.from, period.to + 1, period.severities);
    const before = previous ? postureCounts(sources, previous.from, previous.before, period.severities) : undefined;
    const byMeasure: Record<string, keyof NonNullable<typeof now>> = {
      [POSTURE_MEASURES.identified]: "identified",
      [POSTURE_MEASURES.closed]: "closed",
      [POSTURE_MEASURES.leadershipReviews]: "leadershipReviews",
      [POSTURE_MEASURES.significantIncidents]: "significantIncidents",
    };
    for (const row of book.block(REVIEW_BLOCKS.posture)) {
      const measure = text(row[REVIEW_POSTURE.measure].value);
      if (measure === POSTURE_MEASURES.outsideAppetite) {
        expect(row[REVIEW_POSTURE.quarter], measure, kpis.outsideAppetite);
        continue;
      }
      const key = byMeasure[measure];
      if (!key) throw new Error(`${REVIEW_BLOCKS.posture} has an unknown measure "${measure}"`);
      expect(row[REVIEW_POSTURE.quarter], measure, now ? now[key] : "");
      expect(row[REVIEW_POSTURE.previous], `${measure}, previous quarter`, before ? before[key] : "");
    }

    if (book.hasName(REVIEW_BLOCKS.incidents)) {
      const listed = significantIncidents(sources.incidents, period);
      book.block(REVIEW_BLOCKS.incidents).forEach((row: TableRow, i) => {
        const S = SIGNIFICANT_INCIDENT;
        const item = listed[i];
        expect(row[S.detected], `significant incident ${i + 1} detected`, item?.detected ?? "");
        expect(row[S.incident], `significant incident ${i + 1}`, item?.incident ?? "");
        expect(row[S.severity], `significant incident ${i + 1} severity`, item?.severity ?? "");
        expect(row[S.status], `significant incident ${i + 1} status`, item?.status ?? "");
      });
    }
    if (book.hasName(REVIEW_BLOCKS.findings)) {
      const counts = findingsBySeverity(table(REVIEW_FINDINGS_SOURCE.table), period);
      book.block(REVIEW_BLOCKS.findings).forEach((row: TableRow, i) => {
        const F = REVIEW_FINDING;
        const item = counts[i];
        if (!item || text(row[F.severity].value) !== item.severity) throw new Error(`${REVIEW_BLOCKS.findings} row ${i + 1} is not ${item?.severity}`);
        expect(row[F.open], `${item.severity} open`, item.open);
        expect(row[F.raised], `${item.severity} raised in the quarter`, item.raised);
        expect(row[F.previous], `${item.severity} raised the quarter before`, item.previous);
      });
    }
    return expectations;
  },
};
