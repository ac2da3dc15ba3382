/**
 * `npm run render`: builds the sample workbook with the `ismp` CLI code, prints every sheet through
 * LibreOffice with its own page setup (one PDF, artifacts/render/ismp-sample.pdf) and turns the first
 * page of each sheet into a PNG a person (or a reviewer) can look at: artifacts/render/dashboard.png,
 * heatmap.png, risk-register.png, ... Pages are attributed to sheets by their footer, as in the print
 * check. showOnlySheets makes a print copy of chosen sheets (LibreOffice prints only visible sheets).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { main as ismp } from "../src/cli/main";
import { XlsxPackage } from "../src/headless/xlsx/charts/opcPackage";
import { child, childrenNamed, escapeXml, parseXml, type XmlElement } from "../src/headless/xlsx/charts/xml";
import { readPages } from "./printCheck";

const TOOLS = [
  { command: "soffice", probe: ["--version"], install: "apt-get install -y libreoffice-calc" },
  { command: "pdftoppm", probe: ["-v"], install: "apt-get install -y poppler-utils" },
  { command: "pdfinfo", probe: ["-v"], install: "apt-get install -y poppler-utils" },
] as const;

const PNG_DPI = 150;

/** One line per missing program, saying how to install it; empty when everything is there. */
export function missingTools(env: NodeJS.ProcessEnv = process.env): string[] {
  return TOOLS.filter(({ command, probe }) => (spawnSync(command, probe, { stdio: "ignore", env }).error as NodeJS.ErrnoException | undefined)?.code === "ENOENT")
    .map(({ command, install }) => `${command} is not installed (${install})`);
}

export interface PrintCopy {
  xlsx: Uint8Array;
  /** The kept sheets in workbook order: the order their pages print in. */
  printOrder: string[];
}

/**
 * The package with every sheet not named in `keep` hidden, and the first kept sheet active
 * (a hidden active tab would make LibreOffice show it anyway).
 */
export async function showOnlySheets(xlsx: Uint8Array, keep: readonly string[]): Promise<PrintCopy> {
  const pkg = await XlsxPackage.open(xlsx);
  const workbookPart = "xl/workbook.xml";
  let source = await pkg.text(workbookPart);
  const root = parseXml(source);
  const sheets = childrenNamed(child(root, "sheets"), "sheet");
  const missing = keep.filter((name) => !sheets.some((sheet) => sheet.attributes.name === name));
  if (missing.length > 0) throw new Error(`The workbook has no sheet ${missing.map((n) => `"${n}"`).join(", ")}`);
  const firstKept = sheets.findIndex((sheet) => keep.includes(sheet.attributes.name));
  // Rewrite from the end so earlier offsets stay valid.
  const edits: Array<{ node: XmlElement; attributes: Record<string, string> }> = sheets.map((sheet) => ({
    node: sheet,
    attributes: { ...sheet.attributes, state: keep.includes(sheet.attributes.name) ? "visible" : "hidden" },
  }));
  const view = child(child(root, "bookViews"), "workbookView");
  if (view) edits.push({ node: view, attributes: { ...view.attributes, activeTab: String(firstKept), firstSheet: String(firstKept) } });
  for (const { node, attributes } of edits.sort((a, b) => b.node.start - a.node.start)) {
    const tag = `<${node.name}${Object.entries(attributes).map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join("")}/>`;
    if (node.children.length > 0 || node.text !== "") throw new Error(`<${node.name}> with content cannot be rewritten`);
    source = source.slice(0, node.start) + tag + source.slice(node.end);
  }
  // LibreOffice prints a hidden sheet that has a print area (Top Risks does): drop the print areas of the hidden ones.
  const hiddenIndexes = new Set(sheets.flatMap((sheet, index) => (keep.includes(sheet.attributes.name) ? [] : [String(index)])));
  source = source.replace(/<definedName\b[^>]*\bname="_xlnm\.Print_Area"[^>]*>[^<]*<\/definedName>/g, (entry) => {
    const scope = /\blocalSheetId="(\d+)"/.exec(entry)?.[1];
    return scope !== undefined && hiddenIndexes.has(scope) ? "" : entry;
  });
  pkg.set(workbookPart, source);
  const printOrder = sheets.map((sheet) => sheet.attributes.name).filter((name) => keep.includes(name));
  return { xlsx: await pkg.bytes(), printOrder };
}

function runTool(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 180_000 });
  if (result.error || result.status !== 0) {
    const detail = result.error?.message ?? (result.stderr || result.stdout || `exit code ${result.status}`).trim();
    throw new Error(`${what} failed: ${detail}`);
  }
}

