/** `ismp catalog`: the bundled framework catalogs and control library. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogExport } from "../../core/catalogExport";
import { crosswalkAgreement, describeAgreement, REVIEWED_CROSSWALKS, type CrosswalkAgreement, type ReviewedCrosswalk } from "../../core/controls/crosswalkReview";
import { JSON_FLAG, parseFlags } from "../args";
import { CliError, EXIT, ExitCode } from "../exitCodes";
import type { Out } from "../output";

export function catalogCommand(args: string[], out: Out): ExitCode {
  const { values, positionals } = parseFlags("catalog", args, { ...JSON_FLAG, reference: { type: "string" } });
  if (positionals.length > 0) throw new CliError(`Takes no file, got: ${positionals.join(" ")}.`, EXIT.usage);
  const catalog = catalogExport();
  const agreements = values.reference === undefined ? undefined : readAgreements(values.reference);
  if (values.json) out.log(JSON.stringify(agreements ? { ...catalog, crosswalkAgreement: agreements } : catalog));
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
    out.log(`${catalog.reviewedExclusions.length} NIST crosswalk pairs reviewed and deliberately not mapped`);
    for (const agreement of agreements ?? []) {
      out.log(describeAgreement(agreement));
      for (const pair of agreement.unreviewed.slice(0, 20))
        out.log(`  unreviewed: ${agreement.from} ${pair.from} - ${agreement.to} ${pair.to}: map it from one control or add it to src/core/controls/exclusions.ts with a reason`);
      for (const pair of agreement.stale.slice(0, 20)) out.log(`  stale exclusion: ${pair.from} - ${pair.to} (${pair.why})`);
    }
  }
  return EXIT.ok;
}

/** The library's agreement with each NIST crosswalk in DIR/crosswalks (the shared reference folder's layout). */
function readAgreements(dir: string): CrosswalkAgreement[] {
  return (Object.keys(REVIEWED_CROSSWALKS) as ReviewedCrosswalk[]).map((code) => {
    const path = join(dir, "crosswalks", REVIEWED_CROSSWALKS[code].file);
    if (!existsSync(path)) throw new CliError(`--reference: no crosswalk ${path}; give the folder that holds crosswalks/${REVIEWED_CROSSWALKS[code].file}.`, EXIT.usage);
    let records: Array<{ from_id?: unknown; to_id?: unknown }>;
    try {
      records = JSON.parse(readFileSync(path, "utf8")).records;
      if (!Array.isArray(records)) throw new Error("no records array");
    } catch (error) {
      throw new CliError(`--reference: ${path} is not a crosswalk file (${(error as Error).message}).`, EXIT.usage);
    }
    return crosswalkAgreement(code, records.map((r) => ({ from: String(r.from_id), to: String(r.to_id) })));
  });
}
