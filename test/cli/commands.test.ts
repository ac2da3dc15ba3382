import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { operations, OperationBlockedError } from "../../src/excel";
import { readXlsx, run, writeXlsx } from "../../src/headless";
import { ismp, tempDir } from "./helpers";

const COMMAND_FLAGS: Record<string, string[]> = {
  new: ["--profile", "--frameworks", "--matrix", "--method", "--org", "--sample", "--json"],
  upgrade: ["--profile", "--frameworks", "--matrix", "--method", "--org", "--sample", "--json"],
  check: ["--json"],
  snapshot: ["--json"],
  batch: ["--out", "--profile", "--frameworks", "--matrix", "--method", "--sample", "--json"],
  catalog: ["--json", "--reference"],
};

describe("help", () => {
  it("lists every command and the exit codes", async () => {
    const { code, stdout } = await ismp(["--help"]);
    expect(code).toBe(0);
    for (const command of Object.keys(COMMAND_FLAGS)) expect(stdout[0]).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(stdout[0]).toContain("3 blocked (protected sheet or read-only file");
  });

  it.each(Object.entries(COMMAND_FLAGS))("ismp %s --help shows its usage and every flag it takes", async (command, flags) => {
    const viaFlag = await ismp([command, "--help"]);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout[0]).toMatch(new RegExp(`^ismp ${command} `));
    for (const flag of flags) expect(viaFlag.stdout[0]).toContain(flag);
    expect((await ismp(["help", command])).stdout).toEqual(viaFlag.stdout);
  });

  it("is a usage error for a command that does not exist", async () => {
    expect(await ismp(["help", "frobnicate"])).toMatchObject({ code: 2, stderr: [expect.stringContaining('No command "frobnicate"')] });
    expect(await ismp(["frobnicate"])).toMatchObject({ code: 2, stderr: [expect.stringContaining('Unknown command "frobnicate"')] });
  });
});

