import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readXlsx, run, writeXlsx } from "../../src/headless";
import { CONTROLS_TABLE, mappingColumnHeader } from "../../src/core/blueprint/controlMatrix";
import { ismp, Recorded, tempDir, tableHeaders, writeText } from "./helpers";

/** 20 clients; row 5 (matrix 7) and row 12 (unknown framework) are bad. Header = row 1. */
const CLIENTS = [
  "CLIENT,Profile,frameworks,MATRIX,Method,sample",
  "Acme Corp,saas,ISO27001;SOC2,5,multiply,no", // row 2
  "Beta Health,healthcare,\"HIPAA, NISTCSF\",4,,", // row 3
  "Gamma Bank,financial,GLBA+SOC2,5,matrix,", // row 4
  "Delta Defense,defense,,7,,", // row 5: bad matrix
  "Epsilon GmbH,eu,,,,", // row 6
  "Zeta Labs,,,3,,", // row 7
  "Eta Retail,general,NIST CSF,6,,", // row 8
  "Theta Energy,,ISO27001,,,", // row 9
  "Iota Logistics,saas,,,,", // row 10
  "Kappa Media,,,,,", // row 11
  "Lambda Schools,general,ISO9001,,,", // row 12: bad framework
  "Mu Insurance,financial,,,,", // row 13
  "Nu Clinics,healthcare,,,,", // row 14
  "Xi Aerospace,defense,CMMC,,,", // row 15
  "Omicron SAS,eu,GDPR;ISO27001,,,", // row 16
  "Pi Analytics,,,,,", // row 17
  "Rho Foods,,,,,", // row 18
  "Sigma Legal,,,,,", // row 19
  "Tau Travel,,,,,", // row 20
  "Acme Corp,,,,,", // row 21: same name as row 2
].join("\n");

describe("ismp batch: 20 clients, two bad rows", () => {
  const dir = tempDir();
  const out = dir.file("workbooks");
  let first: Recorded;

  beforeAll(async () => {
    first = await ismp(["batch", writeText(dir.file("clients.csv"), CLIENTS), "--out", out]);
  });
  afterAll(() => dir.cleanup());

  it("builds 18 workbooks, one per good row, and exits 1 because two rows failed", () => {
    expect(first.code).toBe(1);
    expect(readdirSync(out).sort()).toHaveLength(18);
    for (const name of ["acme-corp", "beta-health", "gamma-bank", "epsilon-gmbh", "tau-travel", "acme-corp-2"]) {
      expect(existsSync(`${out}/${name}.xlsx`)).toBe(true);
    }
    expect(existsSync(`${out}/delta-defense.xlsx`)).toBe(false);
    expect(existsSync(`${out}/lambda-schools.xlsx`)).toBe(false);
  });

  it("names the row (header = row 1) and the field of each bad row, and prints the summary", () => {
    expect(first.stderr).toEqual([
      'row 5, matrix: "7" must be one of 3, 4, 5, 6',
      expect.stringMatching(/^row 12, frameworks: "ISO9001" is not known; use ISO27001, /),
    ]);
    expect(first.stdout).toEqual(["18 built, 2 failed"]);
  });

  it("prints one progress line per client when stdout is not a terminal", () => {
    const lines = first.progress.trimEnd().split("\n");
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe("[#.........] 1/20 Acme Corp");
    expect(lines[3]).toBe("[##........] 4/20 Delta Defense: failed");
    expect(lines[19]).toBe("[##########] 20/20 Acme Corp");
  });

  it("reads frameworks separated by ';', '+' or quoted commas", async () => {
    const frameworkColumns = async (slug: string) => {
      const headers = await tableHeaders(`${out}/${slug}.xlsx`, CONTROLS_TABLE);
      return (["ISO27001", "SOC2", "HIPAA", "NISTCSF", "GLBA"] as const).filter((key) => headers.includes(mappingColumnHeader(key)));
    };
    expect(await frameworkColumns("acme-corp")).toEqual(["ISO27001", "SOC2"]);
    expect(await frameworkColumns("beta-health")).toEqual(["HIPAA", "NISTCSF"]);
    expect(await frameworkColumns("gamma-bank")).toEqual(["SOC2", "GLBA"]);
  });
});

