/**
 * The Program view's figures: for each of the eight elements, whether its indicators are on target,
 * off target or have no data, and the current Roadmap phase. An indicator belongs to the element of
 * the first register its formula reads (by the register's declared sheet), so a register and a KPI
 * added later find their element without a list to keep up to date here.
 */
import type { CellValue } from "../blueprint/types";
import type { RegisterDeclaration } from "../registers/types";
import { PROGRAM_ELEMENTS, ProgramElement } from "./elements";

/** "no target": the element has figures but none of its indicators has a KpiTargets row to judge them by. */
export type Health = "on target" | "off target" | "no target" | "no data";

/** A row of the Dashboard's KPI list (Indicator, Value) with the Value cell's formula. */
export interface IndicatorCell {
  label: string;
  value: CellValue;
  formula: string;
  /** The Value cell's number format ("0%"), so the pane shows the figure as the Dashboard does. */
  numberFormat?: string;
}

/** A row of KpiTargets. */
export interface IndicatorTarget {
  indicator: string;
  target: CellValue;
  better: string;
}

export interface IndicatorHealth {
  label: string;
  value?: number;
  target?: number;
  better: "Higher" | "Lower";
  health: Health;
  percent: boolean;
}

export interface ElementHealth {
  element: ProgramElement;
  /** The sheet to open: the element's own sheet when the workbook has it, else the first sheet of its registers. */
  sheet?: string;
  health: Health;
  /** Why, in words: "2 of 3 indicators on target", "no register in this workbook". */
  summary: string;
  indicators: IndicatorHealth[];
}

/** Table names a formula reads: "Risks" in =COUNTIFS(Risks[Status],…) or Risks[[#This Row],[ID]]. */
export function tablesReadBy(formula: string): string[] {
  const names: string[] = [];
  for (const m of formula.matchAll(/([A-Za-z_\\][A-Za-z0-9_.]*)\[/g)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

/** The element each register belongs to: the one whose sheet is the register's declared sheet. */
export function elementOfRegister(register: RegisterDeclaration): ProgramElement | undefined {
  return PROGRAM_ELEMENTS.find((e) => e.sheet.toLowerCase() === register.sheet.name.toLowerCase())?.name;
}

const asNumber = (v: CellValue): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

export function indicatorHealth(cell: IndicatorCell, targets: readonly IndicatorTarget[]): IndicatorHealth {
  const row = targets.find((t) => t.indicator.trim().toLowerCase() === cell.label.trim().toLowerCase());
  const better = row?.better.trim().toLowerCase() === "lower" ? "Lower" : "Higher";
  const value = asNumber(cell.value);
  const target = row ? asNumber(row.target) : undefined;
  const percent = (cell.numberFormat ?? "").includes("%");
  if (value === undefined) return { label: cell.label, target, better, health: "no data", percent };
  if (target === undefined) return { label: cell.label, value, better, health: "no target", percent };
  const on = better === "Lower" ? value <= target : value >= target;
  return { label: cell.label, value, target, better, health: on ? "on target" : "off target", percent };
}

/**
 * Every element's health. `registers` are the declared registers, `tableSheets` the workbook's tables
 * and the sheets they are on (lower-case table name → sheet), `sheets` the workbook's sheet names.
 */
export function programHealth(
  registers: readonly RegisterDeclaration[],
  tableSheets: ReadonlyMap<string, string>,
  sheets: readonly string[],
  indicators: readonly IndicatorCell[],
  targets: readonly IndicatorTarget[],
): ElementHealth[] {
  const elementOfTable = new Map(registers.flatMap((r) => {
    const element = elementOfRegister(r);
    return element ? [[r.table.toLowerCase(), element] as const] : [];
  }));
  const byElement = new Map<ProgramElement, IndicatorHealth[]>();
  for (const cell of indicators) {
    const element = tablesReadBy(cell.formula).map((t) => elementOfTable.get(t.toLowerCase())).find((e) => e !== undefined);
    if (!element) continue;
    byElement.set(element, [...(byElement.get(element) ?? []), indicatorHealth(cell, targets)]);
  }
  return PROGRAM_ELEMENTS.map(({ name, sheet }) => {
    const own = registers.filter((r) => elementOfRegister(r) === name);
    const present = own.filter((r) => tableSheets.has(r.table.toLowerCase()));
    const sheetHere = sheets.find((s) => s.toLowerCase() === sheet.toLowerCase()) ?? present.map((r) => tableSheets.get(r.table.toLowerCase())!)[0];
    const list = present.length > 0 ? (byElement.get(name) ?? []) : [];
    const on = list.filter((i) => i.health === "on target").length;
    const off = list.filter((i) => i.health === "off target").length;
    const measured = on + off;
    const withFigure = list.filter((i) => i.health === "no target").length;
    const health: Health = off > 0 ? "off target" : on > 0 ? "on target" : withFigure > 0 ? "no target" : "no data";
    const summary =
      present.length === 0
        ? "No register for this element in the workbook yet."
        : list.length === 0
          ? "No indicators for this element on the Dashboard."
          : measured === 0 && withFigure > 0
            ? `${withFigure} indicator${withFigure === 1 ? "" : "s"} with a figure and no target yet: add ${withFigure === 1 ? "its row" : "their rows"} to KpiTargets on the Scales sheet.`
            : measured === 0
            ? `${list.length} indicator${list.length === 1 ? "" : "s"}, none with both a value and a target yet.`
            : `${on} of ${measured} indicator${measured === 1 ? "" : "s"} with a target on target.`;
    return { element: name, sheet: sheetHere, health, summary, indicators: list };
  });
}

export interface RoadmapRow {
  phase: string;
  status: string;
  done?: number;
  startWeek?: number;
  endWeek?: number;
}

/** The phase being worked on: the first In progress, else the first not Complete; undefined when there are none or all are complete. */
export function currentPhase(rows: readonly RoadmapRow[]): RoadmapRow | undefined {
  const phases = rows.filter((r) => r.phase.trim() !== "");
  const complete = (r: RoadmapRow) => r.status.trim().toLowerCase() === "complete" || (r.done !== undefined && r.done >= 1);
  return phases.find((r) => r.status.trim().toLowerCase() === "in progress" && !complete(r)) ?? phases.find((r) => !complete(r));
}
