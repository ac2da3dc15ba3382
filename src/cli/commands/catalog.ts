/** `ismp catalog`: the bundled framework catalogs and control library. */
import { catalogExport } from "../../core/catalogExport";
import { JSON_FLAG, parseFlags } from "../args";
import { CliError, EXIT, ExitCode } from "../exitCodes";
import type { Out } from "../output";

export function catalogCommand(args: string[], out: Out): ExitCode {
  const { values, positionals } = parseFlags("catalog", args, JSON_FLAG);
  if (positionals.length > 0) throw new CliError(`Takes no file, got: ${positionals.join(" ")}.`, EXIT.usage);
  const catalog = catalogExport();
  if (values.json) out.log(JSON.stringify(catalog));
  else {
    for (const fw of catalog.frameworks) out.log(`${fw.key.padEnd(11)} ${fw.name} (${fw.version}): ${fw.requirements.length} requirements`);
    out.log(`${catalog.controls.length} library controls`);
  }
  return EXIT.ok;
}
