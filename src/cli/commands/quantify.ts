/** `ismp quantify`: simulates the quantified risks and writes the Loss Exceedance sheet. */
import { DEFAULT_SEED, DEFAULT_YEARS, MAX_YEARS } from "../../core/quant";
import { MAX_SEED } from "../../functions/lossFunctions";
import { operations } from "../../excel";
import { JSON_FLAG, parseFlags, singleFile } from "../args";
import { CliError, EXIT, ExitCode } from "../exitCodes";
import { Out, plural } from "../output";
import { assertWritable, openWorkbook, runOn, saveWorkbook } from "../workbookFile";

const FLAGS = { years: { type: "string" }, seed: { type: "string" }, ...JSON_FLAG } as const;

function wholeFlag(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/[_,]/g, ""));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CliError(`--${name} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}; got "${text}"`, EXIT.usage);
  }
  return value;
}

const money = (value: number) => Math.round(value).toLocaleString("en");

export async function quantifyCommand(args: string[], out: Out): Promise<ExitCode> {
  const { values, positionals } = parseFlags("quantify", args, FLAGS);
  const file = singleFile("quantify", positionals, "client.xlsx");
  const years = wholeFlag("years", values.years, DEFAULT_YEARS, 1, MAX_YEARS);
  const seed = wholeFlag("seed", values.seed, DEFAULT_SEED, 0, MAX_SEED);
  const workbook = await openWorkbook(file);
  assertWritable(file);
  const started = performance.now();
  const summary = await runOn(workbook, (context) => operations.quantify(context, { years, seed, yieldToHost: () => Promise.resolve() }));
  const seconds = (performance.now() - started) / 1000;
  await saveWorkbook(workbook, file);
  if (values.json) {
    out.log(JSON.stringify({ file, ...summary, seconds: Number(seconds.toFixed(2)) }, null, 2));
    return EXIT.ok;
  }
  out.log(`${file}: ${plural(summary.risks, "risk")} x ${summary.years.toLocaleString("en")} years (seed ${summary.seed}) in ${seconds.toFixed(1)} s`);
  out.log(`  Expected annual loss  inherent ${money(summary.expectedInherent)}  residual ${money(summary.expectedResidual)}`);
  out.log(`  P90 annual loss       inherent ${money(summary.p90Inherent)}  residual ${money(summary.p90Residual)}`);
  out.log(`  Written to the Loss Exceedance sheet (${summary.thresholds} thresholds).`);
  for (const skipped of summary.skipped) out.log(`  ! skipped ${skipped.address}: ${skipped.message}`);
  return EXIT.ok;
}
