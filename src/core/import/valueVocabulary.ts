/**
 * Other tools' words for the workbook's drop-down values. A synonym applies only where its
 * canonical value is one of the column's allowed values, so "Active" is Open for a risk, Implemented
 * for a control and Active for an asset. Every mapping that is not an exact match is listed in the
 * import preview, so none is silent.
 */
import { normaliseHeader } from "./headerMatch";

const SYNONYMS: Record<string, readonly string[]> = {
  // Risk treatment (ISO 31000 / 27005 words and other tools').
  mitigate: ["reduce", "treat", "remediate", "modify", "mitigation", "mitigated", "control", "fix"],
  accept: ["retain", "tolerate", "acceptance", "accepted"],
  transfer: ["share", "insure", "transferred", "outsource"],
  avoid: ["terminate", "eliminate", "avoided", "avoidance"],
  // Risk status.
  open: ["new", "identified", "to do", "todo", "submitted", "backlog", "active", "draft", "unmitigated"],
  "in treatment": ["in progress", "mitigating", "treating", "ongoing", "in remediation", "mitigation planned", "planned", "in review"],
  accepted: ["risk accepted", "accept", "acknowledged"],
  closed: ["done", "resolved", "complete", "completed", "retired", "archived"],
  // Control status.
  implemented: ["active", "done", "complete", "completed", "in place", "operational", "compliant", "effective"],
  "in progress": ["in progress", "ongoing", "implementing", "in review", "in_progress"],
  "not started": ["to do", "todo", "not implemented", "open", "new", "missing", "none"],
  planned: ["on hold", "scheduled", "backlog"],
  "partially implemented": ["partial", "partially", "partially compliant", "in part"],
  "not applicable": ["n/a", "na", "not relevant", "excluded", "deprecated", "out of scope"],
  // Severity and classification.
  critical: ["very high", "crit", "p1", "sev1", "blocker", "highest"],
  high: ["h", "p2", "sev2", "major"],
  medium: ["m", "med", "moderate", "p3", "sev3"],
  low: ["l", "p4", "sev4", "minor", "lowest"],
  confidential: ["sensitive"],
  restricted: ["secret", "highly confidential", "strictly confidential"],
  public: ["open", "unclassified"],
  internal: ["internal use", "internal only", "private"],
  // Asset status and type.
  retired: ["decommissioned", "eol", "end of life", "disposed"],
  application: ["app", "software", "saas"],
  system: ["server", "host", "vm", "virtual machine"],
  hardware: ["device", "laptop", "workstation", "endpoint"],
  information: ["data", "dataset", "database", "record"],
};

const YES = ["yes", "y", "true", "1", "x", "ja", "oui", "si"];
const NO = ["no", "n", "false", "0", "nein", "non"];

export const normaliseValue = (text: string): string => normaliseHeader(text).replace(/\s*\/\s*/g, "/");

/** The allowed value `text` names: exactly (case-insensitive), then by a synonym. */
export function choiceFor(text: string, allowed: readonly string[]): { value: string; exact: boolean } | undefined {
  const wanted = normaliseValue(text);
  const exact = allowed.find((v) => normaliseValue(v) === wanted);
  if (exact !== undefined) return { value: exact, exact: true };
  for (const value of allowed) {
    const synonyms = SYNONYMS[normaliseValue(value)];
    if (synonyms?.some((s) => normaliseValue(s) === wanted)) return { value, exact: false };
  }
  return undefined;
}

export function yesNoFor(text: string): "Yes" | "No" | undefined {
  const wanted = normaliseValue(text);
  if (YES.includes(wanted)) return "Yes";
  if (NO.includes(wanted)) return "No";
  return undefined;
}

/** Rank of a word on a low-to-high scale of five (very low 0 … very high 4), for levels a scale names otherwise. */
const LEVEL_WORDS: ReadonlyArray<readonly string[]> = [
  ["very low", "vl", "minimal", "negligible", "rare", "insignificant"],
  ["low", "l", "minor", "unlikely"],
  ["medium", "m", "med", "moderate", "possible"],
  ["high", "h", "major", "likely", "significant"],
  ["very high", "vh", "critical", "c", "severe", "almost certain", "catastrophic", "extreme"],
];

/**
 * The level (1…count) a generic word names on a scale of `count` levels: "Low/Medium/High" spread
 * over the scale (1, 2, 3 on three or four levels; 2, 3, 4 on five), "Very low"/"Very high" at its
 * ends. The preview lists each such reading.
 */
export function levelForWord(text: string, count: number): number | undefined {
  const wanted = normaliseValue(text);
  const rank = LEVEL_WORDS.findIndex((list) => list.includes(wanted));
  if (rank < 0 || count < 2) return undefined;
  if (rank === 0) return 1;
  if (rank === 4) return count;
  // Low, Medium, High: 1, 2, 3 on three or four levels; spread over the middle of larger scales.
  if (count <= 4) return Math.min(rank, count);
  return Math.min(count - 1, Math.max(2, Math.round(1 + (rank * (count - 1)) / 4)));
}
