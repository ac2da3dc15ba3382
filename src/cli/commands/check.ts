/** `ismp check`: problems by cell; exit code 1 when there are any. */
import { checkWorkbook } from "../../excel/check";
import { JSON_FLAG, parseFlags, singleFile } from "../args";
import { EXIT, ExitCode } from "../exitCodes";
import { Out, plural } from "../output";
import { openWorkbook, runOn } from "../workbookFile";

export async function checkCommand(args: string[], out: Out): Promise<ExitCode> {
  const { values, positionals } = parseFlags("check", args, JSON_FLAG);
  const file = singleFile("check", positionals, "client.xlsx");
  const workbook = await openWorkbook(file);
  const problems = await runOn(workbook, (context) => checkWorkbook(context));
  if (values.json) out.log(JSON.stringify({ file, problems }, null, 2));
  else if (problems.length === 0) out.log(`${file}: no problems found`);
  else {
    out.log(`${file}: ${plural(problems.length, "problem")}`);
    for (const p of problems) out.log(`  ${p.severity === "error" ? "error  " : "warning"} ${p.sheet}!${p.address}  ${p.message}`);
  }
  return problems.length > 0 ? EXIT.problems : EXIT.ok;
}
