/** Flag parsing shared by the commands: unknown flags and missing arguments are usage errors (exit 2). */
import { parseArgs, ParseArgsConfig } from "node:util";
import { CliError, EXIT } from "./exitCodes";

type FlagSpec = NonNullable<ParseArgsConfig["options"]>;

export const JSON_FLAG = { json: { type: "boolean" } } as const;

/** The flags that choose what a workbook contains, as `new`, `upgrade` and `batch` take them. */
export const BUILD_OPTION_FLAGS = {
  profile: { type: "string" },
  frameworks: { type: "string" },
  matrix: { type: "string" },
  method: { type: "string" },
  soc2: { type: "string" },
  registers: { type: "string" },
  sample: { type: "boolean" },
} as const;

/** How a command that changes a file saves it. */
export const SAVE_FLAGS = {
  backup: { type: "boolean" },
  force: { type: "boolean" },
} as const;

export function parseFlags<const T extends FlagSpec>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}. Run "ismp ${command} --help".`, EXIT.usage);
  }
}

/** The one file argument a command takes, e.g. `ismp check <file>`. */
export function singleFile(command: string, positionals: string[], example: string): string {
  if (positionals.length === 0) throw new CliError(`Name the file, e.g. "ismp ${command} ${example}".`, EXIT.usage);
  if (positionals.length > 1) {
    throw new CliError(`Takes one file, got ${positionals.length}: ${positionals.join(" ")}. Quote names with spaces.`, EXIT.usage);
  }
  return positionals[0];
}
