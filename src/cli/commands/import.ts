/** `ismp import`: rows from another tool's CSV or a spreadsheet into a register, previewed first. */
import { writeFileSync } from "node:fs";
import { IMPORT_MODES, ImportMode, mappingToSave, MappingFileError, parseMappingFile, Profile, profileByKey, PROFILE_KEYS, GENERIC_PROFILE_KEY, SavedMapping } from "../../core/import";
import { DateOrder } from "../../core/import/cellText";
import { readFileSync, existsSync } from "node:fs";
import { importIntoRegister, ImportRefusedError, ImportResult } from "../../excel/importRegister";
import { JSON_FLAG, parseFlags, SAVE_FLAGS } from "../args";
import { CliError, EXIT, ExitCode } from "../exitCodes";
import { Out, plural } from "../output";
import { readSourceFile } from "../sourceFile";
import { assertSafeToSave, openWorkbook, runOn, saveWorkbook } from "../workbookFile";

const FLAGS = {
  into: { type: "string" },
  profile: { type: "string" },
  map: { type: "string" },
  mode: { type: "string" },
  sheet: { type: "string" },
  "date-order": { type: "string" },
  "dry-run": { type: "boolean" },
  "skip-invalid": { type: "boolean" },
  "save-map": { type: "string" },
  ...SAVE_FLAGS,
  ...JSON_FLAG,
} as const;

/** How many problems the text report lists before it says how many more there are. */
const SHOWN_PROBLEMS = 40;

function chosenProfile(name: string | undefined): Profile | undefined {
  if (!name || name.toLowerCase() === GENERIC_PROFILE_KEY) return undefined;
  const profile = profileByKey(name);
  if (!profile) throw new CliError(`Unknown profile "${name}". Profiles: ${PROFILE_KEYS.join(", ")}.`, EXIT.usage);
  return profile;
}

function chosenMapping(path: string | undefined): SavedMapping | undefined {
  if (!path) return undefined;
  if (!existsSync(path)) throw new CliError(`No such mapping file: ${path}`, EXIT.usage);
  try {
    return parseMappingFile(readFileSync(path, "utf8"), path);
  } catch (error) {
    if (error instanceof MappingFileError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}

function report(out: Out, file: string, result: ImportResult, dryRun: boolean): void {
  const { preview, matches, source, dateOrder } = result.prepared;
  out.log(`${source.name} → ${file} ▸ ${preview.register}: header on row ${source.headerRowNumber}, ${plural(source.rows.length, "data row")}, dates read ${dateOrder === "dmy" ? "day first" : "month first"}`);
  out.log("Columns:");
  for (const m of matches.filter((m) => m.source)) out.log(`  ${m.source} → ${m.target ?? "(not imported)"}${m.how && m.target ? `  [${m.how}]` : ""}`);
  for (const ignored of preview.ignoredColumns.filter((c) => !c.reason.startsWith("not matched"))) out.log(`  ${ignored.column}: not imported (${ignored.reason})`);
  if (preview.readings.length > 0) {
    out.log("Values read as:");
    for (const r of preview.readings) out.log(`  ${r.field}: ${r.how}${r.count > 1 ? ` (${r.count} rows)` : ""}`);
  }
  out.log(`Rows: ${preview.adds.length} to add, ${preview.updates.length} to update, ${preview.skipped.length} skipped, ${preview.rejected.length} with errors`);
  for (const p of preview.problems.slice(0, SHOWN_PROBLEMS)) out.log(`  ${p.severity === "error" ? "error  " : "warning"} ${p.message}`);
  if (preview.problems.length > SHOWN_PROBLEMS) out.log(`  … and ${preview.problems.length - SHOWN_PROBLEMS} more (--json lists them all)`);
  for (const u of preview.unknownValues) {
    out.log(`  ${u.field} has values it does not allow: ${u.values.map((v) => `"${v.value}"`).join(", ")}; allowed: ${u.allowed.join(", ")}. Map them under "values" in a mapping file (--map).`);
  }
  if (dryRun) out.log("Dry run: nothing was written.");
}

export async function importCommand(args: string[], out: Out): Promise<ExitCode> {
  const { values, positionals } = parseFlags("import", args, FLAGS);
  if (positionals.length !== 2) throw new CliError('Name the workbook and the file to import, e.g. "ismp import client.xlsx risks.csv --into Risks".', EXIT.usage);
  const [file, sourcePath] = positionals;
  const mode = (values.mode ?? "add").toLowerCase() as ImportMode;
  if (!IMPORT_MODES.includes(mode)) throw new CliError(`--mode must be one of ${IMPORT_MODES.join(", ")}; got "${values.mode}".`, EXIT.usage);
  const dateOrder = values["date-order"]?.toLowerCase() as DateOrder | undefined;
  if (dateOrder && dateOrder !== "dmy" && dateOrder !== "mdy") throw new CliError(`--date-order must be dmy (23/11/2026) or mdy (11/23/2026); got "${values["date-order"]}".`, EXIT.usage);
  const mapping = chosenMapping(values.map);
  const profile = chosenProfile(values.profile ?? mapping?.profile);
  const register = values.into ?? mapping?.register ?? profile?.register;
  if (!register) throw new CliError('Say which register to import into, e.g. "--into Risks" (or choose a --profile).', EXIT.usage);
  const dryRun = values["dry-run"] === true;
  const save = { backup: values.backup, force: values.force };
  if (!dryRun) assertSafeToSave(file, save);

  const source = await readSourceFile(sourcePath, values.sheet);
  const workbook = await openWorkbook(file);
  let result: ImportResult;
  try {
    result = await runOn(workbook, (context) =>
      importIntoRegister(context, {
        register,
        sourceName: source.name,
        grid: source.grid,
        choices: { profile, mapping, dateOrder, mode },
        apply: !dryRun,
        skipInvalid: values["skip-invalid"],
      }),
    );
  } catch (error) {
    if (error instanceof ImportRefusedError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
  const { preview } = result.prepared;
  if (values["save-map"]) {
    const saved = mappingToSave(preview.register, result.prepared.matches, mapping?.values, result.prepared.dateOrder, profile?.key);
    writeFileSync(values["save-map"], JSON.stringify(saved, null, 2) + "\n");
  }
  let cachedValues;
  if (result.written && result.written.added + result.written.updated > 0) cachedValues = await saveWorkbook(workbook, file, save);
  if (values.json) {
    out.log(JSON.stringify({ file, source: source.name, format: source.format, mode, dryRun, written: result.written ?? null, syncs: result.syncs, preview, columns: result.prepared.matches, cachedValues }, null, 2));
  } else {
    report(out, file, result, dryRun);
    if (result.written) out.log(`${file}: ${plural(result.written.added, "row")} added and ${plural(result.written.updated, "row")} updated in ${preview.register}`);
    else if (!dryRun) out.log(`Nothing was written: fix the rows above, map their values in a mapping file (--map), or add --skip-invalid to import only the valid rows.`);
  }
  const failed = preview.rejected.length > 0;
  return failed ? EXIT.problems : EXIT.ok;
}
