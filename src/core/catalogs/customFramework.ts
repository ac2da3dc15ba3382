/**
 * A framework the user brings as a file (HITRUST, PCI DSS, CIS Controls, an internal standard): its
 * requirement IDs, labels and hierarchy as the user's file gives them. Their content is licensed
 * to them, so it lives in their workbook (workbookMemory.ts), never in this project.
 *
 * The file is a grid (CSV, a worksheet, or JSON turned into one) with columns ID, Label, Parent and
 * optionally Assessable and Applicable. Every problem names its source row and column.
 */
import { RELATIONSHIPS } from "../controls/types";
import { FRAMEWORK_KEYS, type CustomFrameworkKey } from "../frameworkKeys";
import { cellText, isBlankCell, normaliseHeader, toSourceTable, type SourceCell, type SourceTable } from "../import";
import { FRAMEWORK_ALIASES, foldFrameworkName } from "./aliases";
import { requirementIdKey } from "./ids";
import type { Framework, Requirement } from "./types";

export interface CatalogProblem {
  /** 1-based row of the source (0: the file or an option as a whole). */
  row: number;
  /** The column (or option, e.g. "--key") the problem is in. */
  column: string;
  message: string;
}

export type CatalogRead = { ok: true; framework: Framework; notes: string[] } | { ok: false; problems: CatalogProblem[] };

export const CATALOG_COLUMNS = {
  id: "ID",
  label: "Label",
  parent: "Parent",
  assessable: "Assessable",
  applicable: "Applicable",
} as const;
type CatalogColumn = keyof typeof CATALOG_COLUMNS;

/** Headers each catalog column is found under (compared after normaliseHeader). */
const SYNONYMS: Record<CatalogColumn, readonly string[]> = {
  id: ["id", "requirement id", "control id", "ref", "ref id", "reference", "identifier", "requirement", "number", "no", "code"],
  label: ["label", "title", "name", "requirement title", "requirement name", "control name", "short name", "summary", "description", "text"],
  parent: ["parent", "parent id", "parent requirement", "parent ref", "belongs to", "group", "under"],
  assessable: ["assessable", "is assessable", "leaf"],
  applicable: ["applicable", "default applicable", "applies", "applicability", "in scope"],
};

const matches = (header: string, column: CatalogColumn) => SYNONYMS[column].includes(normaliseHeader(header));

const headerScore = (header: string) => ((Object.keys(SYNONYMS) as CatalogColumn[]).some((column) => matches(header, column)) ? 1 : 0);

/** The grid as a catalog table: the header row is found under any title rows. */
export function catalogTable(name: string, grid: SourceCell[][]): SourceTable {
  return toSourceTable(name, grid, headerScore);
}

/**
 * A JSON catalog as a grid: an array of objects (or `{ "requirements": [...] }`) with id, label
 * (or title), parent, assessable and applicable; row N of the grid is item N (the header is row 0).
 */
export function jsonCatalogGrid(text: string): { grid: SourceCell[][] } | { problem: CatalogProblem } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { problem: { row: 0, column: "file", message: `The file is not valid JSON (${(error as Error).message}).` } };
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { requirements?: unknown })?.requirements;
  if (!Array.isArray(items)) {
    return { problem: { row: 0, column: "file", message: 'A JSON catalog is an array of requirements, or an object with a "requirements" array; each has "id", "label", "parent" and optionally "assessable" and "applicable".' } };
  }
  const headers = ["id", "label", "parent", "assessable", "applicable"];
  const pick = (item: Record<string, unknown>, ...names: string[]): SourceCell => {
    for (const name of names) {
      const value = item[name];
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
    }
    return null;
  };
  const rows = items.map((item): SourceCell[] => {
    const record = item !== null && typeof item === "object" ? (item as Record<string, unknown>) : {};
    return [pick(record, "id", "ID"), pick(record, "label", "title", "Label", "Title"), pick(record, "parent", "Parent"), pick(record, "assessable", "Assessable"), pick(record, "applicable", "Applicable")];
  });
  return { grid: [headers, ...rows] };
}

