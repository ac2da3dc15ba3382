/** Help texts for `ismp --help` and `ismp <command> --help`. */

const EXIT_CODES = `Exit codes: 0 ok, 1 problems found or rows failed, 2 usage or file error,
3 blocked (protected sheet or read-only file; nothing was changed).`;

const OPTION_FLAGS = `  --profile <name>      general | saas | healthcare | financial | defense | eu (default general);
                        preselects frameworks: general ISO 27001 + NIST CSF, saas SOC 2 + ISO 27001,
                        healthcare HIPAA + NIST CSF, financial GLBA + SOC 2 + NIST CSF,
                        defense NIST 800-171/CMMC + NIST 800-53, eu GDPR + ISO 27001
  --frameworks <list>   frameworks in scope, separated by commas, overriding the profile's
                        (ISO27001, NISTCSF, SOC2, HIPAA, NIST80053, NIST800171 or CMMC, GLBA, GDPR)
  --matrix <n>          risk matrix size: 3, 4, 5 or 6 (default 5)
  --method <m>          multiply (Likelihood x Impact, default) or matrix (lookup grid on Scales)
  --soc2 <list>         SOC 2 categories in scope (Security always): Security, Availability,
                        Confidentiality, Processing Integrity, Privacy; others start not applicable
  --registers <list>    operations registers, separated by commas (default: all four):
                        incidents, vulnerabilities, access-reviews, training; "none" for none.
                        A register the workbook already holds is always kept
  --sample              add sample risks, assets, control statuses and operations records`;

const SAVE_OPTIONS = `  --backup              keep the previous version beside the new one as <name>.bak.xlsx
  --force               save even though a lock file says Excel or LibreOffice has the file open`;

const SAVING = `Saving is atomic: the new version is written to a temporary file in the same folder, flushed
and renamed over the original, so a failed save (disk full, size limit) leaves it untouched.
A file open in Excel or LibreOffice (~$name.xlsx or .~lock.name.xlsx# beside it) or a symbolic
link is refused with no change (exit code 3).`;

const BUILD_OPTIONS = `Options:
${OPTION_FLAGS}
  --org <name>          organisation name shown on the Scales sheet (always stored as text)
${SAVE_OPTIONS}
  --json                print the report as JSON`;

