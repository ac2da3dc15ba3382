/**
 * `ismp batch clients.csv --out <dir>`: one workbook per client row. A bad row is reported with its
 * row number and field and the other rows are still built; an existing file is upgraded in place,
 * never overwritten.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OptionFields } from "../../core/blueprint/parseOptions";
import { scopeRequestFromFields } from "../../core/plan/scope";
import { OperationBlockedError } from "../../excel/errors";
import type { CachedValuesReport } from "../../headless";
import { BUILD_OPTION_FLAGS, JSON_FLAG, parseFlags, SAVE_FLAGS, singleFile } from "../args";
import { decodeCsv } from "../batch/csvText";
import { ClientField, ClientRow, parseClientList, RowError } from "../batch/clientsCsv";
import { progressBar } from "../batch/progress";
import { uniqueSlugs } from "../batch/slug";
import { buildWorkbookFile } from "../buildFile";
import { CliError, EXIT, ExitCode } from "../exitCodes";
import type { Out } from "../output";
import type { SaveOptions } from "../workbookFile";

const FLAGS = { out: { type: "string", short: "o" }, ...BUILD_OPTION_FLAGS, ...SAVE_FLAGS, ...JSON_FLAG } as const;

export type RowStatus = "built" | "upgraded" | "failed";

export interface RowResult {
  row: number;
  client: string;
  file: string;
  status: RowStatus;
  errors: RowError[];
  /** Formula cells written with and without a cached value; absent for a failed row. */
  cachedValues?: CachedValuesReport;
}

export async function batchCommand(args: string[], out: Out): Promise<ExitCode> {
  const { values, positionals } = parseFlags("batch", args, FLAGS);
  const csvPath = singleFile("batch", positionals, "clients.csv --out workbooks");
  const { out: outDir = ".", json, backup, force, ...defaults } = values;
  const csv = readCsv(csvPath);
  if (csv.encoding !== "UTF-8" && !json) out.error(`Reading ${csvPath} as ${csv.encoding} text.`);
  const list = parseClientList(csv.text);
  if (list.rows.length === 0) throw new CliError(`${csvPath} has a header but no client rows.`, EXIT.usage);
  if (list.ignoredColumns.length > 0 && !json) out.error(`Ignoring unknown columns: ${list.ignoredColumns.join(", ")}`);

  const slugs = uniqueSlugs(
    list.rows.map((r) => r.client),
    (i) => `client-row-${list.rows[i].row}`,
  );
  const bar = json || !out.progress ? undefined : progressBar(out.progress, list.rows.length);
  const results: RowResult[] = [];
  for (const [i, row] of list.rows.entries()) {
    const result = await buildRow(row, join(outDir, `${slugs[i]}.xlsx`), defaults, { backup, force, folder: outDir });
    results.push(result);
    bar?.step(i + 1, result.status === "failed" ? `${row.client || "(no name)"}: failed` : row.client);
  }
  bar?.finish();

  const count = (status: RowStatus) => results.filter((r) => r.status === status).length;
  const totals = { built: count("built"), upgraded: count("upgraded"), failed: count("failed") };
  if (json) out.log(JSON.stringify({ csv: csvPath, out: outDir, ...totals, ignoredColumns: list.ignoredColumns, rows: results }, null, 2));
  else {
    for (const error of results.flatMap((r) => r.errors)) out.error(formatRowError(error));
    out.log(summary(totals));
  }
  return totals.failed > 0 ? EXIT.problems : EXIT.ok;
}

function readCsv(path: string) {
  if (!existsSync(path)) throw new CliError(`No such file: ${path}`, EXIT.usage);
  return decodeCsv(readFileSync(path), path);
}

async function buildRow(row: ClientRow, file: string, defaults: Omit<OptionFields, "org">, save: SaveOptions): Promise<RowResult> {
  const failed = (errors: RowError[]): RowResult => ({ row: row.row, client: row.client, file, status: "failed", errors });
  // A malformed row's cells are not what the user meant: report only that.
  if (row.errors.length > 0) return failed(row.errors);
  const parsed = scopeRequestFromFields({ ...defaults, ...row.fields, org: row.client });
  if (!parsed.ok) return failed(parsed.errors.map((e) => ({ row: row.row, field: columnOf(e.field), message: withoutFieldName(e.message) })));

  const mode = existsSync(file) ? "upgrade" : "new";
  // The client is who the file is for (an existing file of another client is refused); the
  // organisation shown on Scales is only set when the file is created.
  const { organisation, ...rest } = parsed.request;
  const request = { ...rest, client: row.client, ...(mode === "new" ? { organisation } : {}) };
  try {
    const { cachedValues } = await buildWorkbookFile(file, request, mode, save);
    return { row: row.row, client: row.client, file, status: mode === "new" ? "built" : "upgraded", errors: [], cachedValues };
  } catch (error) {
    // One client's file failing (protected sheet, unreadable file, a bug) must not stop the batch.
    const message = error instanceof CliError || error instanceof OperationBlockedError ? error.message : `unexpected error: ${(error as Error).message}`;
    return failed([{ row: row.row, field: "file", message: `${file}: ${message}` }]);
  }
}

/** The organisation comes from the client column. */
const columnOf = (field: keyof OptionFields): ClientField => (field === "org" ? "client" : field);

/** parseBuildOptions says `matrix "7" must be …`; the row message names the field already. */
function withoutFieldName(message: string): string {
  return message.replace(/^[a-z]+ (?=")/i, "");
}

export function formatRowError(error: RowError): string {
  return `row ${error.row}, ${error.field}: ${error.message}`;
}

function summary(totals: Record<RowStatus, number>): string {
  const parts = [`${totals.built} built`];
  if (totals.upgraded > 0) parts.push(`${totals.upgraded} upgraded`);
  parts.push(`${totals.failed} failed`);
  return parts.join(", ");
}
