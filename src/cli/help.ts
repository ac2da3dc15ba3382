/** Help texts for `ismp --help` and `ismp <command> --help`. */

const BUILD_OPTIONS = `Options:
  --profile <name>      general | saas | healthcare | financial | defense | eu (default general);
                        preselects frameworks: general ISO 27001 + NIST CSF, saas SOC 2 + ISO 27001,
                        healthcare HIPAA + NIST CSF, financial GLBA + SOC 2 + NIST CSF,
                        defense NIST 800-171/CMMC + NIST 800-53, eu GDPR + ISO 27001
  --frameworks <list>   frameworks in scope, separated by commas, overriding the profile's
                        (ISO27001, NISTCSF, SOC2, HIPAA, NIST80053, NIST800171 or CMMC, GLBA, GDPR)
  --matrix <n>          risk matrix size: 3, 4, 5 or 6 (default 5)
  --method <m>          multiply (Likelihood x Impact, default) or matrix (lookup grid on Scales)
  --org <name>          organisation name shown on the sheets
  --sample              add sample risks, assets and control statuses
  --json                print the report as JSON`;

export const COMMAND_HELP: Record<string, string> = {
  new: `ismp new <file.xlsx> [options]

Creates a workbook with the ISMP scaffolding: Scales, Risk Register, Asset Inventory and the rest.
Fails if the file exists (use upgrade).

${BUILD_OPTIONS}`,
  upgrade: `ismp upgrade <file.xlsx> [options]

Adds what is missing to an existing workbook and restores the add-in's formulas, drop-downs and
formats. Never changes rows, user columns or other sheets. A protected sheet or read-only file
stops it with no change (exit code 3).

${BUILD_OPTIONS}`,
  check: `ismp check <file.xlsx> [--json]

Lists problems with their cells: duplicate or blank risk IDs, missing assets, residual above
inherent, residual lowered without controls, acceptance without sign-off or expired, overdue
reviews, values outside the scales. Exit code 1 when there are problems, 0 when there are none.`,
  catalog: `ismp catalog [--json]

Prints the bundled framework catalogs and the control library (--json: the whole catalog as JSON).`,
};

export const HELP = `ismp: build and check ISMP workbooks without Excel

Usage: ismp <command> [arguments]

Commands:
  new <file.xlsx>       create a workbook with the ISMP scaffolding
  upgrade <file.xlsx>   add what is missing and repair what the add-in owns; keeps user data
  check <file.xlsx>     list problems by cell (exit code 1 if any)
  catalog [--json]      print the framework catalogs and the control library

Exit codes: 0 ok, 1 problems found, 2 usage or file error, 3 blocked (protected sheet, read-only).
Run "ismp <command> --help" for a command's options.`;
