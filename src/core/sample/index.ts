export type { SampleRow } from "./types";
export { toExcelDate, SAMPLE_REFERENCE_DATE } from "./excelDate";
export { sampleAssets } from "./assets";
export { sampleRisks } from "./risks";
export { sampleRiskQuant } from "./riskQuant";
export { sampleHistory } from "./history";
export {
  sampleControlStatus,
  CONTROL_STATUSES,
  CONTROL_EFFECTIVENESS,
  INEFFECTIVE_CONTROL_INDICES,
  UNEVIDENCED_CONTROL_INDICES,
  type SampleControlStatus,
  type ControlStatusValue,
  type ControlEffectiveness,
} from "./controlStatus";
