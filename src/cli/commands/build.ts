/** `ismp new` and `ismp upgrade`. */
import { scopeRequestFromFields } from "../../core/plan/scope";
import { BUILD_OPTION_FLAGS, JSON_FLAG, parseFlags, SAVE_FLAGS, singleFile } from "../args";
import { buildWorkbookFile, BuildMode, type BuildFileReport } from "../buildFile";
import { CliError, EXIT, ExitCode } from "../exitCodes";
import type { Out } from "../output";

const FLAGS = { ...BUILD_OPTION_FLAGS, org: { type: "string" }, ...SAVE_FLAGS, ...JSON_FLAG } as const;

export async function buildCommand(mode: BuildMode, args: string[], out: Out): Promise<ExitCode> {
  const { values, positionals } = parseFlags(mode, args, FLAGS);
  const file = singleFile(mode, positionals, "client.xlsx");
  // Only the flags given: a plain upgrade keeps the workbook's own scope.
  const parsed = scopeRequestFromFields({ ...values, org: values.org, sample: values.sample ?? false });
  if (!parsed.ok) throw new CliError(parsed.errors.map((e) => e.message).join("; "), EXIT.usage);

  const report = await buildWorkbookFile(file, parsed.request, mode, { backup: values.backup, force: values.force });
  if (values.json) out.log(JSON.stringify({ file, ...report }, null, 2));
  else printReport(out, `${mode === "upgrade" ? "Upgraded" : "Created"} ${file}`, report);
  return EXIT.ok;
}

function printReport(out: Out, heading: string, report: BuildFileReport): void {
  out.log(`${heading} (${report.syncs} round trips)`);
  for (const line of report.created) out.log(`  + ${line}`);
  for (const line of report.repaired) out.log(`  ~ ${line}`);
  for (const r of report.renamed) out.log(`  ! A sheet named "${r.wanted}" is not ours; ours is "${r.actual}"`);
  for (const line of report.warnings) out.log(`  ! ${line}`);
  for (const line of report.notes) out.log(`  = ${line}`);
  out.log(`  = ${cachedValuesLine(report.cachedValues)}`);
}

/** "Saved 1417 of 1419 formula values; 2 left for Excel to calculate (custom function ISMP.COVERAGE: 2)". */
function cachedValuesLine({ formulaCells, withValue, withoutValue, withoutValueBy }: BuildFileReport["cachedValues"]): string {
  const saved = `Saved ${withValue} of ${formulaCells} formula values`;
  if (withoutValue === 0) return saved;
  const reasons = Object.entries(withoutValueBy).map(([reason, count]) => `${reason}: ${count}`).join("; ");
  return `${saved}; ${withoutValue} left for Excel to calculate on open (${reasons})`;
}
