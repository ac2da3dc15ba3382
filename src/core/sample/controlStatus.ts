import { excelDateMonth, excelDateOffset, SAMPLE_REFERENCE_DATE } from "./excelDate";

export const CONTROL_STATUSES = ["Not started", "Planned", "In progress", "Partially implemented", "Implemented", "Not applicable"] as const;
export const CONTROL_EFFECTIVENESS = ["Not tested", "Effective", "Partially effective", "Ineffective"] as const;
export type ControlStatusValue = (typeof CONTROL_STATUSES)[number];
export type ControlEffectiveness = (typeof CONTROL_EFFECTIVENESS)[number];

export interface SampleControlStatus {
  Status: ControlStatusValue;
  Effectiveness: ControlEffectiveness;
  /** 0 (none) to 5 (optimised). */
  Maturity: number;
  Owner: string;
  "Last Tested": number | null;
  Evidence: string;
}

/**
 * Status by position in a repeating cycle of 20 controls: 11 Implemented (55%), 4 Partially
 * implemented (20%), 2 In progress (10%), and one each Planned, Not started, Not applicable (5%).
 */
const STATUS_CYCLE: ControlStatusValue[] = [
  "Implemented", "Implemented", "Partially implemented", "Implemented", "In progress",
  "Implemented", "Implemented", "Partially implemented", "Implemented", "Planned",
  "Implemented", "Implemented", "Partially implemented", "Implemented", "Not started",
  "Implemented", "Implemented", "Partially implemented", "In progress", "Not applicable",
];

/** Implemented controls whose last test failed. Each index falls on "Implemented" in the cycle. */
export const INEFFECTIVE_CONTROL_INDICES: readonly number[] = [3, 16, 31];
/** Implemented controls with neither evidence nor a test date, for Check to flag. Each falls on "Implemented". */
export const UNEVIDENCED_CONTROL_INDICES: readonly number[] = [6, 25];

/** 11 owners: coprime with the 20-long status cycle, so owners do not line up with statuses. */
const CONTROL_OWNERS = [
  "CISO", "IT Operations Manager", "Security Operations Lead", "HR Director", "Engineering Manager", "Privacy Officer",
  "Network Manager", "Compliance Manager", "Facilities Manager", "CIO", "Infrastructure Lead",
];

const EVIDENCE_TEMPLATES: Array<(controlId: string, month: string) => string> = [
  (id, month) => `Policy document for ${id}, v2.1 approved ${month}`,
  (id, month) => `Access review sign-off covering ${id}, ${month}`,
  (_, month) => `Vulnerability scan summary report, ${month}`,
  (_, month) => `Change advisory board minutes, ${month}`,
  (id, month) => `Configuration baseline screenshots for ${id}, ${month}`,
  (_, month) => `Training completion export from the learning system, ${month}`,
  (_, month) => `Backup restore test record, ${month}`,
  (_, month) => `Supplier assurance file and questionnaire, ${month}`,
  (id, month) => `Internal audit workpaper on ${id}, ${month}`,
  (_, month) => `SIEM alert rule export and triage log, ${month}`,
];

const TESTED_DAYS_AGO_MIN = 20;
const TESTED_DAYS_AGO_SPREAD = 320;

function statusFor(index: number): ControlStatusValue {
  if (INEFFECTIVE_CONTROL_INDICES.includes(index) || UNEVIDENCED_CONTROL_INDICES.includes(index)) return "Implemented";
  return STATUS_CYCLE[index % STATUS_CYCLE.length];
}

function effectivenessFor(status: ControlStatusValue, index: number): ControlEffectiveness {
  if (UNEVIDENCED_CONTROL_INDICES.includes(index)) return "Not tested";
  if (INEFFECTIVE_CONTROL_INDICES.includes(index)) return "Ineffective";
  if (status === "Implemented") return index % 7 === 0 ? "Partially effective" : "Effective";
  if (status === "Partially implemented") return index % 2 === 0 ? "Partially effective" : "Not tested";
  return "Not tested";
}

function maturityFor(status: ControlStatusValue, effectiveness: ControlEffectiveness, index: number): number {
  switch (status) {
    case "Implemented":
      if (effectiveness === "Ineffective" || effectiveness === "Not tested") return 2;
      return effectiveness === "Effective" && index % 5 === 0 ? 4 : 3;
    case "Partially implemented":
      return 2;
    case "In progress":
    case "Planned":
      return 1;
    case "Not started":
    case "Not applicable":
      return 0;
  }
}

/** The month a control's evidence dates from: its last test, or a recent month for untested partial work. */
function evidenceFor(controlId: string, status: ControlStatusValue, lastTested: number | null, index: number, today: Date): string {
  if (UNEVIDENCED_CONTROL_INDICES.includes(index)) return "";
  if (status === "Not applicable") return "Out of scope: see statement of applicability";
  if (status === "Implemented" || status === "Partially implemented") {
    const evidenceDate = lastTested ?? excelDateOffset(today, -TESTED_DAYS_AGO_MIN);
    return EVIDENCE_TEMPLATES[index % EVIDENCE_TEMPLATES.length](controlId, excelDateMonth(evidenceDate));
  }
  return "";
}

/**
 * Deterministic, varied implementation status for the control at `index` of the control library.
 * Dates are relative to `today` (a fixed reference day when omitted, for reproducible output).
 */
export function sampleControlStatus(controlId: string, index: number, today: Date = SAMPLE_REFERENCE_DATE): SampleControlStatus {
  const status = statusFor(index);
  const effectiveness = effectivenessFor(status, index);
  // Spread test dates over most of a year; 37 is coprime with the spread so consecutive controls differ.
  const lastTested = effectiveness === "Not tested" ? null : excelDateOffset(today, -(TESTED_DAYS_AGO_MIN + ((index * 37) % TESTED_DAYS_AGO_SPREAD)));
  return {
    Status: status,
    Effectiveness: effectiveness,
    Maturity: maturityFor(status, effectiveness, index),
    Owner: CONTROL_OWNERS[index % CONTROL_OWNERS.length],
    "Last Tested": lastTested,
    Evidence: evidenceFor(controlId, status, lastTested, index, today),
  };
}