export const COMMAND_HELP: Record<string, string> = {
  new: `ismp new <file.xlsx> [options]

Creates a workbook with the ISMP scaffolding: Scales, Risk Register, Asset Inventory and the rest.
Fails if the file exists (use upgrade).

${BUILD_OPTIONS}

${EXIT_CODES}`,
  upgrade: `ismp upgrade <file.xlsx> [options] [--json]

Adds what is missing to an existing workbook and restores the add-in's formulas, drop-downs and
formats. Never changes rows, user columns or other sheets. A protected sheet or read-only file
stops it with no change (exit code 3). Everything of the workbook the add-in does not own (other
sheets, pictures, pivots, comments, links, macros) is kept as it was.

${BUILD_OPTIONS}

${SAVING}

${EXIT_CODES}`,
  check: `ismp check <file.xlsx> [--json]

Lists problems with their cells: duplicate or blank risk IDs, missing assets, residual above
inherent, residual lowered without controls, acceptance without sign-off or expired, overdue
reviews, values outside the scales.

Options:
  --json                print {"file", "problems": [{code, severity, sheet, address, message}]}

Exit codes: 0 no problems, 1 problems found, 2 usage or file error.`,
  snapshot: `ismp snapshot <file.xlsx> [--json]

Appends today's KPIs as a dated row to the History
table, so trends can be charted over time. Run it on a schedule, e.g. monthly.

Options:
${SAVE_OPTIONS}
  --json                print {"file", "date", "rows"}

${SAVING}

${EXIT_CODES}`,
  quantify: `ismp quantify <file.xlsx> [--years N] [--seed N] [--json]

Simulates every risk on the Risk Quantification sheet (events per year Poisson, each loss lognormal
from its 90% range), before and after treatment, and writes the figures as values onto the Loss
Exceedance sheet: expected annual loss, median, P90, P95, P99, worst year, the loss exceedance curve
against your tolerance, and each risk's share. A re-run replaces only those figures.

Options:
  --years <n>           simulated years, 1 to 10,000,000 (default 100,000)
  --seed <n>            seed of the random draws, 0 to 2,147,483,647 (default 1): the same seed gives
                        the same figures
  --json                print {"file", "years", "seed", "risks", "expectedInherent", ..., "skipped"}

${EXIT_CODES}`,
  batch: `ismp batch <clients.csv> [--out <dir>] [options] [--json]

Builds one workbook per client row of a CSV file, named after the client: <dir>/<client-slug>.xlsx
("Acme Corp" -> acme-corp.xlsx; repeated names get -2, -3 in row order). A file that already exists
is upgraded in place (your data kept, never overwritten). A bad row is reported with its row number
(the header is row 1) and field, e.g. row 5, matrix: "7" must be one of 3, 4, 5, 6, and the other
rows are still built.

The CSV may be UTF-8 (with or without BOM), UTF-16 with a BOM or Windows-1252; every cell is read
as text ("0012" stays 0012). A workbook in <dir> that is a symbolic link is refused.

CSV columns (header names are case-insensitive; only client is required):
  client                the client's name (also stored, as text, in Scales > Settings > Organisation)
  profile, frameworks, matrix, method, sample, soc2, registers
                        as the options below; several frameworks go in one cell separated by ";"
                        or "+" (ISO27001;SOC2), or quoted with commas ("ISO27001, SOC2");
                        sample is yes or no

Options:
  --out <dir>, -o       where the workbooks go (default: the current folder; created if missing)
${OPTION_FLAGS}
                        (these flags are defaults for blank cells)
${SAVE_OPTIONS}
  --json                print {"built", "upgraded", "failed", "rows": [{row, client, file, status,
                        errors: [{row, field, message}]}]} instead of the progress bar

Exit codes: 0 every row built, 1 some rows failed, 2 usage or file error (no such CSV, no client
column).`,
  import: `ismp import <workbook.xlsx> <source.csv|xlsx> --into <register> [options]

Adds (or updates) register rows from another tool's export or a spreadsheet. Columns are matched by
header (the register's own, its aliases, or a profile's layout); values are read by each column's
type (dates in ISO, US or European form and Excel serials; H/M/L or labels for levels; Y/N; lists).
Every problem is listed by source row and column before anything is written; rows with errors are
never written, and nothing is written while any row has one unless --skip-invalid is given.

Options:
  --into <register>     Risks, Assets, Controls or another register table (a profile implies one)
  --profile <name>      ciso-assistant | simplerisk | vanta | drata | jira | riskquant | generic
  --map <file.json>     a saved mapping: columns, value words and date order (see --save-map)
  --save-map <file>     write the mapping this import used, for the next client's file
  --mode <m>            for rows whose ID the register has: add (default: a problem), skip, update
                        (update writes the mapped columns; a blank source cell never clears a value)
  --sheet <name>        the worksheet of an .xlsx source (default: the first)
  --date-order <o>      dmy (23/11/2026) or mdy (11/23/2026) when the dates cannot tell
  --dry-run             show the preview only
  --skip-invalid        write the valid rows and leave out the rows with errors
${SAVE_OPTIONS}
  --json                print the preview (rows, problems, value readings) as JSON

Calculated columns are never written. Text that starts with = + - @ stays text.
Exit codes: 0 imported, 1 rows with errors (nothing written unless --skip-invalid), 2 usage or file
error, 3 blocked (protected sheet, read-only or open file).`,
  export: `ismp export <workbook.xlsx> --from <register> [--profile <name>] <out.csv|out.xlsx>
ismp export --template --from <register> <out.csv|out.xlsx>

Writes a register as CSV (UTF-8 with BOM) or .xlsx, in a tool's layout (--profile) or the register's
own. Importing the file back with --mode update gives the same rows. --template writes the register's
input columns with no rows, for people to fill and import. CSV cells that would run as formulas in
a spreadsheet are escaped with an apostrophe; import drops it again.`,
  suggest: `ismp suggest <workbook.xlsx> --framework <key> [--all] [--accept CONTROL=REQ ... --by <name>]

Suggests requirement IDs for the controls whose mapping cell for the framework is empty (--all: every
control), ranked by the words they share with the requirement, the requirements above it and the
library controls already mapped to it; each with a score and the matched words. Nothing is written
unless you accept: --accept C-101=A.5.15 (repeatable) appends the ID to the control's mapping cell and,
where the workbook has a Mappings table, records "suggested, accepted by <name>" there.`,
  framework: `ismp framework add <workbook.xlsx> <catalog.csv|xlsx|json> --key <KEY> [--name <name>] [options]

Adds a framework the add-in does not ship (HITRUST, PCI DSS, CIS Controls, an internal standard)
from your own catalog file: columns ID, Label, Parent and optionally Assessable and Applicable (Yes/No;
a requirement without children is assessable unless marked No). JSON: an array of objects with id,
label, parent, assessable, applicable. Duplicate or blank IDs, unknown parents and cycles are reported
by row and column, and nothing is written until the file is clean. The workbook then gets what a
built-in framework has: a Control Matrix column, Requirements rows, a Coverage row (plotted on the
Dashboard's Coverage by framework chart) and a KPI History column; the catalog is stored in the workbook (never anywhere else), so upgrade,
Check, suggest and =ISMP.COVERAGE("<KEY>", ...) treat it like a built-in one. Running it again with
an updated file adds the new requirements and keeps every requirement and mapping you have.

Options:
  --key <KEY>           2-24 letters, digits, - or _ (e.g. ACME-SEC); not a built-in framework's key
  --name <name>         short name: the Control Matrix column and the Mappings Framework (default KEY)
  --full-name <name>    the framework's full name (default: the short name)
  --sheet <name>        the worksheet of an .xlsx catalog (default: the first)
  --mappings <file>     your own mapping file (CSV or .xlsx): Control ID, Requirement ID (several
                        split on ; , |), optionally Relationship (Equal, Subset of, Superset of,
                        Intersects; blank: Intersects), Jointly Sufficient and Rationale; written
                        to the Control Matrix cells and the Mappings sheet (pairs already there kept)
  --dry-run             validate the file and show what would be added; write nothing
${SAVE_OPTIONS}
  --json                print the result (or the problems by row and column) as JSON

Exit codes: 0 added, 1 problems in the file (nothing written), 2 usage or file error, 3 blocked.`,
  catalog: `ismp catalog [--json] [--reference DIR]

Prints the bundled framework catalogs and the control library (--json: the whole catalog as JSON,
with its mapping records and the reviewed-exclusions table).
--reference DIR  compare the library with NIST's crosswalks in DIR/crosswalks (e.g. ../shared/reference):
                 precision and recall per crosswalk, and NIST pairs neither mapped nor excluded.`,
};

export const HELP = `ismp: build and check ISMP workbooks without Excel

Usage: ismp <command> [arguments]

Commands:
  new <file.xlsx>       create a workbook with the ISMP scaffolding
  upgrade <file.xlsx>   add what is missing and repair what the add-in owns; keeps user data
  check <file.xlsx>     list problems by cell (exit code 1 if any)
  snapshot <file.xlsx>  append today's KPIs to the History table
  quantify <file.xlsx>  simulate the quantified risks onto the Loss Exceedance sheet
  batch <clients.csv>   build one workbook per client row (--out <dir>)
  catalog [--json]      print the framework catalogs, the control library and crosswalk agreement
  import <file> <src>   import rows from a CSV or spreadsheet into a register (preview first)
  export <file> <out>   export a register as CSV or .xlsx, in another tool's layout or its own
  suggest <file>        suggest framework requirements for your own controls (--framework)
  framework add <file> <catalog>  add your own framework from a CSV, .xlsx or JSON catalog (--key)

Every command takes --json for scripting and --help for its options.
${EXIT_CODES}`;
