/** `ismp export`: a register written out as CSV or .xlsx, in a tool's layout or the register's own. */
import { extname } from "node:path";
import ExcelJS from "exceljs";
import { csvFileText, exportTable, ExportedTable, GENERIC_PROFILE_KEY, profileByKey, PROFILE_KEYS, templateHeaders } from "../../core/import";
import { registerByTable, REGISTERS } from "../../core/registers";
import { defaultScales } from "../../core/scales";
import { readRegisterForExport } from "../../excel/exportRegister";
import { ImportRefusedError } from "../../excel/importRegister";
import { JSON_FLAG, parseFlags } from "../args";
import { CliError, EXIT, ExitCode } from "../exitCodes";
import { Out, plural } from "../output";
import { assertSafeToSave, openWorkbook, runOn, writeFileAtomically } from "../workbookFile";

const FLAGS = { from: { type: "string" }, profile: { type: "string" }, template: { type: "boolean" }, force: { type: "boolean" }, ...JSON_FLAG } as const;

/** The exported file's bytes: an .xlsx with one sheet (header row bold), or CSV text (csvFileText). */
export async function exportFileBytes(path: string, table: ExportedTable, sheetName: string): Promise<Uint8Array> {
  if (extname(path).toLowerCase() === ".xlsx") {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(sheetName.slice(0, 31));
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((v) => (v === null ? "" : v)));
    return new Uint8Array(await book.xlsx.writeBuffer());
  }
  return new TextEncoder().encode(csvFileText(table.headers, table.rows));
}

export async function exportCommand(args: string[], out: Out): Promise<ExitCode> {
  const { values, positionals } = parseFlags("export", args, FLAGS);
  const template = values.template === true;
  const expected = template ? 1 : 2;
  if (positionals.length !== expected) {
    throw new CliError(
      template ? 'Name the file to write, e.g. "ismp export --template --from Risks risks-template.csv".' : 'Name the workbook and the file to write, e.g. "ismp export client.xlsx --from Risks risks.csv".',
      EXIT.usage,
    );
  }
  const [file, target] = template ? [undefined, positionals[0]] : positionals;
  const profileName = values.profile?.toLowerCase();
  const profile = profileName && profileName !== GENERIC_PROFILE_KEY ? profileByKey(profileName) : undefined;
  if (profileName && profileName !== GENERIC_PROFILE_KEY && !profile) throw new CliError(`Unknown profile "${values.profile}". Profiles: ${PROFILE_KEYS.join(", ")}.`, EXIT.usage);
  const from = values.from ?? profile?.register;
  if (!from) throw new CliError('Say which register to export, e.g. "--from Risks".', EXIT.usage);
  const extension = extname(target).toLowerCase();
  if (extension !== ".csv" && extension !== ".xlsx") throw new CliError(`Write to a .csv or .xlsx file; got ${target}.`, EXIT.usage);
  assertSafeToSave(target, { force: values.force });

  let table: ExportedTable;
  if (template) {
    const register = registerByTable(from);
    if (!register) throw new CliError(`"${from}" is not a register. Registers: ${REGISTERS.map((r) => r.table).join(", ")}.`, EXIT.usage);
    table = { headers: templateHeaders(register.fields({ scales: defaultScales(), frameworks: [] })), rows: [] };
  } else {
    const workbook = await openWorkbook(file!);
    try {
      const read = await runOn(workbook, (context) => readRegisterForExport(context, from));
      table = exportTable(read.table, read.fields, profile, read.context);
    } catch (error) {
      if (error instanceof ImportRefusedError) throw new CliError(error.message, EXIT.usage);
      throw error;
    }
  }
  writeFileAtomically(target, await exportFileBytes(target, table, from));
  if (values.json) out.log(JSON.stringify({ file: target, register: from, profile: profile?.key ?? GENERIC_PROFILE_KEY, columns: table.headers, rows: table.rows.length }, null, 2));
  else out.log(`${target}: ${plural(table.rows.length, "row")} of ${from} in the ${profile?.name ?? "register's own"} layout (${plural(table.headers.length, "column")})`);
  return EXIT.ok;
}
