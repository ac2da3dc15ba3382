/**
 * What a workbook remembers about itself: its scope (profile, frameworks, SOC 2 categories, matrix,
 * method, organisation), whose workbook it is (client identity), the blueprint schema it was built
 * with, and the names of the add-in's tables and columns at the last build (so renames are followed).
 *
 * Stored as Key | Value rows on a very hidden sheet ("ISMP Settings"): cells any reader can open
 * (the CLI, Excel without the add-in, LibreOffice), written with Office.js ExcelApi 1.1 (custom XML
 * parts need 1.5 and an XML round trip), not tied to the Scales sheet's Settings block (which the
 * analyst edits and which changes shape), and out of the analyst's way: a very hidden sheet is not
 * listed by Excel's Unhide dialog.
 */
import { PROFILES, ProfileKey, isProfileKey } from "../blueprint/options";
import { CellValue } from "../blueprint/types";
import type { Framework, Requirement } from "../catalogs/types";
import { CustomFrameworkKey, FrameworkKey, isBuiltInFrameworkKey } from "../frameworkKeys";
import { isMatrixSize, MatrixSize, ScoringMethod } from "../scales";

export const MEMORY_SHEET = "ISMP Settings";
const MARKER = "ISMP workbook settings";
const NOTE = "Written by the ISMP add-in on every Build and read by Build, ismp upgrade and ismp batch. Edit the Scales sheet, not this one.";

/**
 * The blueprint's schema. 1: workbooks built before they remembered their settings (no ISMP
 * Settings sheet). 2: settings, client identity and table/column names remembered.
 */
export const SCHEMA_VERSION = 2;

export interface WorkbookScope {
  profile: ProfileKey;
  frameworks: FrameworkKey[];
  /** SOC 2 categories in scope; absent: all. */
  soc2Categories?: string[];
  matrixSize: MatrixSize;
  method: ScoringMethod;
  organisation: string;
}

export interface TableMemory {
  /** The table's name at the last build (the user may have renamed it). */
  name: string;
  /** Header at each position at the last build: the blueprint header, or "" for a user's column. */
  columns: string[];
  /** Header text at each position at the last build. */
  headers: string[];
}

export interface WorkbookMemory extends WorkbookScope {
  schemaVersion: number;
  /** Whose workbook this is: the client name it was built for (batch refuses another client's file). */
  client: string;
  /** By lower-case blueprint table name. */
  tables: Record<string, TableMemory>;
  /** Frameworks the user added from a file: their catalogs live only here, in the user's workbook. */
  customFrameworks?: Framework[];
  /**
   * Defined names of the per-row blocks the add-in made (KpiList, KpiList2, …) at the last build, so
   * one left as #REF! by a deleted sheet is known to be ours; undefined in memories older than the record.
   */
  blocks?: string[];
}

const KEYS = {
  schemaVersion: "Schema Version",
  profile: "Profile",
  frameworks: "Frameworks",
  soc2Categories: "SOC 2 Categories",
  matrixSize: "Matrix Size",
  method: "Scoring Method",
  organisation: "Organisation",
  client: "Client",
  blocks: "Row Blocks",
} as const;
const TABLE_PREFIX = "Table ";
/** One row per custom framework (name, short name, version, source as JSON), then one per requirement. */
const FRAMEWORK_PREFIX = "Framework ";
const REQUIREMENT_PREFIX = "Requirement ";

type StoredRequirement = [id: string, title: string, parent: string, assessable?: boolean, applicable?: boolean];

function catalogRows(framework: Framework): CellValue[][] {
  const { name, shortName, version, source } = framework;
  return [
    [`${FRAMEWORK_PREFIX}${framework.key}`, JSON.stringify({ name, shortName, version, source })],
    ...framework.requirements.map((r): CellValue[] => {
      const stored: StoredRequirement = [r.id, r.title, r.parent ?? ""];
      if (r.assessable === false || r.applicable === false) stored.push(r.assessable !== false, r.applicable !== false);
      return [`${REQUIREMENT_PREFIX}${framework.key}`, JSON.stringify(stored)];
    }),
  ];
}

/** The stored catalogs; a framework whose header row is damaged is dropped whole, a damaged requirement row alone. */
function readCatalogs(rows: readonly CellValue[][]): Framework[] {
  const frameworks = new Map<string, Framework>();
  for (const row of rows) {
    const key = text(row[0]);
    try {
      if (key.startsWith(FRAMEWORK_PREFIX)) {
        const meta = JSON.parse(text(row[1])) as Partial<Framework>;
        const frameworkKey = key.slice(FRAMEWORK_PREFIX.length).trim().toUpperCase();
        if (typeof meta.shortName !== "string" || frameworkKey === "" || isBuiltInFrameworkKey(frameworkKey)) continue;
        frameworks.set(frameworkKey, {
          key: frameworkKey as CustomFrameworkKey,
          name: typeof meta.name === "string" ? meta.name : meta.shortName,
          shortName: meta.shortName,
          version: typeof meta.version === "string" ? meta.version : "",
          source: typeof meta.source === "string" ? meta.source : "",
          requirements: [],
          custom: true,
        });
      } else if (key.startsWith(REQUIREMENT_PREFIX)) {
        const framework = frameworks.get(key.slice(REQUIREMENT_PREFIX.length).trim().toUpperCase());
        const [id, title, parent, assessable, applicable] = JSON.parse(text(row[1])) as StoredRequirement;
        if (!framework || typeof id !== "string" || id === "") continue;
        const requirement: Requirement = { id, title: String(title ?? ""), parent: parent ? String(parent) : null };
        if (assessable === false) requirement.assessable = false;
        if (applicable === false) requirement.applicable = false;
        framework.requirements.push(requirement);
      }
    } catch {
      // A damaged row costs that row only; Check of the Mappings sheet then reports IDs it no longer knows.
    }
  }
  return [...frameworks.values()].filter((f) => f.requirements.length > 0);
}

