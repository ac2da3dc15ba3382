/**
 * `ismp`: the add-in's workbook operations on .xlsx files, for consultants and scripts. The same
 * src/excel code that runs in Excel runs here on the headless host.
 */
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { parseBuildOptions } from "../core/blueprint/parseOptions";
import { catalogExport } from "../core/catalogExport";
import { buildWorkbook } from "../excel/build";
import { checkWorkbook } from "../excel/check";
import { OperationBlockedError } from "../excel/errors";
import { CliError, newWorkbook, openWorkbook, runOn, saveWorkbook } from "./workbookFile";
import { HELP, COMMAND_HELP } from "./help";

export const EXIT = { ok: 0, problems: 1, usage: 2, blocked: 3 } as const;

type Out = { log: (text: string) => void; error: (text: string) => void };
const console_: Out = { log: (t) => process.stdout.write(t + "\n"), error: (t) => process.stderr.write(t + "\n") };

const BUILD_FLAGS = {
  profile: { type: "string" },
  frameworks: { type: "string" },
  matrix: { type: "string" },
  method: { type: "string" },
  org: { type: "string" },
  sample: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export async function main(argv: string[], out: Out = console_): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      out.log(rest[0] && COMMAND_HELP[rest[0]] ? COMMAND_HELP[rest[0]] : HELP);
      return EXIT.ok;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      out.log(COMMAND_HELP[command] ?? HELP);
      return COMMAND_HELP[command] ? EXIT.ok : EXIT.usage;
    }
    switch (command) {
      case "new":
        return await buildCommand(rest, out, false);
      case "upgrade":
        return await buildCommand(rest, out, true);
      case "check":
        return await checkCommand(rest, out);
      case "catalog":
        return catalogCommand(rest, out);
      default:
        throw new CliError(`Unknown command "${command}". Run "ismp --help" for the commands.`, EXIT.usage);
    }
  } catch (error) {
    if (error instanceof CliError) {
      out.error(`ismp ${command}: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof OperationBlockedError) {
      out.error(`ismp ${command}: ${error.message}`);
      return EXIT.blocked;
    }
    if (error instanceof TypeError && /parseArgs|option|argument/i.test(error.message)) {
      out.error(`ismp ${command}: ${error.message}. Run "ismp ${command} --help".`);
      return EXIT.usage;
    }
    throw error;
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: BUILD_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}`, EXIT.usage);
  }
}

async function buildCommand(args: string[], out: Out, upgrade: boolean): Promise<number> {
  const { values, positionals } = parse(args);
  const file = positionals[0];
  if (!file) throw new CliError(`Name the workbook file, e.g. "ismp ${upgrade ? "upgrade" : "new"} client.xlsx".`, EXIT.usage);
  const parsed = parseBuildOptions({ ...values, sample: values.sample ?? false });
  if (!parsed.ok) throw new CliError(parsed.errors.map((e) => e.message).join("; "), EXIT.usage);
  if (!upgrade && existsSync(file)) throw new CliError(`${file} already exists; use "ismp upgrade ${file}" to update it.`, EXIT.usage);

  const workbook = upgrade ? await openWorkbook(file) : newWorkbook();
  const report = await runOn(workbook, async (context) => {
    const result = await buildWorkbook(context, parsed.options);
    if (!upgrade) await removeBlankStarterSheet(context);
    return result;
  });
  await saveWorkbook(workbook, file);
  if (values.json) out.log(JSON.stringify({ file, ...report }, null, 2));
  else {
    out.log(`${upgrade ? "Upgraded" : "Created"} ${file} (${report.syncs} round trips)`);
    for (const line of report.created) out.log(`  + ${line}`);
    for (const line of report.repaired) out.log(`  ~ ${line}`);
    for (const r of report.renamed) out.log(`  ! A sheet named "${r.wanted}" is not ours; ours is "${r.actual}"`);
    for (const line of report.warnings) out.log(`  ! ${line}`);
  }
  return EXIT.ok;
}

/** A new workbook starts with an empty "Sheet1"; the scaffold replaces it. */
async function removeBlankStarterSheet(context: Excel.RequestContext): Promise<void> {
  const starter = context.workbook.worksheets.getItemOrNullObject("Sheet1");
  const used = starter.getUsedRangeOrNullObject(true);
  await context.sync();
  if (!starter.isNullObject && used.isNullObject) {
    starter.delete();
    await context.sync();
  }
}

async function checkCommand(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args);
  const file = positionals[0];
  if (!file) throw new CliError(`Name the workbook file, e.g. "ismp check client.xlsx".`, EXIT.usage);
  const workbook = await openWorkbook(file);
  const problems = await runOn(workbook, (context) => checkWorkbook(context));
  if (values.json) out.log(JSON.stringify({ file, problems }, null, 2));
  else if (problems.length === 0) out.log(`${file}: no problems found`);
  else {
    out.log(`${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    for (const p of problems) out.log(`  ${p.severity === "error" ? "error  " : "warning"} ${p.sheet}!${p.address}  ${p.message}`);
  }
  return problems.length > 0 ? EXIT.problems : EXIT.ok;
}

function catalogCommand(args: string[], out: Out): number {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } }, allowPositionals: false, strict: true });
  const catalog = catalogExport();
  if (values.json) out.log(JSON.stringify(catalog));
  else {
    for (const fw of catalog.frameworks) out.log(`${fw.key.padEnd(11)} ${fw.name} (${fw.version}): ${fw.requirements.length} requirements`);
    out.log(`${catalog.controls.length} library controls`);
  }
  return EXIT.ok;
}
