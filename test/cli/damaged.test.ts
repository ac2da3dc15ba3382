import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { ismp, tempDir } from "./helpers";

async function withoutPart(source: string, target: string, part: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  zip.remove(part);
  writeFileSync(target, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

describe("check and upgrade on damaged packages", () => {
  const dir = tempDir();
  const built = dir.file("client.xlsx");
  let problems: string[];

  beforeAll(async () => {
    expect((await ismp(["new", built, "--sample"])).code).toBe(0);
    problems = JSON.parse((await ismp(["check", built, "--json"])).stdout.join("\n")).problems.map((p: { address: string; message: string }) => `${p.address} ${p.message}`);
  }, 60_000);
  afterAll(() => dir.cleanup());

  it("without styles.xml, check finds exactly the problems it finds in the intact file (no false flood)", async () => {
    const damaged = dir.file("no-styles.xlsx");
    await withoutPart(built, damaged, "xl/styles.xml");
    const result = await ismp(["check", damaged, "--json"]);
    expect(JSON.parse(result.stdout.join("\n")).problems.map((p: { address: string; message: string }) => `${p.address} ${p.message}`)).toEqual(problems);
  }, 60_000);

  it("without sharedStrings.xml, check and upgrade refuse naming the part, and the file stays byte-identical", async () => {
    const damaged = dir.file("no-strings.xlsx");
    await withoutPart(built, damaged, "xl/sharedStrings.xml");
    const before = readFileSync(damaged);
    for (const command of ["check", "upgrade"]) {
      const result = await ismp([command, damaged]);
      expect(result.code).toBe(2);
      expect(result.stderr.join("\n")).toContain("its shared strings part xl/sharedStrings.xml is missing");
    }
    expect(readFileSync(damaged).equals(before)).toBe(true);
  }, 60_000);

  it("without a table part, upgrade refuses naming the part", async () => {
    const damaged = dir.file("no-table.xlsx");
    await withoutPart(built, damaged, "xl/tables/table1.xml");
    const result = await ismp(["upgrade", damaged]);
    expect(result.code).toBe(2);
    expect(result.stderr.join("\n")).toMatch(/its table part xl\/tables\/table1\.xml \(of sheet ".+"\) is missing\); nothing was changed/);
  }, 60_000);
});
