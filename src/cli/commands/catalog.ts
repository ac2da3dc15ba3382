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
    for (const fw of catalog.frameworks) {
      const { requirements, assessable, mapped, mappings } = fw.counts;
      out.log(`${fw.key.padEnd(13)} ${fw.name} (${fw.version})`);
      out.log(`${"".padEnd(13)} ${assessable} assessable of ${requirements} requirements; ${mapped} mapped by ${mappings} mappings; source: ${fw.source}`);
    }
    const records = catalog.controls.flatMap((c) => c.records);
    const byRelationship = new Map<string, number>();
    for (const r of records) byRelationship.set(r.relationship, (byRelationship.get(r.relationship) ?? 0) + 1);
    out.log(`${catalog.controls.length} library controls, ${records.length} mappings (${[...byRelationship].map(([rel, n]) => `${rel} ${n}`).join(", ")})`);
  }
  return EXIT.ok;
}
