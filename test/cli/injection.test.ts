import { asLiteralText } from "../../src/core/literalText";
import { ismp, savedSetting, tempDir, writeText } from "./helpers";

const HOSTILE_NAMES = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "'t Hooft BV"];

describe("client names that look like formulas are stored as text", () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it("batch: the Organisation setting of each saved .xlsx is the name as a string, never a formula", async () => {
    const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const csv = writeText(dir.file("hostile.csv"), ["client", ...HOSTILE_NAMES.map(quoted)].join("\n"));
    const result = await ismp(["batch", csv, "--out", dir.file("out"), "--json"]);
    expect(result.code).toBe(0);
    const rows: Array<{ client: string; file: string }> = JSON.parse(result.stdout.join("\n")).rows;
    expect(rows.map((r) => r.client)).toEqual(HOSTILE_NAMES);
    for (const row of rows) {
      const cell = await savedSetting(row.file, "Organisation");
      expect({ client: row.client, value: cell.value, formula: cell.formula }).toEqual({ client: row.client, value: row.client, formula: undefined });
    }
  });

  it("new --org: a formula-like name is stored as text too", async () => {
    const file = dir.file("org.xlsx");
    expect((await ismp(["new", file, "--org", "=1+1"])).code).toBe(0);
    const cell = await savedSetting(file, "Organisation");
    expect(cell.value).toBe("=1+1");
  });
});

describe("asLiteralText", () => {
  it("prefixes an apostrophe only where Excel would read a formula or a prefix", () => {
    expect(asLiteralText("=A1")).toBe("'=A1");
    expect(asLiteralText("  +cmd ")).toBe("'+cmd");
    expect(asLiteralText("\t@x")).toBe("'@x");
    expect(asLiteralText("-1")).toBe("'-1");
    expect(asLiteralText("'quoted")).toBe("''quoted");
    expect(asLiteralText("Acme = Best")).toBe("Acme = Best");
    expect(asLiteralText("")).toBe("");
  });
});
