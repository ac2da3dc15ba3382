/**
 * A saved mapping: which source column fills which register column and what the source's own
 * words mean, so the next client's file from the same tool imports without asking again.
 *
 * { "version": 1, "register": "Risks", "profile": "simplerisk",
 *   "columns": { "Subject": "Title", "Notes": null },
 *   "values": { "Treatment": { "Watch": "Accept" } },
 *   "dateOrder": "dmy" }
 */
import { CellValue } from "../blueprint/types";
import { DateOrder } from "./cellText";
import { ColumnMatch } from "./headerMatch";

export interface SavedMapping {
  version: 1;
  register: string;
  profile?: string;
  columns: Record<string, string | null>;
  values?: Record<string, Record<string, CellValue>>;
  dateOrder?: DateOrder;
}

export class MappingFileError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCell = (v: unknown): v is CellValue => v === null || ["string", "number", "boolean"].includes(typeof v);

/** Reads a mapping file's JSON, naming the first key that is wrong and what it allows. */
export function parseMappingFile(text: string, name: string): SavedMapping {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new MappingFileError(`${name} is not valid JSON (${(error as Error).message}).`);
  }
  const fail = (where: string, allowed: string) => new MappingFileError(`${name}: "${where}" ${allowed}.`);
  if (!isRecord(data)) throw fail("(top level)", "must be an object with version, register and columns");
  if (data.version !== 1) throw fail("version", "must be 1");
  if (typeof data.register !== "string" || !data.register) throw fail("register", "must name a register table, e.g. \"Risks\"");
  if (data.profile !== undefined && typeof data.profile !== "string") throw fail("profile", "must be a profile name, e.g. \"simplerisk\"");
  if (!isRecord(data.columns)) throw fail("columns", "must map source headers to register columns (or null to leave a column out)");
  for (const [source, target] of Object.entries(data.columns)) {
    if (target !== null && typeof target !== "string") throw fail(`columns.${source}`, "must be a register column name or null");
  }
  if (data.values !== undefined) {
    if (!isRecord(data.values)) throw fail("values", "must map register columns to { source value: register value }");
    for (const [column, map] of Object.entries(data.values)) {
      if (!isRecord(map)) throw fail(`values.${column}`, "must map source values to register values");
      for (const [from, to] of Object.entries(map)) if (!isCell(to)) throw fail(`values.${column}.${from}`, "must be text, a number, true/false or null");
    }
  }
  if (data.dateOrder !== undefined && data.dateOrder !== "dmy" && data.dateOrder !== "mdy") throw fail("dateOrder", 'must be "dmy" (23/11/2026) or "mdy" (11/23/2026)');
  return data as unknown as SavedMapping;
}

/** The mapping the user confirmed, ready to save. */
export function mappingToSave(register: string, matches: readonly ColumnMatch[], values: SavedMapping["values"], dateOrder: DateOrder | undefined, profile?: string): SavedMapping {
  return {
    version: 1,
    register,
    ...(profile ? { profile } : {}),
    columns: Object.fromEntries(matches.filter((m) => m.source).map((m) => [m.source, m.target])),
    ...(values && Object.keys(values).length > 0 ? { values } : {}),
    ...(dateOrder ? { dateOrder } : {}),
  };
}
