/** options → blueprint: the whole ISMP workbook as data. */
import { defaultScales, Scales } from "../scales";
import { sampleAssets, sampleRisks } from "../sample";
import { assetInventorySheet } from "./assetInventory";
import { BuildOptions } from "./options";
import { riskRegisterSheet } from "./riskRegister";
import { scalesSheet } from "./scalesSheet";
import { WorkbookBlueprint } from "./types";

export interface BlueprintContext {
  /** Scales as the workbook holds them now (after the analyst's edits), if it has a Scales sheet. */
  scales?: Scales;
  /** "Today" for sample data dates. */
  today: Date;
}

export function buildBlueprint(options: BuildOptions, context: BlueprintContext): WorkbookBlueprint {
  const scales = context.scales ?? defaultScales(options.matrixSize, options.method);
  const risks = options.sample ? sampleRisks(scales.size, context.today) : [];
  const assets = options.sample ? sampleAssets() : [];
  return {
    sheets: [riskRegisterSheet(scales, risks), assetInventorySheet(assets), scalesSheet(scales, options.organisation)],
  };
}

export * from "./types";
export * from "./options";
