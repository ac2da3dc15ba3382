/** `ismp snapshot`: appends today's KPIs to the History table. */
import { operations } from "../../excel";
import { JSON_FLAG, parseFlags, singleFile } from "../args";
import { CliError, EXIT, ExitCode } from "../exitCodes";
import type { Out } from "../output";
import { assertWritable, openWorkbook, runOn, saveWorkbook } from "../workbookFile";

export async function snapshotCommand(args: string[], out: Out): Promise<ExitCode> {
  const { values, positionals } = parseFlags("snapshot", args, JSON_FLAG);
  const file = singleFile("snapshot", positionals, "client.xlsx");
  const workbook = await openWorkbook(file);
  assertWritable(file);
  const snapshot = await runOn(workbook, (context) => takeSnapshot(context));
  await saveWorkbook(workbook, file);
  if (values.json) out.log(JSON.stringify({ file, ...snapshot }, null, 2));
  else out.log(`${file}: KPIs dated ${snapshot.date} added to History (${snapshot.rows} rows)`);
  return EXIT.ok;
}

async function takeSnapshot(context: Excel.RequestContext): Promise<{ date: string; rows: number }> {
  try {
    return await operations.takeSnapshot(context);
  } catch (error) {
    // The operations entry point throws this until the History snapshot ships.
    if ((error as Error).message === "Not implemented yet") {
      throw new CliError("snapshots are not available yet in this version of ismp; nothing was changed.", EXIT.usage);
    }
    throw error;
  }
}
