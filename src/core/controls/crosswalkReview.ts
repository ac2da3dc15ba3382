/**
 * Agreement of the library with a NIST crosswalk, pair by pair: which requirement pairs the library
 * implies (one control mapped to both), how many of them NIST also lists (precision), how many of
 * NIST's pairs the library implies where it uses both IDs (recall), and which NIST pairs are neither
 * implied nor on the reviewed-exclusions table. The crosswalk files are not part of the project: the
 * caller reads them (the CLI from a folder, a test from ../shared/reference) and passes the pairs in.
 */
import { findRequirement } from "../catalogs";
import type { FrameworkKey } from "../frameworkKeys";
import { REVIEWED_EXCLUSIONS, type ExclusionReason, type ReviewedExclusion } from "./exclusions";
import { CONTROL_LIBRARY } from "./library";
import { CROSSWALK_FILES } from "./mappingRecords";
import type { ControlMappings } from "./types";

export type ReviewedCrosswalk = ReviewedExclusion["crosswalk"];

/** The crosswalks the review covers: file, and the frameworks of its `from` and `to` IDs. */
export const REVIEWED_CROSSWALKS: Readonly<Record<ReviewedCrosswalk, { file: string; from: FrameworkKey; to: FrameworkKey }>> = {
  csf53: { file: CROSSWALK_FILES.csf53, from: "NISTCSF", to: "NIST80053" },
  "53iso": { file: CROSSWALK_FILES["53iso"], from: "NIST80053", to: "ISO27001" },
  csfiso: { file: CROSSWALK_FILES.csfiso, from: "NISTCSF", to: "ISO27001" },
  hip53: { file: CROSSWALK_FILES.hip53, from: "HIPAA", to: "NIST80053" },
};

export interface CrosswalkPair {
  from: string;
  to: string;
}

export interface CrosswalkAgreement {
  crosswalk: ReviewedCrosswalk;
  file: string;
  from: FrameworkKey;
  to: FrameworkKey;
  /** Distinct pairs the library implies, and how many of them NIST lists. */
  implied: number;
  agreeing: number;
  /** NIST pairs whose both IDs the library maps somewhere, and how many of them it implies. */
  reachable: number;
  recalled: number;
  /** Reachable NIST pairs not implied, settled by the reviewed-exclusions table. */
  excluded: number;
  /** Reachable NIST pairs neither implied nor excluded: a decision is missing. */
  unreviewed: CrosswalkPair[];
  /** Exclusion rows that no longer apply: the library now implies the pair, or NIST does not list it where the library uses both IDs. */
  stale: Array<CrosswalkPair & { why: string }>;
}

const upper = (id: string) => id.replace(/\s+/g, "").toUpperCase();

/**
 * The ID a crosswalk pair is compared at, as NIST's tables relate them: an SP 800-53 enhancement as its
 * base control, a HIPAA implementation specification as its standard; anything else as written.
 */
export function crosswalkLevelId(key: FrameworkKey, id: string): string {
  if (key === "NIST80053") return upper(id).replace(/\(.*$/, "");
  if (key === "HIPAA") {
    const requirement = findRequirement(key, id);
    const parent = requirement?.parent;
    const level = parent && /^§164\.3\d\d\(/.test(parent) ? parent : (requirement?.id ?? id);
    return upper(level).replace(/^§?/, "§");
  }
  return upper(findRequirement(key, id)?.id ?? id);
}

const pairKey = (from: string, to: string) => `${from}|${to}`;

/** The exclusion rows of one crosswalk as pairs, keyed like `crosswalkAgreement` compares them. */
export function exclusionPairs(crosswalk: ReviewedCrosswalk, exclusions: readonly ReviewedExclusion[] = REVIEWED_EXCLUSIONS) {
  const { from, to } = REVIEWED_CROSSWALKS[crosswalk];
  const pairs = new Map<string, { from: string; to: string; reason: ExclusionReason }>();
  for (const row of exclusions.filter((r) => r.crosswalk === crosswalk)) {
    for (const target of row.to) pairs.set(pairKey(crosswalkLevelId(from, row.from), crosswalkLevelId(to, target)), { from: row.from, to: target, reason: row.reason });
  }
  return pairs;
}

export function crosswalkAgreement(
  crosswalk: ReviewedCrosswalk,
  nistPairs: readonly CrosswalkPair[],
  controls: ReadonlyArray<{ mappings: ControlMappings }> = CONTROL_LIBRARY,
  exclusions: readonly ReviewedExclusion[] = REVIEWED_EXCLUSIONS,
): CrosswalkAgreement {
  const { file, from, to } = REVIEWED_CROSSWALKS[crosswalk];
  const nist = new Map(nistPairs.map((p) => [pairKey(crosswalkLevelId(from, p.from), crosswalkLevelId(to, p.to)), p]));
  const implied = new Set<string>();
  const usedFrom = new Set<string>();
  const usedTo = new Set<string>();
  for (const control of controls) {
    const a = (control.mappings[from] ?? []).map((id) => crosswalkLevelId(from, id));
    const b = (control.mappings[to] ?? []).map((id) => crosswalkLevelId(to, id));
    a.forEach((x) => usedFrom.add(x));
    b.forEach((y) => usedTo.add(y));
    for (const x of a) for (const y of b) implied.add(pairKey(x, y));
  }
  const reachable = [...nist.keys()].filter((k) => { const [x, y] = k.split("|"); return usedFrom.has(x) && usedTo.has(y); });
  const excludedPairs = exclusionPairs(crosswalk, exclusions);
  const missing = reachable.filter((k) => !implied.has(k));
  const stale: CrosswalkAgreement["stale"] = [];
  for (const [k, row] of excludedPairs) {
    if (implied.has(k)) stale.push({ from: row.from, to: row.to, why: "the library now implies it" });
    else if (!reachable.includes(k)) stale.push({ from: row.from, to: row.to, why: nist.has(k) ? "the library no longer maps both IDs" : "NIST does not list this pair" });
  }
  return {
    crosswalk,
    file,
    from,
    to,
    implied: implied.size,
    agreeing: [...implied].filter((k) => nist.has(k)).length,
    reachable: reachable.length,
    recalled: reachable.length - missing.length,
    excluded: missing.filter((k) => excludedPairs.has(k)).length,
    unreviewed: missing.filter((k) => !excludedPairs.has(k)).map((k) => nist.get(k)!).map((p) => ({ from: p.from, to: p.to })),
    stale,
  };
}

const percent = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : "-");

/** One line per crosswalk: precision, recall and how the pairs not implied are settled. */
export function describeAgreement(a: CrosswalkAgreement): string {
  return (
    `${a.from} x ${a.to} (${a.file}): precision ${a.agreeing}/${a.implied} (${percent(a.agreeing, a.implied)}), ` +
    `recall ${a.recalled}/${a.reachable} (${percent(a.recalled, a.reachable)}); ` +
    `not implied ${a.reachable - a.recalled}: ${a.excluded} reviewed exclusions, ${a.unreviewed.length} unreviewed; ${a.stale.length} stale exclusions`
  );
}