function toPdf(xlsxPath: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), "lo-render-"));
  try {
    runTool("soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, xlsxPath], "LibreOffice PDF export");
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = xlsxPath.replace(/\.xlsx$/, ".pdf");
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${xlsxPath}`);
  return pdf;
}

function toPng(pdf: string, page: number, png: string): void {
  runTool("pdftoppm", ["-png", "-r", String(PNG_DPI), "-f", String(page), "-l", String(page), "-singlefile", pdf, png.replace(/\.png$/, "")], `pdftoppm (page ${page})`);
  if (!existsSync(png)) throw new Error(`pdftoppm wrote no ${png}`);
}

export interface RenderResult {
  workbook: string;
  pdf: string;
  /** The first printed page of every sheet, by sheet name (dashboard.png, heatmap.png, risk-register.png, ...). */
  pngs: Record<string, string>;
  /** Printed pages per sheet. */
  pages: Record<string, number>;
  /** Every page of the sheets that print on a few pages (the Dashboard's charts are on its later pages): dashboard.png, dashboard-2.png, … */
  pagePngs: Record<string, string[]>;
}

/** Sheets printing on more pages than this get a picture of their first page only (Mappings prints hundreds). */
const PAGES_DRAWN = 4;

const quiet = { log: () => undefined, error: (text: string) => process.stderr.write(`${text}\n`) };

/** "Risk Register" → "risk-register.png". */
export const pngName = (sheet: string): string => `${sheet.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.png`;

/**
 * `env` is the environment the programs are looked up in (its PATH). Prints every visible sheet with
 * its own page setup in one soffice call (as the print check does) and turns each sheet's first page
 * (every page, for a sheet of at most PAGES_DRAWN) into a PNG; the PDF holds every page.
 */
export async function renderSample(outDir: string, env: NodeJS.ProcessEnv = process.env): Promise<RenderResult> {
  const missing = missingTools(env);
  if (missing.length > 0) throw new Error(`render needs LibreOffice and poppler: ${missing.join("; ")}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const workbook = join(outDir, "ismp-sample.xlsx");
  const code = await ismp(["new", workbook, "--profile", "saas", "--sample"], quiet);
  if (code !== 0) throw new Error(`ismp new exited with ${code}`);
  const sheets = await visibleSheets(readFileSync(workbook));
  const pdf = toPdf(workbook, outDir);
  const printed = readPages(pdf, sheets);
  const pages: Record<string, number> = {};
  for (const page of printed) if (page.sheet) pages[page.sheet] = (pages[page.sheet] ?? 0) + 1;
  const pngs: Record<string, string> = {};
  const pagePngs: Record<string, string[]> = {};
  for (const page of printed) {
    if (!page.sheet) continue;
    const drawn = pagePngs[page.sheet] ?? (pagePngs[page.sheet] = []);
    if (drawn.length > 0 && pages[page.sheet] > PAGES_DRAWN) continue;
    const path = join(outDir, drawn.length === 0 ? pngName(page.sheet) : pngName(page.sheet).replace(/\.png$/, `-${drawn.length + 1}.png`));
    toPng(pdf, page.number, path);
    drawn.push(path);
    pngs[page.sheet] ??= path;
  }
  const unprinted = sheets.filter((sheet) => !pngs[sheet]);
  if (unprinted.length > 0) throw new Error(`${pdf} has no page whose footer names ${unprinted.join(", ")} (check the sheets' print settings)`);
  return { workbook, pdf, pngs, pages, pagePngs };
}

/** Names of the sheets LibreOffice prints: every sheet not hidden, in workbook order. */
async function visibleSheets(xlsx: Uint8Array): Promise<string[]> {
  const pkg = await XlsxPackage.open(xlsx);
  const sheets = childrenNamed(child(parseXml(await pkg.text("xl/workbook.xml")), "sheets"), "sheet");
  return sheets.filter((sheet) => (sheet.attributes.state ?? "visible") === "visible").map((sheet) => sheet.attributes.name);
}

if (require.main === module) {
  renderSample(resolve("artifacts/render")).then(
    (result) => {
      process.stdout.write(`Workbook: ${result.workbook}\nPDF:      ${result.pdf}\n`);
      for (const [sheet, path] of Object.entries(result.pngs)) process.stdout.write(`${sheet.padEnd(28)} ${String(result.pages[sheet]).padStart(4)} pages  ${path}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`render: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
