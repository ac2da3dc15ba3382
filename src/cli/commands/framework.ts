/** `ismp framework add`: a framework the add-in does not ship, from the user's own catalog file. */
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { assessableCount, jsonCatalogGrid } from "../../core/catalogs/customFramework";
import { addFrameworkFromFile } from "../../excel/customFramework";
import { JSON_FLAG, parseFlags, SAVE_FLAGS } from "../args";
import { CliError, EXIT, ExitCode } from "../exitCodes";
import { Out, plural } from "../output";
import { readSourceFile } from "../sourceFile";
import { assertSafeToSave, openWorkbook, runOn, saveWorkbook } from "../workbookFile";

const FLAGS = {
  key: { type: "string" },
  name: { type: "string" },
  "full-name": { type: "string" },
  sheet: { type: "string" },
  mappings: { type: "string" },
  "dry-run": { type: "boolean" },
  ...SAVE_FLAGS,
  ...JSON_FLAG,
} as const;

const USAGE = 'ismp framework add <workbook.xlsx> <catalog.csv|xlsx|json> --key KEY [--name NAME]';

async function catalogGrid(path: string, sheet: string | undefined) {
  if (extname(path).toLowerCase() !== ".json") return (await readSourceFile(path, sheet)).grid;
  if (sheet) throw new CliError(`--sheet applies to .xlsx files; ${path} is read as JSON.`, EXIT.usage);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new CliError(`No such file: ${path}`, EXIT.usage);
  }
  const read = jsonCatalogGrid(text);
  if ("problem" in read) throw new CliError(`${path}: ${read.problem.message}`, EXIT.usage);
  return read.grid;
}

export async function frameworkCommand(args: string[], out: Out): Promise<ExitCode> {
  const [action, ...rest] = args;
  if (action !== "add") throw new CliError(`ismp framework takes "add", e.g. "${USAGE}"; got "${action ?? ""}".`, EXIT.usage);
  const { values, positionals } = parseFlags("framework", rest, FLAGS);
  if (positionals.length !== 2) throw new CliError(`Name the workbook and the catalog file, e.g. "${USAGE}".`, EXIT.usage);
  const [file, catalog] = positionals;
  if (!values.key) throw new CliError(`--key is required: the key formulas and commands use for your framework, e.g. --key ACME-SEC. ${USAGE}`, EXIT.usage);
  const save = { backup: values.backup, force: values.force };
  const dryRun = values["dry-run"] ?? false;
  if (!dryRun) assertSafeToSave(file, save);
  const grid = await catalogGrid(catalog, values.sheet);
  const mappings = values.mappings ? { name: basename(values.mappings), grid: (await readSourceFile(values.mappings)).grid } : undefined;
  const workbook = await openWorkbook(file);
  const result = await runOn(workbook, (context) =>
    addFrameworkFromFile(context, { grid, key: values.key!, name: values.name, fullName: values["full-name"], source: basename(catalog), dryRun, mappings }),
  );
  if (!result.ok) {
    if (values.json) out.log(JSON.stringify({ ok: false, file, catalog, problems: result.problems }, null, 2));
    else {
      out.log(`${catalog}: ${plural(result.problems.length, "problem")}; nothing was written to ${file}.`);
      for (const p of result.problems) out.log(`  ${p.row > 0 ? `row ${p.row}, ` : ""}${p.column}: ${p.message}`);
    }
    return EXIT.problems;
  }
  const { framework, report } = result;
  const notes = [...result.notes, ...(report?.notes ?? [])];
  if (!dryRun) await saveWorkbook(workbook, file, save);
  const assessable = assessableCount(framework);
  if (values.json) {
    out.log(JSON.stringify({ ok: true, file, dryRun, key: framework.key, name: framework.shortName, requirements: framework.requirements.length, assessable, notes, mappings: result.mappings, created: report?.created ?? [], syncs: report?.syncs }, null, 2));
  } else {
    out.log(`${dryRun ? "Would add" : "Added"} ${framework.shortName} (${framework.key}) to ${file}: ${plural(framework.requirements.length, "requirement")} read from ${catalog}${report ? ` (${report.syncs} round trips)` : ""}`);
    for (const line of report?.created ?? []) out.log(`  + ${line}`);
    for (const line of notes) out.log(`  = ${line}`);
    if (result.mappings) out.log(`  = ${plural(result.mappings.read, "mapping")} read from ${values.mappings}; ${plural(result.mappings.rowsAdded, "Mappings row")} added (pairs already there are kept as they are).`);
    if (!dryRun) out.log(`  = Map your controls in the Control Matrix's "${framework.shortName}" column or the Mappings sheet; =ISMP.COVERAGE("${framework.key}", …) computes its coverage.`);
  }
  return EXIT.ok;
}
