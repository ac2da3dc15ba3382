/** Reads the library's hand-written mapping entries into mapping records. */
import { findRequirement } from "../catalogs";
import type { FrameworkKey } from "../frameworkKeys";
import type { ControlMappingEntries, LibraryControlSource, MappingRecord, Relationship } from "./types";

/** What a mapping's source names when no NIST crosswalk relates the pair. */
export const PROJECT_JUDGEMENT = "project judgement";

/** NIST crosswalks of the shared reference folder, by the short code mapping entries use. */
export const CROSSWALK_FILES = {
  csf53: "csf2_to_sp800-53r5.json",
  "53iso": "sp800-53r5_to_iso27001_2022.json",
  csfiso: "csf2_to_iso27001_2022.json",
  hip53: "hipaa_to_sp800-53r5.json",
  csf171: "csf2_to_sp800-171r3.json",
} as const;
export type CrosswalkCode = keyof typeof CROSSWALK_FILES;

const RELATIONSHIP_CODES: Readonly<Record<string, Relationship>> = { "=": "Equal", "<": "Subset of", ">": "Superset of", "~": "Intersects" };

/** How each relationship reads in a composed rationale: "<control> <phrase> <requirement>". */
const RELATIONSHIP_PHRASES: Readonly<Record<Relationship, string>> = {
  Equal: "is what it asks for",
  "Superset of": "meets it in full and reaches further",
  "Subset of": "delivers one part of it",
  Intersects: "overlaps it only in part",
};

const ENTRY = /^(\S+) ([=<>~])(\+?)(10|[1-9])(?: @([0-9a-z]+):(\S+))?(?: \| (.+))?$/;

export interface ParsedEntry {
  requirementId: string;
  relationship: Relationship;
  strength: number;
  jointlySufficient: boolean;
  crosswalk?: CrosswalkCode;
  via?: string;
  rationale?: string;
}

/** Parses one entry; throws with the control, framework and entry named when it does not follow the grammar. */
export function parseMappingEntry(controlId: string, key: FrameworkKey, entry: string): ParsedEntry {
  const match = ENTRY.exec(entry);
  const fail = (why: string) => new Error(`Control ${controlId}, ${key} mapping "${entry}": ${why}`);
  if (!match) throw fail('expected "<ID> <=|<|>|~>[+]<strength 1-10> [@crosswalk:ID] [| rationale]"');
  const [, requirementId, code, plus, strength, crosswalk, via, rationale] = match;
  const relationship = RELATIONSHIP_CODES[code];
  if (plus && relationship !== "Subset of") throw fail("only a subset mapping can be jointly sufficient (+)");
  if (crosswalk !== undefined && !(crosswalk in CROSSWALK_FILES)) throw fail(`unknown crosswalk "${crosswalk}"; use one of ${Object.keys(CROSSWALK_FILES).join(", ")}`);
  return {
    requirementId,
    relationship,
    strength: Number(strength),
    jointlySufficient: plus === "+",
    crosswalk: crosswalk as CrosswalkCode | undefined,
    via,
    rationale,
  };
}

/** A short topic for a requirement in rationales: its ID and our label. */
function topicOf(key: FrameworkKey, id: string): string {
  const title = findRequirement(key, id)?.title;
  return title ? `${id} (${title.charAt(0).toLowerCase()}${title.slice(1)})` : id;
}

/**
 * The rationale of a mapping written without one: the control's name, how it relates to the
 * requirement's topic, and, when a NIST crosswalk relates the requirement to another one the control
 * meets, that link.
 */
export function composeRationale(control: Pick<LibraryControlSource, "name">, key: FrameworkKey, entry: ParsedEntry): string {
  const sentence = `${control.name} ${RELATIONSHIP_PHRASES[entry.relationship]}: ${topicOf(key, entry.requirementId)}`;
  const joint = entry.jointlySufficient ? "; with the other jointly sufficient controls it meets it in full" : "";
  const link = entry.via ? `; NIST relates it to ${entry.via}, which this control also meets` : "";
  return `${sentence}${joint}${link}.`;
}

export function mappingRecordsOf(control: Pick<LibraryControlSource, "id" | "name" | "mappings">): MappingRecord[] {
  const records: MappingRecord[] = [];
  for (const [key, entries] of Object.entries(control.mappings) as Array<[FrameworkKey, ControlMappingEntries[FrameworkKey]]>) {
    for (const entry of entries ?? []) {
      const parsed = parseMappingEntry(control.id, key, entry);
      records.push({
        controlId: control.id,
        framework: key,
        requirementId: parsed.requirementId,
        relationship: parsed.relationship,
        strength: parsed.strength,
        jointlySufficient: parsed.jointlySufficient,
        source: parsed.crosswalk ? CROSSWALK_FILES[parsed.crosswalk] : PROJECT_JUDGEMENT,
        rationale: parsed.rationale ?? composeRationale(control, key, parsed),
      });
    }
  }
  return records;
}
