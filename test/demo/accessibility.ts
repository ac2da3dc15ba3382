/** axe-core in the demo page, scoped to one element (the task pane), and a readable summary of what it finds. */
import type { AxeResults, ImpactValue } from "axe-core";
import type { Page } from "playwright-core";

const AXE_SCRIPT = require.resolve("axe-core/axe.min.js");

export interface Violation {
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

const BLOCKING: ReadonlyArray<ImpactValue | undefined> = ["serious", "critical"];

export const isBlocking = (violation: Violation) => BLOCKING.includes(violation.impact);

export async function auditAccessibility(page: Page, selector: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(
    (include) => (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe.run({ include: [include] }, { resultTypes: ["violations"] }),
    selector,
  );
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? undefined,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

export function describeViolations(where: string, violations: Violation[]): string {
  if (violations.length === 0) return `${where}: no accessibility violations`;
  const lines = violations.map((v) => `  [${v.impact ?? "unknown"}] ${v.rule}: ${v.help} (${v.targets.length}: ${v.targets.slice(0, 3).join(", ")})`);
  return `${where}: ${violations.length} accessibility violation${violations.length === 1 ? "" : "s"}\n${lines.join("\n")}`;
}

export interface Audit {
  where: string;
  violations: Violation[];
}

/** One paragraph for the end of the run: how many views were audited and every violation found. */
export function summarizeAudits(audits: Audit[]): string {
  const found = audits.filter((audit) => audit.violations.length > 0);
  const headline = `ACCESSIBILITY (axe-core): ${audits.length} task pane views audited, ${found.length} with violations`;
  return [headline, ...found.map((audit) => describeViolations(audit.where, audit.violations))].join("\n");
}
