/**
 * Offline check of the add-in only manifest (the official `npm run validate` needs Microsoft's web
 * service): schema element order, resource ids, https URLs, icon files and the custom functions
 * metadata.
 *
 *   npx tsx scripts/manifest-check.ts manifest.xml [--assets assets] [--functions dist/functions.json]
 *
 * --assets defaults to the assets/ folder beside the manifest; --functions defaults to the
 * functions.json beside the manifest when there is one. Exits 1 when there are problems.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseXml, type XmlElement } from "./manifest/xmlTree";
import { checkElementOrder } from "./manifest/elementOrder";
import { checkResources } from "./manifest/resources";
import { checkUrls } from "./manifest/urls";
import { checkIcons } from "./manifest/icons";
import { checkFunctionsMetadata } from "./manifest/functionsMetadata";
import type { Problem } from "./manifest/problem";

export type { Problem } from "./manifest/problem";

export interface CheckManifestOptions {
  /** Folder holding the icon PNGs the manifest's URLs name. */
  assetDir: string;
  /** Text of the generated functions.json, when custom functions should be checked too. */
  functionsJson?: string;
}

function checkRoot(root: XmlElement): Problem[] {
  if (root.name === "OfficeApp" && root.xsiType === "TaskPaneApp") return [];
  return [{ rule: "xml", message: `The root element must be <OfficeApp xsi:type="TaskPaneApp">, found <${root.name}>`, line: root.line }];
}

export function checkManifest(xmlText: string, options: CheckManifestOptions): Problem[] {
  let root: XmlElement;
  try {
    root = parseXml(xmlText);
  } catch (error) {
    return [{ rule: "xml", message: `The manifest is not well-formed XML: ${(error as Error).message}` }];
  }
  return [
    ...checkRoot(root),
    ...checkElementOrder(root),
    ...checkResources(root),
    ...checkUrls(root),
    ...checkIcons(root, options.assetDir),
    ...(options.functionsJson === undefined ? [] : checkFunctionsMetadata(options.functionsJson)),
  ];
}

export function formatProblem(problem: Problem, file: string): string {
  return `${file}${problem.line ? `:${problem.line}` : ""}: [${problem.rule}] ${problem.message}`;
}

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

function main(args: string[]): number {
  const manifestFile = args.find((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"));
  if (!manifestFile) {
    console.error("usage: manifest-check <manifest.xml> [--assets <dir>] [--functions <functions.json>]");
    return 2;
  }
  const assetDir = optionValue(args, "--assets") ?? join(dirname(manifestFile), "assets");
  const functionsFile = optionValue(args, "--functions") ?? join(dirname(manifestFile), "functions.json");
  const functionsJson = existsSync(functionsFile) ? readFileSync(functionsFile, "utf8") : undefined;
  const problems = checkManifest(readFileSync(manifestFile, "utf8"), { assetDir, functionsJson });
  for (const problem of problems) console.error(formatProblem(problem, manifestFile));
  const checkedFunctions = functionsJson === undefined ? "" : ` and ${functionsFile}`;
  console.log(problems.length === 0 ? `${manifestFile}${checkedFunctions}: no problems` : `${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
