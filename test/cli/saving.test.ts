import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { backupPathOf, lockFilesOf } from "../../src/cli/workbookFile";
import { ismp, tempDir } from "./helpers";

const exec = promisify(execFile);
const BIN = resolve(__dirname, "../../bin/ismp.js");

describe("saving a workbook: atomic, with --backup, refusing lock files and links", () => {
  const dir = tempDir();
  const file = dir.file("client.xlsx");
  let original: Buffer;

  beforeAll(async () => {
    expect((await ismp(["new", file, "--sample"])).code).toBe(0);
    original = readFileSync(file);
  });
  afterAll(() => dir.cleanup());

  it("a save that hits the file-size limit (ulimit -f) leaves the original byte-identical and no temporary file", async () => {
    const limitedKb = Math.floor(original.length / 1024 / 2);
    const result = await exec("bash", ["-c", `ulimit -f ${limitedKb}; exec "${process.execPath}" "${BIN}" upgrade "${file}"`]).catch((error) => error);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the disk is full or the file is too large (EFBIG); ");
    expect(result.stderr).toContain("was not changed");
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(readdirSync(dir.path).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  }, 60_000);

  it("refuses a file Excel or LibreOffice has open (lock file beside it) unless --force", async () => {
    for (const lock of lockFilesOf(file)) {
      writeFileSync(lock, "");
      const refused = await ismp(["upgrade", file]);
      expect(refused.code).toBe(3);
      expect(refused.stderr.join("\n")).toContain(`lock file ${lock.slice(dir.path.length + 1)}`);
      expect(readFileSync(file).equals(original)).toBe(true);
      const snapshot = await ismp(["snapshot", file]);
      expect(snapshot.code).toBe(3);
      require("node:fs").unlinkSync(lock);
    }
    writeFileSync(lockFilesOf(file)[0], "");
    expect((await ismp(["upgrade", file, "--force"])).code).toBe(0);
    require("node:fs").unlinkSync(lockFilesOf(file)[0]);
  }, 60_000);

  it("--backup keeps the previous version beside the new one", async () => {
    const before = readFileSync(file);
    expect((await ismp(["snapshot", file, "--backup"])).code).toBe(0);
    expect(readFileSync(backupPathOf(file)).equals(before)).toBe(true);
    expect(readFileSync(file).equals(before)).toBe(false);
    expect(backupPathOf(file)).toBe(join(dir.path, "client.bak.xlsx"));
  }, 60_000);

  it("never writes through a symbolic link", async () => {
    const link = dir.file("link.xlsx");
    symlinkSync(file, link);
    const before = readFileSync(file);
    const result = await ismp(["upgrade", link]);
    expect(result.code).toBe(3);
    expect(result.stderr.join("\n")).toContain("is a symbolic link");
    expect(readFileSync(file).equals(before)).toBe(true);
    const dangling = dir.file("dangling.xlsx");
    symlinkSync(dir.file("elsewhere.xlsx"), dangling);
    expect((await ismp(["new", dangling])).code).toBe(3);
    expect(existsSync(dir.file("elsewhere.xlsx"))).toBe(false);
  }, 60_000);
});

describe("closed pipe", () => {
  it("`ismp catalog --json | head -c 100` ends quietly with exit code 0", async () => {
    const { stdout, stderr } = await exec("bash", ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" catalog --json | head -c 100; echo " rc=$?" >&2`]);
    expect(stdout.length).toBe(100);
    expect(stderr.trim()).toBe("rc=0");
  }, 60_000);
});
