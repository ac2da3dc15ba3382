/** `ismp suggest`: requirement IDs for the workbook's unmapped controls, and writing the ones accepted. */
import { resolveFrameworkKey } from "../../core/catalogs";
import { readWorkbookCatalogs } from "../../excel/settings";
import { acceptSuggestion, suggestForControls } from "../../excel/suggestions";
import { JSON_FLAG, parseFlags, SAVE_FLAGS, singleFile } from "../args";
import { CliError, EXIT, ExitCode } from "../exitCodes";
import { Out } from "../output";
import { assertSafeToSave, openWorkbook, runOn, saveWorkbook } from "../workbookFile";

const FLAGS = { framework: { type: "string" }, all: { type: "boolean" }, accept: { type: "string", multiple: true }, by: { type: "string" }, ...SAVE_FLAGS, ...JSON_FLAG } as const;

export async function suggestCommand(args: string[], out: Out): Promise<ExitCode> {
  const { values, positionals } = parseFlags("suggest", args, FLAGS);
  const file = singleFile("suggest", positionals, "client.xlsx --framework ISO27001");
  const accepts = (values.accept ?? []).map((pair) => {
    const m = /^([^=]+)=(.+)$/.exec(pair);
    if (!m) throw new CliError(`--accept takes CONTROL=REQUIREMENT, e.g. --accept C-101=A.5.15; got "${pair}".`, EXIT.usage);
    return { controlId: m[1].trim(), requirementId: m[2].trim() };
  });
  if (accepts.length > 0 && !values.by) throw new CliError('Say who accepts the suggestions with --by "Name": the mapping record names them.', EXIT.usage);
  const save = { backup: values.backup, force: values.force };
  if (accepts.length > 0) assertSafeToSave(file, save);
  const workbook = await openWorkbook(file);
  // The workbook's own frameworks (added from a file) are known once its memory is read.
  await runOn(workbook, readWorkbookCatalogs);
  const framework = values.framework ? resolveFrameworkKey(values.framework) : undefined;
  if (!framework) throw new CliError(`--framework must name a framework, e.g. ISO27001, NISTCSF, SOC2 or one the workbook added; got "${values.framework ?? ""}".`, EXIT.usage);
  const found = await runOn(workbook, (context) => suggestForControls(context, framework, values.all));
  if (accepts.length === 0) {
    if (values.json) out.log(JSON.stringify({ file, framework, controls: found }, null, 2));
    else {
      out.log(`${file}: suggestions for ${found.length} control${found.length === 1 ? "" : "s"} ${values.all ? "" : "without a mapping "}in ${framework}`);
      for (const control of found) {
        out.log(`  ${control.controlId} ${control.name}`);
        for (const s of control.suggestions) out.log(`    ${s.requirementId}  ${Math.round(s.score * 100)}%  ${s.label}  (matched: ${s.words.join(", ")})`);
      }
    }
    return EXIT.ok;
  }
  const written: string[] = [];
  for (const accept of accepts) {
    const control = found.find((c) => c.controlId.toLowerCase() === accept.controlId.toLowerCase());
    const suggestion = control?.suggestions.find((s) => s.requirementId.toLowerCase() === accept.requirementId.toLowerCase());
    if (!control || !suggestion) throw new CliError(`${accept.requirementId} is not among the suggestions for ${accept.controlId} (run without --accept to see them); nothing was written.`, EXIT.usage);
    await runOn(workbook, (context) => acceptSuggestion(context, { controlId: control.controlId, framework, suggestion, acceptedBy: values.by! }));
    written.push(`${control.controlId} → ${suggestion.requirementId}`);
  }
  await saveWorkbook(workbook, file, save);
  out.log(values.json ? JSON.stringify({ file, framework, accepted: written }, null, 2) : `${file}: accepted ${written.join(", ")}`);
  return EXIT.ok;
}
