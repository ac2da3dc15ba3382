/**
 * The task pane's other operations (coverage, heatmap, filter, add framework, snapshot) on the large
 * register: round trips and wall time. Operations still stubbed in src/excel are reported as skipped,
 * so they join the table by themselves when they land.
 */
import { operations } from "../src/excel";
import { run, type HeadlessWorkbook } from "../src/headless";
import { measured, skipped, timed, type Measurement } from "./measurement";
import type { RequestContext } from "../src/excel/officeApi";

const NOT_IMPLEMENTED = "Not implemented yet";

/** In this order: read-only first, then the ones that change the workbook. */
const CALLS: Array<{ label: string; call: (context: RequestContext) => Promise<unknown> }> = [
  { label: "readCoverage", call: (context) => operations.readCoverage(context) },
  { label: "readHeatmap", call: (context) => operations.readHeatmap(context) },
  { label: "filterRisksByCell (inherent 3×3)", call: (context) => operations.filterRisksByCell(context, "inherent", 3, 3) },
  { label: "clearRiskFilter", call: (context) => operations.clearRiskFilter(context) },
  { label: "addFramework (HIPAA)", call: (context) => operations.addFramework(context, "HIPAA") },
  { label: "takeSnapshot", call: (context) => operations.takeSnapshot(context) },
];

async function measureCall(large: HeadlessWorkbook, label: string, call: (context: RequestContext) => Promise<unknown>): Promise<Measurement[]> {
  const name = `${label} on 10k risks/2k assets`;
  large.stats.reset();
  try {
    const { ms } = await timed(() => run(large, call));
    return [measured(`${name}: round trips`, large.stats.syncs, "syncs"), measured(`${name}: headless wall time`, ms, "ms")];
  } catch (error) {
    if (error instanceof Error && error.message === NOT_IMPLEMENTED) return [skipped(name, "syncs", "not implemented in src/excel yet")];
    throw error;
  }
}

export async function measureOtherOperations(large: HeadlessWorkbook): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const { label, call } of CALLS) results.push(...(await measureCall(large, label, call)));
  return results;
}
