/** options → blueprint: the whole ISMP workbook as data. */
import { defaultScales, Scales } from "../scales";
import { sampleHistory } from "../sample";
import { DEFAULT_CURRENCY } from "../quant/currency";
import { CORE_REGISTERS, REGISTERS, OPTIONAL_REGISTER_KEYS, OPTIONAL_REGISTERS, OptionalRegisterKey, PROGRAM_REGISTERS } from "../registers";
import { registerSheet } from "../registers/sheet";
import { SeedContext } from "../registers/types";
import { coverageSheet } from "./coverageSheet";
import { DashboardState, dashboardSheet, kpiRelabels, kpiSpecs, kpiTargets } from "./dashboardSheet";
import { heatmapSheet } from "./heatmapSheet";
import { historySheet } from "./historySheet";
import { lossExceedanceSheet } from "./lossExceedanceSheet";
import { BuildOptions, registersOf } from "./options";
import { requirementsSheet } from "./requirementsSheet";
import { scalesSheet } from "./scalesSheet";
import { mappingsSheet } from "./mappingsSheet";
import { soaSheet } from "./soaSheet";
import { topRisksSheet } from "./topRisksSheet";
import { programSheet } from "./programSheet";
import { managementReviewSheet, REVIEW_FINDINGS_SOURCE } from "./managementReviewSheet";
import { PrintSpec, SheetSpec, WorkbookBlueprint } from "./types";

export interface BlueprintContext {
  /** Scales as the workbook holds them now (after the analyst's edits), if it has a Scales sheet. */
  scales?: Scales;
  /** The workbook's Currency setting (ISO 4217), which every money number format shows. */
  currency?: string;
  /** "Today" for sample data dates. */
  today: Date;
  /** Tables the workbook holds already: a register it holds stays in scope whatever the options say. */
  existingTables?: readonly string[];
  /** What the workbook's Dashboard shows already: an upgrade adds the indicators and charts it lacks below it. */
  dashboard?: DashboardState;
}

/** The optional registers a build includes: those the options ask for, plus those the workbook already holds, in declaration order. */
export function registersInScope(options: BuildOptions, existingTables: readonly string[] = []): OptionalRegisterKey[] {
  const wanted = new Set(registersOf(options));
  const present = new Set(existingTables.map((t) => t.toLowerCase()));
  return OPTIONAL_REGISTER_KEYS.filter((key) => wanted.has(key) || present.has(OPTIONAL_REGISTERS[key].table.toLowerCase()));
}

export function buildBlueprint(options: BuildOptions, context: BlueprintContext): WorkbookBlueprint {
  const scales = context.scales ?? defaultScales(options.matrixSize, options.method);
  const currency = context.currency ?? DEFAULT_CURRENCY;
  const seeds: SeedContext = { scales, frameworks: options.frameworks, sample: options.sample, today: context.today, currency };
  const registers = registersInScope(options, context.existingTables);
  const kpis = kpiSpecs(scales, options.frameworks, registers);
  const relabels = kpiRelabels(kpis, context.dashboard);
  const sheets: SheetSpec[] = [
    dashboardSheet(scales, kpis, currency, context.dashboard && { state: context.dashboard, relabels }),
    topRisksSheet(),
    heatmapSheet(scales),
    programSheet(seeds, options.organisation),
    managementReviewSheet(kpis, { registers, auditFindings: REGISTERS.some((r) => r.table === REVIEW_FINDINGS_SOURCE.table) }, seeds),
    ...CORE_REGISTERS.map((register) => registerSheet(register, seeds)),
    lossExceedanceSheet(currency),
    ...registers.map((key) => registerSheet(OPTIONAL_REGISTERS[key], seeds)),
    ...PROGRAM_REGISTERS.map((register) => registerSheet(register, seeds)),
    requirementsSheet({ frameworks: options.frameworks, soc2Categories: options.soc2Categories }),
  ];
  sheets.push(mappingsSheet(options.frameworks));
  if (options.frameworks.includes("ISO27001")) sheets.push(soaSheet());
  sheets.push(coverageSheet(options.frameworks), historySheet(kpis, options.sample ? sampleHistory(context.today) : []), scalesSheet(scales, options.organisation, kpiTargets(kpis)));
  return { sheets: sheets.map((sheet) => withPrintDefaults(sheet, options.organisation)), ...(relabels.length > 0 ? { relabels } : {}) };
}

/** Legible register printouts: 70% keeps 11 pt body text at 7.7 pt on paper. */
export const REGISTER_PRINT_SCALE = 70;

/** "Acme & Co" as header/footer text: & starts a code there, so a literal one is doubled. */
export const footerText = (text: string): string => text.replace(/&/g, "&&");

/**
 * Every sheet prints with its header row on every page and a footer naming the organisation, the
 * sheet, the page and the print date. Sheets fitted to one page keep their fit; others print at a
 * legible fixed scale instead of being shrunk to one page wide.
 */
export function withPrintDefaults(sheet: SheetSpec, organisation: string): SheetSpec {
  const print: PrintSpec = sheet.print ?? { orientation: "Landscape", fitToWidth: false };
  const fitted = print.onePage === true;
  return {
    ...sheet,
    print: {
      ...print,
      fitToWidth: fitted ? print.fitToWidth : false,
      scale: fitted ? undefined : (print.scale ?? REGISTER_PRINT_SCALE),
      footer: print.footer ?? { left: footerText(organisation.slice(0, 200)), center: "&A", right: "Page &P of &N · printed &D" },
    },
  };
}

export * from "./types";
export * from "./options";
