/**
 * Figure 9: the file layer. `ismp upgrade` on the largest corpus workbook and on a 10,000-risk
 * workbook, and reading a package of 300,000 shared strings, each in its own process so its peak
 * memory (max resident set size) is its own.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { writeXlsx, type HeadlessWorkbook } from "../src/headless";
import { atMost, measured, type Measurement } from "./measurement";

const exec = promisify(execFile);
const CHILD = resolve(__dirname, "fileLayerChild.ts");
const TSX = resolve(__dirname, "../node_modules/.bin/tsx");
export const LARGEST_CORPUS_FILE = resolve(__dirname, "../test/fixtures/corpus/issue_174.xlsx");

interface ChildFigures {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

async function inChild(task: string, file: string): Promise<ChildFigures> {
  const { stdout } = await exec(TSX, [CHILD, task, file], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split("\n").pop() as string) as ChildFigures;
}

/** A package whose one sheet has `count` cells, each its own shared string (about 2.4 MB for 300,000). */
export async function sharedStringsPackage(count: number): Promise<Uint8Array> {
  const zip = new JSZip();
  const strings: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    strings.push(`<si><t>Item ${i}</t></si>`);
    rows.push(`<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`);
  }
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Strings" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${rows.join("")}</sheetData></worksheet>`);
  zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="${count}" uniqueCount="${count}">${strings.join("")}</sst>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

export async function measureFileLayer(large: HeadlessWorkbook | undefined): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), "ismp-bench-file-"));
  try {
    const out: Measurement[] = [];
    const corpus = join(dir, "largest-corpus.xlsx");
    copyFileSync(LARGEST_CORPUS_FILE, corpus);
    const corpusFigures = await inChild("upgrade", corpus);
    out.push(
      measured(`ismp upgrade, largest corpus file (${Math.round(statSync(LARGEST_CORPUS_FILE).size / 1024)} KB): wall time`, corpusFigures.ms, "ms"),
      measured("ismp upgrade, largest corpus file: CPU time", corpusFigures.cpuMs, "ms"),
      measured("ismp upgrade, largest corpus file: peak memory (whole process)", corpusFigures.maxRssMb, "MB"),
    );
    if (large) {
      const registerFile = join(dir, "large-register.xlsx");
      writeFileSync(registerFile, await writeXlsx(large));
      const figures = await inChild("upgrade", registerFile);
      out.push(
        measured(`ismp upgrade, 10,000 risks (${(statSync(registerFile).size / 1024 / 1024).toFixed(1)} MB file): wall time`, figures.ms, "ms"),
        measured("ismp upgrade, 10,000 risks: CPU time", figures.cpuMs, "ms"),
        measured("ismp upgrade, 10,000 risks: peak memory (whole process)", figures.maxRssMb, "MB"),
      );
    }
    const stringsFile = join(dir, "shared-strings.xlsx");
    writeFileSync(stringsFile, await sharedStringsPackage(300_000));
    const strings = await inChild("read", stringsFile);
    out.push(
      measured(`Read 300,000 shared strings (${(readFileSync(stringsFile).length / 1024 / 1024).toFixed(1)} MB file): wall time`, strings.ms, "ms"),
      measured("Read 300,000 shared strings: peak memory (whole process)", strings.maxRssMb, "MB", atMost(300, "300 MB")),
    );
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
