/** options → blueprint: the whole ISMP workbook as data. */
import { defaultScales, Scales } from "../scales";
import { sampleHistory } from "../sample";
import { CONTROL_LIBRARY } from "../controls";
import { DEFAULT_CURRENCY } from "../quant/currency";
import { CORE_REGISTERS } from "../registers";
import { registerSheet } from "../registers/sheet";
import { SeedContext } from "../registers/types";
import { coverageSheet } from "./coverageSheet";
import { dashboardSheet, kpiSpecs } from "./dashboardSheet";
import { heatmapSheet } from "./heatmapSheet";
import { historySheet } from "./historySheet";
import { BuildOptions } from "./options";
import { lossExceedanceSheet } from "./lossExceedanceSheet";
import { requirementsSheet } from "./requirementsSheet";
import { scalesSheet } from "./scalesSheet";
import { AnnexAImplementers, soaSheet } from "./soaSheet";
import { topRisksSheet } from "./topRisksSheet";
import { SheetSpec, WorkbookBlueprint } from "./types";

export interface BlueprintContext {
  /** Scales as the workbook holds them now (after the analyst's edits), if it has a Scales sheet. */
  scales?: Scales;
  /** Control IDs implementing each ISO 27001 Annex A control, from the workbook's control matrix. */
  annexAImplementers?: AnnexAImplementers;
  /** The workbook's Currency setting (ISO 4217), which every money number format shows. */
  currency?: string;
  /** "Today" for sample data dates. */
  today: Date;
}

/** Which library controls map to each Annex A control: the SoA's seed before a matrix exists. */
export function libraryAnnexAImplementers(): AnnexAImplementers {
  const byControl = new Map<string, string[]>();
  for (const control of CONTROL_LIBRARY) {
    for (const id of control.mappings.ISO27001 ?? []) {
      if (!byControl.has(id)) byControl.set(id, []);
      byControl.get(id)!.push(control.id);
    }
  }
  return Object.fromEntries([...byControl].map(([id, controls]) => [id, controls.join("; ")]));
}

export function buildBlueprint(options: BuildOptions, context: BlueprintContext): WorkbookBlueprint {
  const scales = context.scales ?? defaultScales(options.matrixSize, options.method);
  const currency = context.currency ?? DEFAULT_CURRENCY;
  const seeds: SeedContext = { scales, frameworks: options.frameworks, sample: options.sample, today: context.today, currency };
  const sheets: SheetSpec[] = [
    dashboardSheet(scales, options.frameworks, currency),
    topRisksSheet(),
    heatmapSheet(scales),
    ...CORE_REGISTERS.map((register) => registerSheet(register, seeds)),
    lossExceedanceSheet(currency),
    requirementsSheet({ frameworks: options.frameworks, soc2Categories: options.soc2Categories }),
  ];
  if (options.frameworks.includes("ISO27001")) sheets.push(soaSheet(context.annexAImplementers ?? libraryAnnexAImplementers()));
  sheets.push(coverageSheet(options.frameworks), historySheet(kpiSpecs(scales, options.frameworks), options.sample ? sampleHistory(context.today) : []), scalesSheet(scales, options.organisation));
  return { sheets };
}

export * from "./types";
export * from "./options";
