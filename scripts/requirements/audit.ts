/**
 * Requirement-set audit: every Excel.* / Office.* / CustomFunctions.* member the add-in uses is
 * resolved with the TypeScript checker, and its "[Api set: X n.m]" tag read from @types/office-js.
 * A member that needs more than the manifest declares must sit behind the run-time check for that
 * set (supportsExcelApi(FEATURE_SETS.x), supportsExcelApi("1.9") or isSetSupported("ExcelApi", "1.9")):
 * "Office versions and requirement sets", learn.microsoft.com/office/dev/add-ins/develop/office-versions-and-requirement-sets.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import ts from "typescript";

export interface MemberUse {
  member: string;
  set: string;
  version: string;
  file: string;
  line: number;
  /** The version of the run-time check around the use, when there is one. */
  guardedBy?: string;
}

export interface AuditResult {
  declared: Record<string, string>;
  uses: MemberUse[];
  problems: string[];
}

const OTHER_HOSTS = /^(Mailbox|Word|PowerPoint|OneNote|Visio|Project|Outlook)/;

export const AUDITED_FOLDERS = ["src/excel", "src/functions", "src/commands", "src/taskpane"];

/** Requirement sets the manifest declares: <Set Name=… MinVersion=…/> and <bt:Set …/>. */
export function declaredSets(manifest: string): Record<string, string> {
  const sets: Record<string, string> = {};
  for (const m of manifest.matchAll(/<(?:bt:)?Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"/g)) {
    if (!sets[m[1]] || compareVersions(m[2], sets[m[1]]) > 0) sets[m[1]] = m[2];
  }
  return sets;
}

export function compareVersions(a: string, b: string): number {
  const [a1, a2 = 0] = a.split(".").map(Number);
  const [b1, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

/** "[Api set: ExcelApi 1.9]" → ExcelApi 1.9; the first set named wins (some tags list several). */
function apiSetOf(declaration: ts.Declaration): { set: string; version: string } | undefined {
  for (const tag of ts.getJSDocTags(declaration)) {
    const text = typeof tag.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? "";
    const m = /\[\s*Api set:\s*([A-Za-z][A-Za-z ]*?)\s+(\d+\.\d+)/.exec(text);
    if (m) return { set: m[1].replace(/\s+/g, ""), version: m[2] };
  }
  return undefined;
}

function isOfficeTypings(file: ts.SourceFile): boolean {
  return file.fileName.includes(`${sep}@types${sep}office-js${sep}`) || file.fileName.includes("/@types/office-js/");
}

/** The ExcelApi version a guard expression checks, when it is one of the project's run-time checks. */
function guardVersion(expression: ts.Expression, checker: ts.TypeChecker, featureSets: Record<string, string>): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      const args = node.arguments;
      if (/(^|\.)supportsExcelApi$/.test(callee) && args[0]) found = versionOf(args[0]) ?? found;
      if (/(^|\.)isSetSupported$/.test(callee) && args[0] && ts.isStringLiteral(args[0]) && args[0].text === "ExcelApi" && args[1]) found = versionOf(args[1]) ?? found;
    } else if (ts.isIdentifier(node)) {
      const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && declaration.initializer !== expression) {
        found = guardVersion(declaration.initializer, checker, featureSets) ?? found;
      }
    }
    ts.forEachChild(node, visit);
  };
  const versionOf = (arg: ts.Expression): string | undefined => {
    if (ts.isStringLiteral(arg)) return arg.text;
    if (ts.isPropertyAccessExpression(arg) && arg.expression.getText() === "FEATURE_SETS") return featureSets[arg.name.text];
    return undefined;
  };
  visit(expression);
  return found;
}

/** `if (!canX) return;` before the use in an enclosing block. */
function earlyExitGuard(statement: ts.Statement): ts.Expression | undefined {
  if (!ts.isIfStatement(statement) || statement.elseStatement) return undefined;
  const exits = (s: ts.Statement): boolean =>
    ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]));
  if (!exits(statement.thenStatement)) return undefined;
  const condition = statement.expression;
  return ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken ? condition.operand : undefined;
}

function guardAround(node: ts.Node, checker: ts.TypeChecker, featureSets: Record<string, string>): string | undefined {
  let best: string | undefined;
  const consider = (expression: ts.Expression) => {
    const version = guardVersion(expression, checker, featureSets);
    if (version && (!best || compareVersions(version, best) > 0)) best = version;
  };
  for (let child: ts.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child === parent.thenStatement) consider(parent.expression);
    else if (ts.isConditionalExpression(parent) && child === parent.whenTrue) consider(parent.condition);
    else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right) consider(parent.left);
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        const guard = earlyExitGuard(statement);
        if (guard) consider(guard);
      }
    }
  }
  return best;
}

