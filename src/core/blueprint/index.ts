/** options → blueprint: the whole ISMP workbook as data. */
import { defaultScales, Scales } from "../scales";
import { sampleAssets, sampleHistory, sampleRiskQuant, sampleRisks } from "../sample";
import { DEFAULT_CURRENCY } from "../quant/currency";
import { CONTROL_LIBRARY } from "../controls";
import { assetInventorySheet } from "./assetInventory";
import { controlMatrixSheet } from "./controlMatrix";
import { coverageSheet } from "./coverageSheet";
import { dashboardSheet, kpiSpecs } from "./dashboardSheet";
import { heatmapSheet } from "./heatmapSheet";
import { historySheet } from "./historySheet";
import { BuildOptions } from "./options";
import { lossExceedanceSheet } from "./lossExceedanceSheet";
import { requirementsSheet } from "./requirementsSheet";
import { riskQuantSheet } from "./riskQuantSheet";
import { riskRegisterSheet } from "./riskRegister";
import { scalesSheet } from "./scalesSheet";
import { AnnexAImplementers, soaSheet } from "./soaSheet";
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
  const risks = options.sample ? sampleRisks(scales.size, context.today) : [];
  const assets = options.sample ? sampleAssets(context.today) : [];
  const currency = context.currency ?? DEFAULT_CURRENCY;
  const sheets: SheetSpec[] = [
    dashboardSheet(scales, options.frameworks),
    heatmapSheet(scales),
    riskRegisterSheet(scales, risks),
    riskQuantSheet(currency, options.sample ? sampleRiskQuant(risks, scales) : []),
    lossExceedanceSheet(currency),
    assetInventorySheet(assets),
    controlMatrixSheet(options.frameworks, options.sample, context.today),
    requirementsSheet({ frameworks: options.frameworks, soc2Categories: options.soc2Categories }),
  ];
  if (options.frameworks.includes("ISO27001")) sheets.push(soaSheet(context.annexAImplementers ?? libraryAnnexAImplementers()));
  sheets.push(coverageSheet(options.frameworks), historySheet(kpiSpecs(scales, options.frameworks), options.sample ? sampleHistory(context.today) : []), scalesSheet(scales, options.organisation));
  return { sheets };
}

export * from "./types";
export * from "./options";
