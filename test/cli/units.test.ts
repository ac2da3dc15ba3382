import { parseClientList } from "../../src/cli/batch/clientsCsv";
import { progressLine } from "../../src/cli/batch/progress";
import { slugify, uniqueSlugs } from "../../src/cli/batch/slug";
import { CliError } from "../../src/cli/exitCodes";

describe("client file names", () => {
  it("are lower-case ASCII words joined by hyphens", () => {
    expect(slugify("Acme Corp (EU)")).toBe("acme-corp-eu");
    expect(slugify("Société Générale")).toBe("societe-generale");
    expect(slugify('=HYPERLINK("x")')).toBe("hyperlink-x");
    expect(slugify("../../etc/passwd")).toBe("etc-passwd");
    expect(slugify("CON")).toBe("con-client");
    expect(slugify("x".repeat(100))).toHaveLength(60);
  });

  it("get -2, -3 for repeats, and a row-based name when nothing is left", () => {
    expect(uniqueSlugs(["Acme", "ACME", "acme!", "日本"], (i) => `client-row-${i + 2}`)).toEqual(["acme", "acme-2", "acme-3", "client-row-5"]);
  });
});

describe("the client list", () => {
  it("matches headers case-insensitively and keeps the file's row numbers", () => {
    const list = parseClientList("Matrix Size,  CLIENT ,Frameworks\r\n\r\n4,Acme,\"ISO27001, SOC2\"\r\n");
    expect(list.rows).toEqual([{ row: 3, client: "Acme", fields: { matrix: "4", frameworks: "ISO27001, SOC2" }, errors: [] }]);
  });

  it("refuses an empty file", () => {
    expect(() => parseClientList("")).toThrow(CliError);
  });
});

describe("progress line", () => {
  it("fills ten slots in proportion", () => {
    expect(progressLine(9, 20, "Acme Corp")).toBe("[#####.....] 9/20 Acme Corp");
    expect(progressLine(0, 0, "")).toBe("[##########] 0/0 ");
    expect(progressLine(1, 1, "x".repeat(80))).toBe(`[##########] 1/1 ${"x".repeat(47)}…`);
  });
});
