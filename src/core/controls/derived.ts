/**
 * Mapping records the library derives from its hand-written ones, each saying how it was derived:
 * - SP 800-53 control enhancements in a SP 800-53B baseline, from the control's mapping to the base
 *   control (same relationship and set, two points weaker);
 * - SP 800-171 Rev. 3 requirements, from the mapping to the SP 800-53 control NIST derived them from;
 * - CMMC Level 1 practices, from the mapping to the SP 800-171 Rev. 2 requirement each equals.
 */
import { findRequirement, getFramework } from "../catalogs";
import { CMMCL1_REV2 } from "../catalogs/cmmcL1";
import { baseControlOf } from "../catalogs/nist80053";
import { NIST800171R3_SOURCE } from "../catalogs/nist800171r3";
import type { FrameworkKey } from "../frameworkKeys";
import { PROJECT_JUDGEMENT } from "./mappingRecords";
import type { LibraryControlSource, MappingRecord } from "./types";

function invert(map: ReadonlyMap<string, string>): Map<string, string[]> {
  const inverted = new Map<string, string[]>();
  for (const [id, from] of map) (inverted.get(from) ?? inverted.set(from, []).get(from)!).push(id);
  return inverted;
}

let enhancementsByBase: Map<string, string[]> | undefined;
function enhancementsOf(base: string): string[] {
  enhancementsByBase ??= invert(
    new Map(getFramework("NIST80053").requirements.flatMap((r) => { const b = baseControlOf(r.id); return b ? [[r.id, b] as const] : []; })),
  );
  return enhancementsByBase.get(base) ?? [];
}
let rev3BySource: Map<string, string[]> | undefined;
let cmmcByRev2: Map<string, string[]> | undefined;

// Indexed: the library derives its records when it is first imported, which is on the first paint's path (functions.js).
const title = (key: FrameworkKey, id: string) => findRequirement(key, id)?.title ?? id;

function derive(record: MappingRecord, framework: FrameworkKey, requirementId: string, strengthDrop: number, rationale: string): MappingRecord {
  return { ...record, framework, requirementId, strength: Math.max(1, record.strength - strengthDrop), source: PROJECT_JUDGEMENT, rationale };
}

export function derivedRecords(control: Pick<LibraryControlSource, "name">, records: readonly MappingRecord[]): MappingRecord[] {
  rev3BySource ??= invert(NIST800171R3_SOURCE);
  cmmcByRev2 ??= invert(CMMCL1_REV2);
  const derived: MappingRecord[] = [];
  const seen = new Set<string>();
  const add = (record: MappingRecord) => {
    const key = `${record.framework}|${record.requirementId}`;
    if (seen.has(key)) return;
    seen.add(key);
    derived.push(record);
  };
  for (const record of records) {
    if (record.framework === "NIST80053") {
      for (const id of enhancementsOf(record.requirementId)) {
        add(derive(record, "NIST80053", id, 2,
          `${control.name} meets ${record.requirementId} (${title("NIST80053", record.requirementId).toLowerCase()}) and, as the library reads it, its baseline enhancement ${id} too; confirm the enhancement's extra measure is in place.`));
      }
      for (const id of rev3BySource.get(record.requirementId) ?? []) {
        add(derive(record, "NIST800171R3", id, 1,
          `${control.name} meets SP 800-53 ${record.requirementId}, from which NIST derived Rev. 3 ${id} (${title("NIST800171R3", id).toLowerCase()}).`));
      }
    }
    if (record.framework === "NIST800171") {
      for (const id of cmmcByRev2.get(record.requirementId) ?? []) {
        add({ ...record, framework: "CMMCL1", requirementId: id, source: PROJECT_JUDGEMENT,
          rationale: `${control.name} meets SP 800-171 Rev. 2 ${record.requirementId}, which CMMC Level 1 practice ${id} (${title("CMMCL1", id).toLowerCase()}) equals.` });
      }
    }
  }
  return derived;
}