function featureSetsOf(program: ts.Program, projectDir: string): Record<string, string> {
  const file = program.getSourceFile(join(projectDir, "src/excel/requirements.ts"));
  const sets: Record<string, string> = {};
  if (!file) return sets;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === "FEATURE_SETS" && node.initializer) {
      const literal = ts.isAsExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (ts.isObjectLiteralExpression(literal)) {
        for (const p of literal.properties) if (ts.isPropertyAssignment(p) && ts.isStringLiteral(p.initializer)) sets[p.name.getText()] = p.initializer.text;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return sets;
}

/** Property names inside a load("a, b/c") string, resolved on the loaded object's type (first segment). */
function loadedMembers(call: ts.CallExpression, checker: ts.TypeChecker): Array<{ symbol: ts.Symbol; name: string }> {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "load" || !call.arguments[0] || !ts.isStringLiteralLike(call.arguments[0])) return [];
  const type = checker.getTypeAtLocation(callee.expression);
  return call.arguments[0].text
    .split(",")
    .map((path) => path.trim().split("/")[0])
    .filter((name) => name && name !== "items")
    .flatMap((name) => {
      const symbol = type.getProperty(name);
      return symbol ? [{ symbol, name }] : [];
    });
}

export function auditRequirementSets(options: { projectDir: string; manifest?: string; extraFiles?: string[] }): AuditResult {
  const { projectDir } = options;
  const configPath = join(projectDir, "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`Cannot read ${configPath}`);
  const program = ts.createProgram([...parsed.fileNames, ...(options.extraFiles ?? [])], parsed.options);
  const checker = program.getTypeChecker();
  const declared = declaredSets(options.manifest ?? readFileSync(join(projectDir, "manifest.xml"), "utf8"));
  const featureSets = featureSetsOf(program, projectDir);
  const audited = (fileName: string) => {
    const path = relative(projectDir, fileName).split(sep).join("/");
    return (options.extraFiles ?? []).includes(fileName) || AUDITED_FOLDERS.some((folder) => path.startsWith(`${folder}/`));
  };

  const uses: MemberUse[] = [];
  const record = (symbol: ts.Symbol | undefined, at: ts.Node, file: ts.SourceFile) => {
    const resolved = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = resolved?.declarations?.find((d) => isOfficeTypings(d.getSourceFile()));
    if (!declaration) return;
    const apiSet = apiSetOf(declaration);
    // Sets of other Office applications (Event.completed is tagged "Mailbox 1.3" for Outlook) do not apply in Excel.
    if (!apiSet || OTHER_HOSTS.test(apiSet.set)) return;
    const owner = declaration.parent && (ts.isInterfaceDeclaration(declaration.parent) || ts.isClassDeclaration(declaration.parent)) ? `${declaration.parent.name?.text}.` : "";
    const { line } = file.getLineAndCharacterOfPosition(at.getStart(file));
    uses.push({ member: `${owner}${resolved!.name}`, ...apiSet, file: relative(projectDir, file.fileName).split(sep).join("/"), line: line + 1, guardedBy: guardAround(at, checker, featureSets) });
  };

  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !audited(file.fileName)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) record(checker.getSymbolAtLocation(node.name), node.name, file);
      if (ts.isCallExpression(node)) for (const { symbol } of loadedMembers(node, checker)) record(symbol, node, file);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const problems = uses
    .filter((use) => {
      const have = declared[use.set];
      if (have && compareVersions(use.version, have) <= 0) return false;
      return !(use.set === "ExcelApi" && use.guardedBy && compareVersions(use.guardedBy, use.version) >= 0);
    })
    .map((use) => `${use.file}:${use.line} ${use.member} needs ${use.set} ${use.version}; the manifest declares ${declared[use.set] ? `${use.set} ${declared[use.set]}` : `no ${use.set}`} and no run-time check for ${use.set} ${use.version} guards it`);
  return { declared, uses, problems };
}

/** "ExcelApi 1.8: 12 uses of 7 members (12 behind a run-time check)". */
export function summarize(result: AuditResult): string[] {
  const bySet = new Map<string, MemberUse[]>();
  for (const use of result.uses) {
    const key = `${use.set} ${use.version}`;
    if (!bySet.has(key)) bySet.set(key, []);
    bySet.get(key)!.push(use);
  }
  return [...bySet]
    .sort(([a], [b]) => a.split(" ")[0].localeCompare(b.split(" ")[0]) || compareVersions(a.split(" ")[1], b.split(" ")[1]))
    .map(([key, list]) => {
      const members = new Set(list.map((u) => u.member));
      const guarded = list.filter((u) => u.guardedBy).length;
      return `${key}: ${list.length} uses of ${members.size} members${guarded ? ` (${guarded} behind a run-time check)` : ""}`;
    });
}

export const projectRoot = (): string => join(dirname(__filename), "..", "..");