const KEY_PATTERN = /^[A-Z][A-Z0-9_-]{1,23}$/;
/** Characters that would change what the sheet's formulas, lists and Mappings cells mean. */
const NAME_FORBIDDEN = /["',;[\]#*?~\r\n\t]/;

/** What the key and name of a new framework may not collide with. */
export interface CatalogContext {
  /** Custom frameworks the workbook already holds (the same key is an update of one of them). */
  existing: readonly Framework[];
  /** Headers of the Control Matrix besides framework columns: a framework's column may not take one. */
  reservedHeaders: readonly string[];
}

/** Checks a custom key: upper case letters, digits, "-" and "_", never a built-in key or name. */
export function customFrameworkKey(input: string): { ok: true; key: CustomFrameworkKey } | { ok: false; message: string } {
  const key = input.trim().toUpperCase();
  if (!KEY_PATTERN.test(key)) {
    return { ok: false, message: `--key "${input}" is not allowed: use 2 to 24 characters, a letter first, then letters, digits, "-" or "_" (e.g. ACME-SEC).` };
  }
  const folded = foldFrameworkName(key);
  const builtIn = FRAMEWORK_KEYS.find((k) => foldFrameworkName(k) === folded || FRAMEWORK_ALIASES[k].some((alias) => foldFrameworkName(alias) === folded));
  if (builtIn) return { ok: false, message: `--key ${key} names the built-in framework ${builtIn}; choose another key for your own framework.` };
  return { ok: true, key: key as CustomFrameworkKey };
}

function checkName(name: string, key: string, context: CatalogContext): string | undefined {
  if (name === "") return "--name is blank; give the framework's short name (it heads its Control Matrix column).";
  if (name.length > 40) return `--name "${name}" is longer than 40 characters; it heads a Control Matrix column, so keep it short.`;
  if (NAME_FORBIDDEN.test(name)) return `--name "${name}" may not contain quotes, commas, semicolons, brackets, # or the wildcards * ? ~ (the sheet's formulas and lists match the name as written).`;
  const folded = foldFrameworkName(name);
  const builtIn = FRAMEWORK_KEYS.find((k) => [k, ...FRAMEWORK_ALIASES[k]].some((alias) => foldFrameworkName(alias) === folded));
  if (builtIn) return `--name "${name}" is a name of the built-in framework ${builtIn}; choose another.`;
  const other = context.existing.find((f) => f.key !== key && foldFrameworkName(f.shortName) === folded);
  if (other) return `--name "${name}" is already the name of the workbook's framework ${other.key}; choose another.`;
  if (context.reservedHeaders.some((h) => h.toLowerCase() === name.toLowerCase())) return `--name "${name}" is already a column of the Control Matrix; choose another.`;
  return undefined;
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

function yesNo(cell: SourceCell): boolean | undefined | "bad" {
  if (isBlankCell(cell)) return undefined;
  if (typeof cell === "boolean") return cell;
  const text = cellText(cell).toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return "bad";
}

/** Why an ID cannot be used as written, or undefined. */
function idProblem(id: string): string | undefined {
  if (/[;,\r\n]/.test(id)) return `ID "${id}" contains ";", "," or a line break, which separate IDs in the Control Matrix's cells`;
  if (/[*?~]/.test(id) || /^[<>=]/.test(id)) return `ID "${id}" contains a wildcard (* ? ~) or starts with < > =, which the sheet's COUNTIFS would read as a condition`;
  if (id.length > 100) return `ID "${id.slice(0, 20)}…" is longer than 100 characters`;
  return undefined;
}

/** Finds parent cycles: every row on one is reported. */
function cycleRows(requirements: readonly Requirement[], rowOf: Map<string, number>): Array<{ row: number; id: string; path: string }> {
  const parentOf = new Map(requirements.map((r) => [r.id, r.parent]));
  const state = new Map<string, "visiting" | "done">();
  const found: Array<{ row: number; id: string; path: string }> = [];
  for (const start of requirements) {
    const path: string[] = [];
    let id: string | null | undefined = start.id;
    while (id && !state.has(id)) {
      state.set(id, "visiting");
      path.push(id);
      id = parentOf.get(id);
    }
    if (id && state.get(id) === "visiting") {
      const loop = path.slice(path.indexOf(id));
      for (const member of loop) found.push({ row: rowOf.get(member) ?? 0, id: member, path: [...loop, id].join(" → ") });
    }
    for (const visited of path) state.set(visited, "done");
  }
  return found;
}

export interface CatalogRequest {
  key: string;
  /** Short name (Control Matrix column, Mappings' Framework); the key when absent. */
  name?: string;
  /** Full name; the short name when absent. */
  fullName?: string;
  /** Where it came from, for the catalog's Source line (the file name). */
  source: string;
}

/** Reads and validates a catalog table; nothing is returned unless every row is sound. */
export function readCustomCatalog(table: SourceTable, request: CatalogRequest, context: CatalogContext): CatalogRead {
  const problems: CatalogProblem[] = [];
  const checkedKey = customFrameworkKey(request.key);
  if (!checkedKey.ok) problems.push({ row: 0, column: "--key", message: checkedKey.message });
  const key = checkedKey.ok ? checkedKey.key : (request.key.trim().toUpperCase() as CustomFrameworkKey);
  const stored = context.existing.find((f) => f.key === key);
  const shortName = (request.name ?? stored?.shortName ?? key).trim();
  const nameProblem = checkName(shortName, key, context);
  if (nameProblem) problems.push({ row: 0, column: "--name", message: nameProblem });

  const at = (column: CatalogColumn) => table.headers.findIndex((h) => matches(h, column));
  const columns = { id: at("id"), label: at("label"), parent: at("parent"), assessable: at("assessable"), applicable: at("applicable") };
  const headerRow = table.headerRowNumber;
  const found = table.headers.filter(Boolean).map((h) => `"${h}"`).join(", ") || "none";
  if (columns.id < 0) problems.push({ row: headerRow, column: CATALOG_COLUMNS.id, message: `No ID column (headers found: ${found}). Name it ID, Requirement ID or Ref.` });
  if (columns.label < 0) problems.push({ row: headerRow, column: CATALOG_COLUMNS.label, message: `No Label column (headers found: ${found}). Name it Label, Title or Name.` });
  if (columns.id < 0 || columns.label < 0) return { ok: false, problems };
  const header = (column: CatalogColumn) => table.headers[columns[column]] || CATALOG_COLUMNS[column];
  const cell = (row: SourceCell[], column: CatalogColumn) => (columns[column] < 0 ? null : row[columns[column]]);

  const requirements: Requirement[] = [];
  const rowOf = new Map<string, number>();
  const byFold = new Map<string, { id: string; row: number }>();
  table.rows.forEach((row, i) => {
    const number = table.rowNumbers[i];
    const report = (column: CatalogColumn, message: string) => problems.push({ row: number, column: header(column), message });
    const id = cellText(cell(row, "id"));
    if (id === "") {
      report("id", "ID is blank; every requirement needs an ID.");
      return;
    }
    const badId = idProblem(id);
    if (badId) report("id", `${badId}.`);
    const fold = requirementIdKey(key, id);
    const first = byFold.get(fold);
    if (first) {
      report("id", first.id === id ? `ID ${id} is a duplicate of row ${first.row}.` : `ID ${id} is the same ID as "${first.id}" in row ${first.row} (case, spaces and leading zeros do not tell IDs apart).`);
      return;
    }
    byFold.set(fold, { id, row: number });
    const label = cellText(cell(row, "label"));
    if (label === "") report("label", `Label of ${id} is blank; give each requirement a short label.`);
    const assessable = yesNo(cell(row, "assessable"));
    if (assessable === "bad") report("assessable", `Assessable of ${id} is "${cellText(cell(row, "assessable"))}"; use Yes or No (blank: Yes for a requirement without children).`);
    const applicable = yesNo(cell(row, "applicable"));
    if (applicable === "bad") report("applicable", `Applicable of ${id} is "${cellText(cell(row, "applicable"))}"; use Yes or No (blank: Yes).`);
    const parent = cellText(cell(row, "parent"));
    rowOf.set(id, number);
    requirements.push({
      id,
      title: label,
      parent: parent === "" ? null : parent,
      ...(assessable === false ? { assessable: false } : {}),
      ...(applicable === false ? { applicable: false } : {}),
    });
  });

  const byKey = new Map(requirements.map((r) => [requirementIdKey(key, r.id), r.id]));
  for (const requirement of requirements) {
    if (requirement.parent === null) continue;
    const parentId = byKey.get(requirementIdKey(key, requirement.parent));
    const row = rowOf.get(requirement.id) ?? 0;
    if (!parentId) problems.push({ row, column: header("parent"), message: `Parent "${requirement.parent}" of ${requirement.id} is not an ID of this file.` });
    else requirement.parent = parentId;
  }
  for (const { row, id, path } of cycleRows(requirements, rowOf)) {
    problems.push({ row, column: header("parent"), message: `${id} is its own ancestor (${path}); a parent must sit above its children.` });
  }
  if (requirements.length === 0 && problems.length === 0) problems.push({ row: headerRow + 1, column: header("id"), message: "The file has no requirement rows under its header row." });
  const parents = new Set(requirements.map((r) => r.parent).filter((p): p is string => p !== null));
  if (requirements.length > 0 && requirements.every((r) => parents.has(r.id) || r.assessable === false)) {
    problems.push({ row: headerRow, column: header("assessable"), message: "No requirement is assessable: mark at least one requirement without children Assessable = Yes." });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };

  const notes: string[] = [];
  const headings = requirements.filter((r) => r.assessable === false).length;
  if (headings > 0) notes.push(`${headings === 1 ? "1 requirement is" : `${headings} requirements are`} marked not assessable: ${headings === 1 ? "it counts" : "they count"} nowhere.`);
  return {
    ok: true,
    framework: {
      key,
      name: (request.fullName ?? stored?.name ?? shortName).trim() || shortName,
      shortName,
      version: stored?.version ?? "",
      source: `Added from ${request.source} by the workbook's owner (their content, stored only in this workbook)`,
      requirements,
      custom: true,
    },
    notes,
  };
}

/** Requirements that count: without children and not marked Assessable = No. */
export function assessableCount(framework: Framework): number {
  const parents = new Set(framework.requirements.map((r) => r.parent));
  return framework.requirements.filter((r) => !parents.has(r.id) && r.assessable !== false).length;
}

/**
 * An updated file over the stored catalog: the file's rows (labels and parents as it gives them)
 * and, after them, every stored requirement the file no longer lists — a re-run never removes a
 * requirement, so the Requirements rows and mappings that name it keep meaning something.
 */
export function mergeCustomCatalog(stored: Framework | undefined, incoming: Framework): { framework: Framework; notes: string[] } {
  if (!stored) return { framework: incoming, notes: [`Framework ${incoming.shortName} (${incoming.key}) added: ${incoming.requirements.length} requirement${incoming.requirements.length === 1 ? "" : "s"}.`] };
  const fold = (id: string) => requirementIdKey(incoming.key, id);
  const incomingIds = new Set(incoming.requirements.map((r) => fold(r.id)));
  const storedById = new Map(stored.requirements.map((r) => [fold(r.id), r]));
  const kept = stored.requirements.filter((r) => !incomingIds.has(fold(r.id)));
  const added = incoming.requirements.filter((r) => !storedById.has(fold(r.id))).length;
  const changed = incoming.requirements.filter((r) => {
    const before = storedById.get(fold(r.id));
    return before && (before.title !== r.title || before.parent !== r.parent || before.assessable !== r.assessable);
  }).length;
  const notes = [`Framework ${stored.shortName} (${stored.key}) updated from the file: ${added} requirement${added === 1 ? "" : "s"} added, ${changed} changed.`];
  if (kept.length > 0) {
    notes.push(
      `${kept.length} requirement${kept.length === 1 ? "" : "s"} of the stored catalog ${kept.length === 1 ? "is" : "are"} not in the file and ${kept.length === 1 ? "was" : "were"} kept ` +
        `(${kept.slice(0, 5).map((r) => r.id).join(", ")}${kept.length > 5 ? ", …" : ""}): a re-run never removes a requirement; set Applicable to No on the Requirements sheet to leave one out.`,
    );
  }
  if (incoming.shortName !== stored.shortName) notes.push(`The framework keeps its name "${stored.shortName}": its Control Matrix column and Mappings rows use it.`);
  return { framework: { ...incoming, shortName: stored.shortName, requirements: [...incoming.requirements, ...kept] }, notes };
}

/** A mapping the user's file brings with their framework (e.g. their own HITRUST mapping). */
export interface FrameworkMapping {
  controlId: string;
  requirementId: string;
  relationship: (typeof RELATIONSHIPS)[number];
  jointlySufficient: boolean;
  rationale: string;
}

const MAPPING_SYNONYMS = {
  control: ["control id", "control", "control ref", "our control"],
  requirement: ["requirement id", "requirement ids", "requirement", "requirements", "id", "ref"],
  relationship: ["relationship", "relation", "rel"],
  joint: ["jointly sufficient", "joint", "set"],
  rationale: ["rationale", "why", "notes", "comment"],
} as const;

/**
 * Reads a mapping file (Control ID, Requirement ID — several split on ; , | — and optionally
 * Relationship, Jointly Sufficient, Rationale) against the framework's catalog and the workbook's
 * controls; every problem names its row and column, and nothing is returned unless all rows are sound.
 */
export function readFrameworkMappings(name: string, grid: SourceCell[][], framework: Framework, controlIds: ReadonlySet<string>): { ok: true; mappings: FrameworkMapping[] } | { ok: false; problems: CatalogProblem[] } {
  const score = (header: string) => (Object.values(MAPPING_SYNONYMS).some((list) => (list as readonly string[]).includes(normaliseHeader(header))) ? 1 : 0);
  const table = toSourceTable(name, grid, score);
  const at = (column: keyof typeof MAPPING_SYNONYMS) => table.headers.findIndex((h) => (MAPPING_SYNONYMS[column] as readonly string[]).includes(normaliseHeader(h)));
  const columns = { control: at("control"), requirement: at("requirement"), relationship: at("relationship"), joint: at("joint"), rationale: at("rationale") };
  const problems: CatalogProblem[] = [];
  if (columns.control < 0 || columns.requirement < 0) {
    return { ok: false, problems: [{ row: table.headerRowNumber, column: "header", message: `A mapping file needs a Control ID and a Requirement ID column (headers found: ${table.headers.filter(Boolean).map((h) => `"${h}"`).join(", ") || "none"}).` }] };
  }
  const header = (column: keyof typeof columns) => table.headers[columns[column]];
  const ids = new Map(framework.requirements.map((r) => [requirementIdKey(framework.key, r.id), r]));
  const parents = new Set(framework.requirements.map((r) => r.parent));
  const mappings: FrameworkMapping[] = [];
  table.rows.forEach((row, i) => {
    const number = table.rowNumbers[i];
    const report = (column: keyof typeof columns, message: string) => problems.push({ row: number, column: header(column), message });
    const controlId = cellText(row[columns.control]);
    if (controlId === "") return report("control", "Control ID is blank.");
    const known = [...controlIds].find((id) => id.toLowerCase() === controlId.toLowerCase());
    if (!known) report("control", `Control ${controlId} is not in the Control Matrix.`);
    const typedRelationship = columns.relationship < 0 ? "" : cellText(row[columns.relationship]);
    const relationship = typedRelationship === "" ? "Intersects" : RELATIONSHIPS.find((r) => r.toLowerCase() === typedRelationship.toLowerCase());
    if (!relationship) report("relationship", `Relationship "${typedRelationship}" is not one of ${RELATIONSHIPS.join(", ")} (blank: Intersects).`);
    const joint = columns.joint < 0 ? undefined : yesNo(row[columns.joint]);
    if (joint === "bad") report("joint", `Jointly Sufficient "${cellText(row[columns.joint])}" must be Yes or No.`);
    const typedIds = cellText(row[columns.requirement]).split(/[;,|]/).map((s) => s.trim()).filter(Boolean);
    if (typedIds.length === 0) report("requirement", "Requirement ID is blank.");
    for (const typed of typedIds) {
      const requirement = ids.get(requirementIdKey(framework.key, typed));
      if (!requirement) report("requirement", `${framework.shortName} has no requirement "${typed}".`);
      else if (parents.has(requirement.id) || requirement.assessable === false) report("requirement", `${requirement.id} is not assessable (it has children or is marked so); map its leaves.`);
      else if (known && relationship && joint !== "bad") {
        mappings.push({ controlId: known, requirementId: requirement.id, relationship, jointlySufficient: joint === true, rationale: columns.rationale < 0 ? "" : cellText(row[columns.rationale]) });
      }
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, mappings };
}
