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
