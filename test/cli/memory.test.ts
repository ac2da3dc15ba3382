/** The workbook remembers its scope and its client: plain upgrade keeps them, batch refuses another client's file, older workbooks are upgraded. */
import { readFileSync, writeFileSync } from "node:fs";
import { readXlsx, run, writeXlsx } from "../../src/headless";
import { ismp, tempDir, tableHeaders, writeText } from "./helpers";

describe("a workbook remembers its settings", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it("plain upgrade keeps the SaaS scope (no NIST CSF added)", async () => {
    const file = dir.file("saas.xlsx");
    expect((await ismp(["new", file, "--profile", "saas", "--org", "Acme Ltd"])).code).toBe(0);
    const upgraded = await ismp(["upgrade", file, "--json"]);
    expect(upgraded.code).toBe(0);
    const headers = await tableHeaders(file, "Controls");
    expect(headers).toEqual(expect.arrayContaining(["SOC 2", "ISO 27001"]));
    expect(headers).not.toContain("NIST CSF");
    expect(JSON.parse(upgraded.stdout.join("\n")).notes).toEqual([]);
  });

  it("a flag changes the scope explicitly and says so", async () => {
    const file = dir.file("grow.xlsx");
    await ismp(["new", file, "--profile", "saas"]);
    const upgraded = await ismp(["upgrade", file, "--frameworks", "HIPAA"]);
    expect(upgraded.code).toBe(0);
    expect(upgraded.stdout.join("\n")).toMatch(/Frameworks added, as asked: HIPAA/);
    expect(await tableHeaders(file, "Controls")).toEqual(expect.arrayContaining(["SOC 2", "ISO 27001", "HIPAA"]));
  });

  it("batch refuses to upgrade the file of another client with a similar name", async () => {
    const out = dir.file("clients");
    const first = writeText(dir.file("first.csv"), "client,profile\nAcme Ltd,saas\n");
    expect((await ismp(["batch", first, "--out", out, "--json"])).code).toBe(0);
    const before = readFileSync(`${out}/acme-ltd.xlsx`);
    const second = writeText(dir.file("second.csv"), "client,profile\n\"Acme, Ltd.\",healthcare\n");
    const result = await ismp(["batch", second, "--out", out, "--json"]);
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout.join("\n")).rows;
    expect(rows[0].status).toBe("failed");
    expect(rows[0].errors[0].message).toMatch(/belongs to "Acme Ltd", not "Acme, Ltd\."/);
    expect(readFileSync(`${out}/acme-ltd.xlsx`).equals(before)).toBe(true);
    // The same client again is upgraded.
    const again = await ismp(["batch", first, "--out", out, "--json"]);
    expect(JSON.parse(again.stdout.join("\n")).rows[0].status).toBe("upgraded");
  });

  it("a workbook from the older schema (no settings sheet) is upgraded and says what changed", async () => {
    const file = dir.file("old.xlsx");
    await ismp(["new", file, "--profile", "saas", "--org", "Old Co"]);
    // What a workbook built before the memory looks like: no ISMP Settings sheet.
    const workbook = await readXlsx(readFileSync(file));
    workbook.sheets = workbook.sheets.filter((s) => s.name !== "ISMP Settings");
    writeFileSync(file, await writeXlsx(workbook));
    const upgraded = await ismp(["upgrade", file, "--json"]);
    expect(upgraded.code).toBe(0);
    const report = JSON.parse(upgraded.stdout.join("\n"));
    expect(report.notes[0]).toMatch(/from schema 1 to 2/);
    expect(report.notes[0]).toMatch(/SaaS/);
    expect(report.notes[0]).toMatch(/organisation "Old Co"/);
    const headers = await tableHeaders(file, "Controls");
    expect(headers).not.toContain("NIST CSF");
    // Now it remembers: the next upgrade reports nothing.
    const next = JSON.parse((await ismp(["upgrade", file, "--json"])).stdout.join("\n"));
    expect(next.notes).toEqual([]);
    const reread = await readXlsx(readFileSync(file));
    const settings = await run(reread, async (context) => {
      const sheet = context.workbook.worksheets.getItem("ISMP Settings").load("visibility");
      const used = sheet.getUsedRange().load("values");
      await context.sync();
      return { visibility: sheet.visibility, values: used.values };
    });
    expect(settings.visibility).toBe("VeryHidden");
    expect(settings.values).toEqual(expect.arrayContaining([["Client", "Old Co"], ["Profile", "saas"], ["Schema Version", 2]]));
  });
});