describe("exit codes and --json", () => {
  const dir = tempDir();
  const clean = dir.file("clean.xlsx");
  const withSample = dir.file("sample.xlsx");

  beforeAll(async () => {
    expect((await ismp(["new", clean, "--org", "Clean Ltd"])).code).toBe(0);
    const created = await ismp(["new", withSample, "--sample", "--json"]);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout.join("\n"))).toMatchObject({ file: withSample, created: expect.arrayContaining(["Table Risks"]) });
  });
  afterAll(() => dir.cleanup());

  it("check: 0 and an empty problem list for a fresh workbook, 1 with cell-located problems for the sample data", async () => {
    const fresh = await ismp(["check", clean, "--json"]);
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.stdout.join("\n"))).toEqual({ file: clean, problems: [] });

    const sample = await ismp(["check", withSample, "--json"]);
    expect(sample.code).toBe(1);
    const { problems } = JSON.parse(sample.stdout.join("\n"));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toEqual({ code: expect.any(String), severity: expect.stringMatching(/^(error|warning)$/), sheet: expect.any(String), address: expect.stringMatching(/^[A-Z]+\d+$/), message: expect.any(String) });
  });

  it("upgrade --json reports what it repaired and exits 0", async () => {
    const result = await ismp(["upgrade", clean, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.join("\n"))).toMatchObject({ file: clean, created: [], renamed: [] });
  });

  it("2 for usage and file errors, with a JSON error on stdout when --json was asked for", async () => {
    const cases: string[][] = [
      ["check"],
      ["check", clean, "--bogus"],
      ["check", clean, withSample],
      ["check", dir.file("missing.xlsx"), "--json"],
      ["check", join(__dirname, "helpers.ts")],
      ["new", clean],
      ["new", dir.file("x.xlsx"), "--matrix", "9"],
      ["upgrade", dir.file("missing.xlsx")],
      ["snapshot"],
      ["catalog", "extra"],
    ];
    for (const args of cases) {
      const result = await ismp(args);
      expect({ args, code: result.code, stderr: result.stderr.length }).toEqual({ args, code: 2, stderr: 1 });
    }
    const asJson = await ismp(["check", dir.file("missing.xlsx"), "--json"]);
    expect(JSON.parse(asJson.stdout[0])).toEqual({ ok: false, error: `No such file: ${dir.file("missing.xlsx")}`, exitCode: 2 });
  });

  it("3 for a protected sheet, and the file is left as it was", async () => {
    const file = dir.file("protected.xlsx");
    const workbook = await readXlsx(readFileSync(clean));
    await run(workbook, async (context) => context.workbook.worksheets.getItem("Risk Register").protection.protect());
    writeFileSync(file, await writeXlsx(workbook));
    const before = readFileSync(file);

    const result = await ismp(["upgrade", file, "--frameworks", "HIPAA"]);
    expect(result.code).toBe(3);
    expect(result.stderr[0]).toMatch(/Sheet "Risk Register" is protected/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("3 for a read-only file: upgrade and snapshot change nothing", async () => {
    const file = dir.file("read-only.xlsx");
    copyFileSync(clean, file);
    chmodSync(file, 0o444);
    for (const command of ["upgrade", "snapshot"]) {
      const result = await ismp([command, file]);
      expect({ command, code: result.code, stderr: result.stderr }).toEqual({ command, code: 3, stderr: [expect.stringContaining("is read-only")] });
    }
    expect(readFileSync(file).equals(readFileSync(clean))).toBe(true);
  });

  it("catalog --json parses", async () => {
    const result = await ismp(["catalog", "--json"]);
    expect(result.code).toBe(0);
    const catalog = JSON.parse(result.stdout[0]);
    expect(catalog.frameworks.map((f: { key: string }) => f.key)).toContain("ISO27001");
    expect(catalog.reviewedExclusions[0]).toEqual({
      crosswalk: expect.stringMatching(/\.json$/), fromFramework: expect.any(String), fromId: expect.any(String),
      toFramework: expect.any(String), toId: expect.any(String), reason: expect.any(String), ...(catalog.reviewedExclusions[0].note ? { note: expect.any(String) } : {}),
    });
  });

  it("catalog --reference reads crosswalks from a folder and reports precision, recall and unreviewed pairs", async () => {
    const dir = tempDir();
    const crosswalk = (records: Array<{ from_id: string; to_id: string }>) => JSON.stringify({ records });
    mkdirSync(join(dir.path, "crosswalks"));
    writeFileSync(join(dir.path, "crosswalks", "csf2_to_sp800-53r5.json"), crosswalk([{ from_id: "PR.AA-03", to_id: "IA-2(1)" }, { from_id: "PR.AA-03", to_id: "CP-9" }]));
    for (const file of ["sp800-53r5_to_iso27001_2022.json", "csf2_to_iso27001_2022.json", "hipaa_to_sp800-53r5.json"]) writeFileSync(join(dir.path, "crosswalks", file), crosswalk([]));
    const result = await ismp(["catalog", "--reference", dir.path]);
    dir.cleanup();
    expect(result.code).toBe(0);
    const line = result.stdout.join("\n");
    expect(line).toMatch(/NISTCSF x NIST80053 \(csf2_to_sp800-53r5\.json\): precision 1\/\d+ \(\d+%\), recall 1\/2 \(50%\); not implied 1: 0 reviewed exclusions, 1 unreviewed/);
    expect(line).toContain("unreviewed: NISTCSF PR.AA-03 - NIST80053 CP-9: map it from one control or add it to src/core/controls/exclusions.ts with a reason");
    const missing = await ismp(["catalog", "--reference", "/nonexistent-folder"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.join("\n")).toContain("--reference: no crosswalk /nonexistent-folder/crosswalks/csf2_to_sp800-53r5.json");
  });
});

describe("snapshot", () => {
  const dir = tempDir();
  const file = dir.file("snap.xlsx");
  beforeAll(async () => void (await ismp(["new", file, "--sample"])));
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => dir.cleanup());

  it("appends dated KPIs to KPI History, saves the file and prints the row count as JSON", async () => {
    const first = await ismp(["snapshot", file, "--json"]);
    expect(first.code).toBe(0);
    // The sample brings four earlier quarters; each snapshot adds one row after them.
    expect(JSON.parse(first.stdout.join("\n"))).toEqual({
      file,
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      rows: 5,
      cachedValues: expect.objectContaining({ withoutValueBy: { "custom function ISMP.COVERAGE": 2 } }),
    });
    expect(JSON.parse((await ismp(["snapshot", file, "--json"])).stdout.join("\n")).rows).toBe(6);
    const saved = await readXlsx(readFileSync(file));
    const history = saved.getTable("KpiHistory")!;
    const rows = history.bodyValues();
    expect(rows).toHaveLength(6);
    expect(typeof rows[1][history.columnIndexOf("Overdue Reviews")]).toBe("number");
    // The Dashboard's trend chart plots every row, the new ones included, as a chart over a table does in Excel.
    const trend = saved.sheet("Dashboard").charts.find((chart) => chart.name === "RiskTrend")!;
    const lastRow = history.rect.r1 + 1;
    expect(trend.series.map((s) => [s.xValuesAddress, s.valuesAddress].map((a) => /(\d+)$/.exec(a ?? "")![1]))).toEqual(trend.series.map(() => [String(lastRow), String(lastRow)]));
  });

  it("exits 3 when the operation is blocked", async () => {
    jest.spyOn(operations, "takeSnapshot").mockRejectedValue(new OperationBlockedError(['Sheet "KPI History" is protected.']));
    expect(await ismp(["snapshot", file])).toMatchObject({ code: 3, stderr: ['ismp snapshot: Sheet "KPI History" is protected.'] });
  });
});

describe("bin/ismp.js", () => {
  it("runs as a program: --help prints the commands and exits 0", () => {
    const result = spawnSync(process.execPath, [join(__dirname, "../../bin/ismp.js"), "--help"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("batch <clients.csv>");
  });
});