/** The sheet's cells, two columns wide. Text is stored as values; the writer keeps it literal. */
export function memoryRows(memory: WorkbookMemory): CellValue[][] {
  const rows: CellValue[][] = [
    [MARKER, ""],
    [NOTE, ""],
    [KEYS.schemaVersion, memory.schemaVersion],
    [KEYS.profile, memory.profile],
    [KEYS.frameworks, memory.frameworks.join(", ")],
    [KEYS.soc2Categories, memory.soc2Categories?.join(", ") ?? ""],
    [KEYS.matrixSize, memory.matrixSize],
    [KEYS.method, memory.method],
    [KEYS.organisation, memory.organisation],
    [KEYS.client, memory.client],
    ...(memory.blocks ? [[KEYS.blocks, memory.blocks.join(", ")]] : []),
  ];
  for (const [key, table] of Object.entries(memory.tables).sort(([a], [b]) => a.localeCompare(b))) {
    rows.push([`${TABLE_PREFIX}${key}`, JSON.stringify(table)]);
  }
  for (const framework of memory.customFrameworks ?? []) rows.push(...catalogRows(framework));
  return rows;
}

export type MemoryRead = { kind: "none" } | { kind: "foreign" } | { kind: "memory"; memory: WorkbookMemory };

const text = (v: CellValue | undefined) => (v === null || v === undefined ? "" : String(v));
const list = (v: CellValue | undefined) =>
  text(v)
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads the sheet's cells back; "foreign" when a sheet of that name holds something else. */
export function readMemory(rows: readonly CellValue[][] | undefined): MemoryRead {
  if (!rows || rows.length === 0) return { kind: "none" };
  if (text(rows[0]?.[0]) !== MARKER) return { kind: "foreign" };
  const values = new Map(rows.map((row) => [text(row[0]), row[1]]));
  const profile = text(values.get(KEYS.profile));
  const matrix = Number(values.get(KEYS.matrixSize));
  const method = text(values.get(KEYS.method));
  const soc2 = list(values.get(KEYS.soc2Categories));
  const tables: Record<string, TableMemory> = {};
  const customFrameworks = readCatalogs(rows);
  const customKeys = new Set<string>(customFrameworks.map((f) => f.key));
  for (const [key, value] of values) {
    if (!key.startsWith(TABLE_PREFIX)) continue;
    try {
      const parsed = JSON.parse(text(value)) as TableMemory;
      if (typeof parsed.name === "string" && Array.isArray(parsed.columns)) {
        tables[key.slice(TABLE_PREFIX.length).toLowerCase()] = { name: parsed.name, columns: parsed.columns.map(String), headers: (parsed.headers ?? parsed.columns).map(String) };
      }
    } catch {
      // A damaged record only costs the rename memory of that table.
    }
  }
  return {
    kind: "memory",
    memory: {
      schemaVersion: Number(values.get(KEYS.schemaVersion)) || 1,
      profile: isProfileKey(profile) ? profile : "general",
      frameworks: list(values.get(KEYS.frameworks)).filter((k): k is FrameworkKey => isBuiltInFrameworkKey(k) || customKeys.has(k)),
      soc2Categories: soc2.length > 0 ? soc2 : undefined,
      matrixSize: isMatrixSize(matrix) ? matrix : 5,
      method: method === "matrix" ? "matrix" : "multiply",
      organisation: text(values.get(KEYS.organisation)),
      client: text(values.get(KEYS.client)),
      tables,
      ...(customFrameworks.length > 0 ? { customFrameworks } : {}),
      ...(values.has(KEYS.blocks) ? { blocks: list(values.get(KEYS.blocks)) } : {}),
    },
  };
}

/** The profile whose frameworks are exactly these (for workbooks that predate the memory). */
export function profileFor(frameworks: readonly FrameworkKey[]): ProfileKey | undefined {
  const wanted = [...frameworks].sort().join(",");
  return (Object.keys(PROFILES) as ProfileKey[]).find((key) => [...PROFILES[key].frameworks].sort().join(",") === wanted);
}

/** Client names compare as people read them: case, spacing and Unicode form aside, punctuation counts. */
export function sameClient(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  return norm(a) === norm(b);
}