describe("protection and overrides survive the CLI", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  const zipText = async (file: string, part: string) => {
    const JSZip = (await import("jszip")).default;
    return (await (await JSZip.loadAsync(readFileSync(file))).file(part)!.async("string"));
  };

  it("a sheet's password hash survives snapshot", async () => {
    const file = dir.file("protected.xlsx");
    await ismp(["new", file, "--profile", "saas", "--sample"]);
    const workbook = await readXlsx(readFileSync(file));
    await run(workbook, async (context) => {
      context.workbook.worksheets.getItem("Dashboard").protection.protect({ allowFormatCells: true }, "s3cret");
    });
    writeFileSync(file, await writeXlsx(workbook));
    const sheetPart = async () => /<sheetProtection\b[^>]*\/>/.exec(await zipText(file, "xl/worksheets/sheet1.xml"))?.[0];
    const before = await sheetPart();
    expect(before).toMatch(/hashValue="[^"]+"/);
    expect((await ismp(["snapshot", file])).code).toBe(0);
    expect(await sheetPart()).toBe(before);
  });

  it("a structure-protected workbook is blocked by snapshot and upgrade, and the file stays as it was", async () => {
    const file = dir.file("structure.xlsx");
    await ismp(["new", file, "--profile", "saas"]);
    // As Excel saves a workbook after Review > Protect Workbook (with a password).
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(file));
    const book = await zip.file("xl/workbook.xml")!.async("string");
    const element = '<workbookProtection lockStructure="1" workbookAlgorithmName="SHA-512" workbookHashValue="abc=" workbookSaltValue="salt=" workbookSpinCount="100000"/>';
    zip.file("xl/workbook.xml", book.replace(/(<workbookPr\b[^>]*\/>)/, `$1${element}`));
    writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
    expect(await zipText(file, "xl/workbook.xml")).toMatch(/<workbookProtection lockStructure="1" workbookAlgorithmName="SHA-512" workbookHashValue="abc="/);
    const bytes = readFileSync(file);
    for (const command of ["snapshot", "upgrade"]) {
      const result = await ismp([command, file]);
      expect(result.code).toBe(3);
      expect(result.stderr.join("\n")).toMatch(/structure is protected/);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
    expect((await readXlsx(bytes)).protection).toMatchObject({ protected: true, fileAttributes: { workbookHashValue: "abc=" } });
  });

  it("a value typed over a score survives upgrade and shows in check", async () => {
    const file = dir.file("override.xlsx");
    await ismp(["new", file, "--profile", "saas", "--sample"]);
    const workbook = await readXlsx(readFileSync(file));
    await run(workbook, async (context) => {
      context.workbook.tables.getItem("Risks").columns.getItem("Inherent Score").getDataBodyRange().getCell(0, 0).values = [[42]];
    });
    writeFileSync(file, await writeXlsx(workbook));
    const upgraded = await ismp(["upgrade", file]);
    expect(upgraded.stdout.join("\n")).toMatch(/Kept the value typed over the formula of Risks\[Inherent Score\]/);
    const check = JSON.parse((await ismp(["check", file, "--json"])).stdout.join("\n"));
    const overrides = check.problems.filter((p: { code: string }) => p.code === "formula-overridden");
    expect(overrides).toHaveLength(1);
    expect(overrides[0].message).toMatch(/^Inherent Score holds a typed value \(42\) instead of its formula =IF/);
    const reread = await readXlsx(readFileSync(file));
    const table = reread.getTable("Risks")!;
    expect(table.sheet.cell(table.bodyRect.r0, table.rect.c0 + table.columnIndexOf("Inherent Score"))).toMatchObject({ value: 42 });
  });
});
