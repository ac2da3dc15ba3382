/**
 * `npm run render`: builds the sample workbook with the `ismp` CLI code, prints its Dashboard,
 * Heatmap and Loss Exceedance sheets through LibreOffice, and turns the pages into PNGs a person (or
 * a reviewer) can look at: artifacts/render/dashboard.png, heatmap.png and loss-exceedance.png.
 *
 * The PDF comes from a copy in which every other sheet is hidden (LibreOffice prints only visible
 * sheets) and uses each sheet's own page setup, so the images show what printing the sheet gives:
 * each sheet is set to fit one landscape page. ("SinglePageSheets" would give tighter pages, but
 * LibreOffice 7 exports hidden sheets with it.)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { main as ismp } from "../src/cli/main";
import { XlsxPackage } from "../src/headless/xlsx/charts/opcPackage";
import { child, childrenNamed, escapeXml, parseXml, type XmlElement } from "../src/headless/xlsx/charts/xml";

export const RENDERED_SHEETS = [
  { sheet: "Dashboard", png: "dashboard.png" },
  { sheet: "Heatmap", png: "heatmap.png" },
  { sheet: "Loss Exceedance", png: "loss-exceedance.png" },
] as const;

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

function pageCount(pdf: string): number {
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = /^Pages:\s+(\d+)/m.exec(info.stdout ?? "")?.[1];
  if (!pages) throw new Error(`pdfinfo could not read ${pdf}: ${info.error?.message ?? info.stderr}`);
  return Number(pages);
}

function toPng(pdf: string, page: number, png: string): void {
  runTool("pdftoppm", ["-png", "-r", String(PNG_DPI), "-f", String(page), "-l", String(page), "-singlefile", pdf, png.replace(/\.png$/, "")], `pdftoppm (page ${page})`);
  if (!existsSync(png)) throw new Error(`pdftoppm wrote no ${png}`);
}

export interface RenderResult {
  workbook: string;
  pdf: string;
  pngs: Record<(typeof RENDERED_SHEETS)[number]["sheet"], string>;
}

const quiet = { log: () => undefined, error: (text: string) => process.stderr.write(`${text}\n`) };

/** `env` is the environment the programs are looked up in (its PATH). */
export async function renderSample(outDir: string, env: NodeJS.ProcessEnv = process.env): Promise<RenderResult> {
  const missing = missingTools(env);
  if (missing.length > 0) throw new Error(`render needs LibreOffice and poppler: ${missing.join("; ")}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const workbook = join(outDir, "ismp-sample.xlsx");
  const code = await ismp(["new", workbook, "--profile", "saas", "--sample"], quiet);
  if (code !== 0) throw new Error(`ismp new exited with ${code}`);
  const printCopy = join(outDir, "print.xlsx");
  const copy = await showOnlySheets(readFileSync(workbook), RENDERED_SHEETS.map((r) => r.sheet));
  writeFileSync(printCopy, copy.xlsx);
  const pdf = toPdf(printCopy, outDir);
  const pages = pageCount(pdf);
  if (pages !== copy.printOrder.length) {
    throw new Error(`${pdf} has ${pages} pages for ${copy.printOrder.length} sheets: a sheet no longer fits one page (check its print settings)`);
  }
  const pngs = {} as RenderResult["pngs"];
  for (const { sheet, png } of RENDERED_SHEETS) {
    const path = join(outDir, png);
    toPng(pdf, copy.printOrder.indexOf(sheet) + 1, path);
    pngs[sheet] = path;
  }
  return { workbook, pdf, pngs };
}

if (require.main === module) {
  renderSample(resolve("artifacts/render")).then(
    (result) => {
      process.stdout.write(`Workbook: ${result.workbook}\nPDF:      ${result.pdf}\n`);
      for (const [sheet, path] of Object.entries(result.pngs)) process.stdout.write(`${sheet.padEnd(9)} ${path}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`render: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
