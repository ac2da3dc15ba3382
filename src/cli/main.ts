/**
 * `ismp`: the add-in's workbook operations on .xlsx files, for consultants and scripts. The same
 * src/excel code that runs in Excel runs here on the headless host.
 */
import { OperationBlockedError } from "../excel/errors";
import { HeadlessOfficeError } from "../headless";
import { batchCommand } from "./commands/batch";
import { buildCommand } from "./commands/build";
import { catalogCommand } from "./commands/catalog";
import { checkCommand } from "./commands/check";
import { exportCommand } from "./commands/export";
import { frameworkCommand } from "./commands/framework";
import { importCommand } from "./commands/import";
import { quantifyCommand } from "./commands/quantify";
import { suggestCommand } from "./commands/suggest";
import { snapshotCommand } from "./commands/snapshot";
import { CliError, EXIT, ExitCode } from "./exitCodes";
import { COMMAND_HELP, HELP } from "./help";
import { Out, processOut } from "./output";

export { EXIT } from "./exitCodes";
export type { Out } from "./output";

const COMMANDS: Record<string, (args: string[], out: Out) => Promise<ExitCode> | ExitCode> = {
  new: (args, out) => buildCommand("new", args, out),
  upgrade: (args, out) => buildCommand("upgrade", args, out),
  check: checkCommand,
  snapshot: snapshotCommand,
  quantify: quantifyCommand,
  batch: batchCommand,
  catalog: catalogCommand,
  import: importCommand,
  export: exportCommand,
  suggest: suggestCommand,
  framework: frameworkCommand,
};

const isHelpFlag = (arg: string) => arg === "--help" || arg === "-h";

export async function main(argv: string[], out: Out = processOut): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (!command || isHelpFlag(command) || command === "help") {
    const topic = rest[0];
    if (topic && !COMMAND_HELP[topic]) return usageError(out, `No command "${topic}". Run "ismp --help" for the commands.`);
    out.log(topic ? COMMAND_HELP[topic] : HELP);
    return EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) return usageError(out, `Unknown command "${command}". Run "ismp --help" for the commands.`);
  if (rest.some(isHelpFlag)) {
    out.log(COMMAND_HELP[command]);
    return EXIT.ok;
  }
  try {
    return await run(rest, out);
  } catch (error) {
    const known = failureOf(error);
    if (!known) throw error;
    out.error(`ismp ${command}: ${known.message}`);
    // Scripts that asked for JSON get JSON on stdout even when the command fails.
    if (rest.includes("--json")) out.log(JSON.stringify({ ok: false, error: known.message, exitCode: known.exitCode }));
    return known.exitCode;
  }
}

function failureOf(error: unknown): { message: string; exitCode: ExitCode } | undefined {
  if (error instanceof CliError) return error;
  if (error instanceof OperationBlockedError) return { message: error.message, exitCode: EXIT.blocked };
  // A write the host refused because the sheet is protected: Excel's own wording, nothing saved.
  if (error instanceof HeadlessOfficeError && error.code === "AccessDenied") return { message: `${error.message} Nothing was saved.`, exitCode: EXIT.blocked };
  return undefined;
}

function usageError(out: Out, message: string): ExitCode {
  out.error(`ismp: ${message}`);
  return EXIT.usage;
}
