/** Wording of operation results for the views. Pure. */
import type { BuildReport, Problem } from "../excel/operations";

export interface ReportLine {
  kind: "created" | "repaired" | "renamed" | "warning" | "note";
  text: string;
}

export function describeBuildReport(report: BuildReport): ReportLine[] {
  return [
    ...report.created.map((text) => ({ kind: "created" as const, text: `Created ${text}` })),
    ...report.repaired.map((text) => ({ kind: "repaired" as const, text: `Repaired ${text}` })),
    ...report.renamed.map(({ wanted, actual }) => ({
      kind: "renamed" as const,
      text: `A sheet named ${wanted} already exists and isn't ours; ours is '${actual}'.`,
    })),
    ...report.warnings.map((text) => ({ kind: "warning" as const, text })),
    ...(report.notes ?? []).map((text) => ({ kind: "note" as const, text })),
  ];
}

export function buildHeadline(report: BuildReport): string {
  const changes = report.created.length + report.repaired.length;
  if (changes === 0 && report.renamed.length === 0) return "The workbook was already up to date.";
  const parts = [
    report.created.length > 0 ? `${report.created.length} created` : "",
    report.repaired.length > 0 ? `${report.repaired.length} repaired` : "",
    report.renamed.length > 0 ? `${report.renamed.length} renamed` : "",
  ].filter(Boolean);
  return `Done: ${parts.join(", ")}.`;
}

export interface ProblemGroup {
  severity: Problem["severity"];
  title: string;
  problems: Problem[];
}

/** Errors first, then warnings; empty groups are left out. */
export function groupProblems(problems: Problem[]): ProblemGroup[] {
  const groups: ProblemGroup[] = [
    { severity: "error", title: "Errors", problems: problems.filter((p) => p.severity === "error") },
    { severity: "warning", title: "Warnings", problems: problems.filter((p) => p.severity === "warning") },
  ];
  return groups.filter((group) => group.problems.length > 0);
}

/** "'Risk Register'!B7" — quoted when the sheet name needs it, as Excel writes references. */
export function cellReference(sheet: string, address: string): string {
  const needsQuotes = !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return `${needsQuotes ? `'${sheet.replace(/'/g, "''")}'` : sheet}!${address}`;
}

export function percentText(fraction: number): string {
  return `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
}

export type WholeField = { ok: true; value: number } | { ok: false; message: string };

/** A whole number typed into a field ("100,000" and "100_000" allowed), with a message naming the field and the range. */
export function parseWholeField(text: string, label: string, min: number, max: number): WholeField {
  const value = Number(text.trim().replace(/[,_\s]/g, ""));
  if (text.trim() !== "" && Number.isInteger(value) && value >= min && value <= max) return { ok: true, value };
  return { ok: false, message: `${label} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}.` };
}