describe("ismp batch: rows and files", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it("upgrades existing workbooks in place when run again, and --json gives a parseable summary", async () => {
    const csv = writeText(dir.file("rerun.csv"), "client,matrix\nAcme Corp,4\nAcme Corp,\nDelta Defense,7\n");
    const out = dir.file("rerun");
    expect((await ismp(["batch", csv, "--out", out])).stdout).toEqual(["2 built, 1 failed"]);

    const again = await ismp(["batch", csv, "--out", out, "--json"]);
    expect(again.code).toBe(1);
    expect(again.progress).toBe("");
    const summary = JSON.parse(again.stdout.join("\n"));
    expect(summary).toMatchObject({ built: 0, upgraded: 2, failed: 1 });
    expect(summary.rows).toEqual([
      { row: 2, client: "Acme Corp", file: `${out}/acme-corp.xlsx`, status: "upgraded", errors: [], cachedValues: expect.objectContaining({ withoutValue: 2 }) },
      { row: 3, client: "Acme Corp", file: `${out}/acme-corp-2.xlsx`, status: "upgraded", errors: [], cachedValues: expect.objectContaining({ withoutValue: 2 }) },
      {
        row: 4,
        client: "Delta Defense",
        file: `${out}/delta-defense.xlsx`,
        status: "failed",
        errors: [{ row: 4, field: "matrix", message: '"7" must be one of 3, 4, 5, 6' }],
      },
    ]);
    expect(readdirSync(out).sort()).toEqual(["acme-corp-2.xlsx", "acme-corp.xlsx"]);
  });

  it("redraws one progress line with \\r on a terminal and exits 0 when every row builds", async () => {
    const csv = writeText(dir.file("two.csv"), "client\nA Very Long Client Name\nBo\n");
    const result = await ismp(["batch", csv, "--out", dir.file("tty")], { isTTY: true });
    expect(result.code).toBe(0);
    expect(result.progress).toBe(
      "\r[#####.....] 1/2 A Very Long Client Name" + "\r[##########] 2/2 Bo".padEnd("\r[#####.....] 1/2 A Very Long Client Name".length) + "\n",
    );
    expect(result.stdout).toEqual(["2 built, 0 failed"]);
  });

  it("counts rows as the file shows them: blank lines keep their number, a blank client is named", async () => {
    const csv = writeText(dir.file("gaps.csv"), "\uFEFFClient,Matrix\n\nFirst,4\n,5\nLast,9\n");
    const result = await ismp(["batch", csv, "--out", dir.file("gaps")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual(["row 4, client: the name is blank; every row needs one", 'row 5, matrix: "9" must be one of 3, 4, 5, 6']);
    expect(readdirSync(dir.file("gaps"))).toEqual(["first.xlsx"]);
  });

  it("uses option flags as defaults for blank cells and reports unknown columns", async () => {
    const csv = writeText(dir.file("defaults.csv"), "Client,Matrix,Owner\nDefaults Ltd,,Sam\n");
    const result = await ismp(["batch", csv, "--out", dir.file("defaults"), "--matrix", "8"]);
    expect(result.stderr).toEqual(["Ignoring unknown columns: Owner", 'row 2, matrix: "8" must be one of 3, 4, 5, 6']);
  });

  it("is a usage error (exit 2) without a client column or without the CSV", async () => {
    const noClient = await ismp(["batch", writeText(dir.file("bad.csv"), "Name,Matrix\nX,5\n"), "--out", dir.path]);
    expect(noClient.code).toBe(2);
    expect(noClient.stderr[0]).toMatch(/no "client" column/);
    const missing = await ismp(["batch", dir.file("nope.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr[0]).toContain("No such file");
  });

  it("reports a client whose existing workbook is blocked, keeps that file and still builds the others", async () => {
    const out = dir.file("blocked");
    const csv = writeText(dir.file("blocked.csv"), "client\nLocked Co\nOpen Co\n");
    expect((await ismp(["batch", csv, "--out", out])).code).toBe(0);
    const locked = `${out}/locked-co.xlsx`;
    const workbook = await readXlsx(readFileSync(locked));
    await run(workbook, async (context) => context.workbook.worksheets.getItem("Scales").protection.protect());
    writeFileSync(locked, await writeXlsx(workbook));
    const before = readFileSync(locked);

    const result = await ismp(["batch", csv, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([expect.stringMatching(new RegExp(`^row 2, file: ${locked}: Sheet "Scales" is protected`))]);
    expect(result.stdout).toEqual(["0 built, 1 upgraded, 1 failed"]);
    expect(readFileSync(locked).equals(before)).toBe(true);
  });

  it("reports a malformed row instead of guessing its cells", async () => {
    const csv = writeText(dir.file("quotes.csv"), 'client,profile\nGood,saas\n"Open quote,general\n');
    const result = await ismp(["batch", csv, "--out", dir.file("quotes")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([expect.stringMatching(/^row 3, csv: the row is malformed/)]);
  });
});
