/** `ismp snapshot`: appends today's KPIs to the KPI History table. */
import { operations } from "../../excel";
import { JSON_FLAG, parseFlags, singleFile } from "../args";
import { EXIT, ExitCode } from "../exitCodes";
import type { Out } from "../output";
import { assertWritable, openWorkbook, runOn, saveWorkbook } from "../workbookFile";

export async function snapshotCommand(args: string[], out: Out): Promise<ExitCode> {
  const { values, positionals } = parseFlags("snapshot", args, JSON_FLAG);
  const file = singleFile("snapshot", positionals, "client.xlsx");
  const workbook = await openWorkbook(file);
  assertWritable(file);
  const snapshot = await runOn(workbook, (context) => operations.takeSnapshot(context));
  const cachedValues = await saveWorkbook(workbook, file);
  if (values.json) out.log(JSON.stringify({ file, ...snapshot, cachedValues }, null, 2));
  else out.log(`${file}: KPIs dated ${snapshot.date} added to KPI History (${snapshot.rows} rows)`);
  return EXIT.ok;
}
