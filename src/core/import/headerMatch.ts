/**
 * Which source column fills which register column: by the register's own headers and the aliases
 * its declaration gives, by a profile's explicit mapping, then by words in common. The user
 * confirms or changes the match; nothing is written from a column matched below `MIN_SCORE`.
 */
import { FieldSpec } from "../registers/types";

export type MatchHow = "profile" | "mapping file" | "header" | "alias" | "similar" | "user";

export interface ColumnMatch {
  /** Position and header of the source column. */
  index: number;
  source: string;
  /** Register column it fills, or null when it is not imported. */
  target: string | null;
  how?: MatchHow;
  /** 0 to 1: how sure the match is (1 for exact headers, profiles and the user's choice). */
  score: number;
}

export const MIN_SCORE = 0.5;

/** "Risk_Title" → "risk title": case, underscores, punctuation and spacing do not matter. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[_\-./()[\]:#*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const STOP_WORDS = new Set(["the", "of", "a", "an", "and", "or", "to", "in", "for", "custom", "field"]);
const words = (text: string) => normaliseHeader(text).split(" ").filter((w) => w && !STOP_WORDS.has(w));

/** Share of words two headers have in common (Jaccard), for headers no alias names. */
function similarity(a: string, b: string): number {
  const left = new Set(words(a));
  const right = new Set(words(b));
  if (left.size === 0 || right.size === 0) return 0;
  let common = 0;
  for (const w of left) if (right.has(w)) common++;
  return common / (left.size + right.size - common);
}

/** Headers any register's key column is found under, besides its own ("Risk ID") and its aliases. */
const KEY_SYNONYMS = ["id", "ref id", "ref", "reference", "identifier", "key", "number", "no"];

export interface TargetColumn {
  header: string;
  aliases: readonly string[];
  isKey: boolean;
}

export function targetsOf(fields: readonly FieldSpec[], keyColumn: string, extraHeaders: readonly string[] = []): TargetColumn[] {
  const targets: TargetColumn[] = fields.map((f) => ({
    header: f.header,
    aliases: [...(f.aliases ?? []), ...(f.header === keyColumn ? KEY_SYNONYMS : [])],
    isKey: f.header === keyColumn,
  }));
  const known = new Set(fields.map((f) => f.header.toLowerCase()));
  for (const header of extraHeaders) if (header && !known.has(header.toLowerCase())) targets.push({ header, aliases: [], isKey: false });
  return targets;
}

/** How well one source header matches one target: 1 exact, 0.95 alias, word overlap below. */
export function headerScore(source: string, target: TargetColumn): { score: number; how: MatchHow } {
  const s = normaliseHeader(source);
  if (!s) return { score: 0, how: "similar" };
  if (s === normaliseHeader(target.header)) return { score: 1, how: "header" };
  if (target.aliases.some((alias) => normaliseHeader(alias) === s)) return { score: 0.95, how: "alias" };
  const best = Math.max(similarity(source, target.header), ...target.aliases.map((alias) => similarity(source, alias)));
  return { score: best * 0.8, how: "similar" };
}

/** The best score a source header gets against any target: used to find the header row. */
export function bestHeaderScore(source: string, targets: readonly TargetColumn[]): number {
  return Math.max(0, ...targets.map((t) => headerScore(source, t).score));
}

/**
 * Matches every source column to at most one target and every target to at most one source column,
 * best pairs first. `fixed` (a profile's or the user's mapping, by source header) wins over scores;
 * a fixed null leaves that source column out.
 */
export function matchColumns(
  headers: readonly string[],
  targets: readonly TargetColumn[],
  fixed: ReadonlyMap<string, { target: string | null; how: MatchHow }> = new Map(),
): ColumnMatch[] {
  const matches: ColumnMatch[] = headers.map((source, index) => ({ index, source, target: null, score: 0 }));
  const taken = new Set<string>();
  const fixedByHeader = new Map([...fixed].map(([header, value]) => [normaliseHeader(header), value]));
  for (const match of matches) {
    const wanted = fixedByHeader.get(normaliseHeader(match.source));
    if (!wanted) continue;
    const found = wanted.target === null ? undefined : targets.find((t) => t.header.toLowerCase() === wanted.target!.toLowerCase());
    // A header the file repeats (Jira's "Labels") fills its column once: the first occurrence wins.
    const target = found && !taken.has(found.header) ? found : undefined;
    Object.assign(match, { target: target?.header ?? null, how: wanted.how, score: target ? 1 : 0 });
    if (target) taken.add(target.header);
  }
  const pairs: Array<{ match: ColumnMatch; target: TargetColumn; score: number; how: MatchHow }> = [];
  for (const match of matches) {
    if (match.how || !match.source) continue;
    for (const target of targets) {
      if (taken.has(target.header)) continue;
      const { score, how } = headerScore(match.source, target);
      if (score >= MIN_SCORE) pairs.push({ match, target, score, how });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.match.index - b.match.index);
  for (const { match, target, score, how } of pairs) {
    if (match.target !== null || match.how || taken.has(target.header)) continue;
    Object.assign(match, { target: target.header, score, how });
    taken.add(target.header);
  }
  return matches;
}
