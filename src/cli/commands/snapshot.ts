/** `ismp snapshot`: appends today's KPIs to the KPI History table. */
import { operations } from "../../excel";
import { JSON_FLAG, parseFlags, SAVE_FLAGS, singleFile } from "../args";
import { EXIT, ExitCode } from "../exitCodes";
import type { Out } from "../output";
import { assertSafeToSave, openWorkbook, runOn, saveWorkbook } from "../workbookFile";

export async function snapshotCommand(args: string[], out: Out): Promise<ExitCode> {
  const { values, positionals } = parseFlags("snapshot", args, { ...SAVE_FLAGS, ...JSON_FLAG });
  const file = singleFile("snapshot", positionals, "client.xlsx");
  const save = { backup: values.backup, force: values.force };
  assertSafeToSave(file, save);
  const workbook = await openWorkbook(file);
  const snapshot = await runOn(workbook, (context) => operations.takeSnapshot(context));
  const cachedValues = await saveWorkbook(workbook, file, save);
  if (values.json) out.log(JSON.stringify({ file, ...snapshot, cachedValues }, null, 2));
  else out.log(`${file}: KPIs dated ${snapshot.date} added to KPI History (${snapshot.rows} rows)`);
  return EXIT.ok;
}
