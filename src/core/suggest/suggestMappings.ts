/**
 * Mapping suggestions: for a control's text, the requirements of a framework it most likely meets.
 * Each requirement is compared with the text three ways, by TF-IDF cosine (termVectors.ts):
 *   - its own words and those of the requirements above it (the catalog's hierarchy);
 *   - the names and descriptions of the library controls mapped to it (a text like theirs likely
 *     meets what they meet);
 *   - the labels of the requirements of other frameworks those controls are mapped to (the library
 *     as a crosswalk: a control about ISO A.8.5 "logon" is about CSF PR.AA-03 "authentication").
 * The three similarities are added, and only suggestions scoring close to the best are returned
 * (a framework's floor), so a control that plainly meets one requirement is not offered four
 * weaker ones. Offline and inside the bundle; nothing is written until the user accepts one.
 */
import { assessableRequirements, findRequirement, getFramework, type Requirement } from "../catalogs";
import { CONTROL_LIBRARY } from "../controls";
import type { LibraryControl } from "../controls/types";
import type { FrameworkKey } from "../frameworkKeys";
import { addCounts, cosine, countTerms, inverseFrequencies, termVector, type TermCounts, type TermVector } from "./termVectors";
import { termsOf, type Term } from "./terms";

export interface MappingSuggestion {
  requirementId: string;
  label: string;
  /** 0 to 1: the score relative to the best suggestion for this text. */
  score: number;
  /** The words of the control's text that matched, the most telling first. */
  words: string[];
}

interface Weights {
  label: number;
  examples: number;
  crosswalk: number;
}

/**
 * How much each comparison counts, chosen among three weightings by leave-one-out
 * (bench/importSuggest.ts). SP 800-53 and SP 800-171 Rev. 2 rank better leaning less on the
 * crosswalk: their library mappings are partly derived from each other's.
 */
const DEFAULT_WEIGHTS: Weights = { label: 2, examples: 1, crosswalk: 2 };
const WEIGHTS: Partial<Record<FrameworkKey, Weights>> = {
  NIST80053: { label: 2, examples: 1, crosswalk: 1 },
  NIST800171: { label: 2, examples: 1, crosswalk: 1 },
};

/**
 * The share of the best suggestion's score below which a suggestion is not shown, per framework.
 * Chosen by leave-one-out among 0.6, 0.65 … 0.8: the floor with the best precision that keeps
 * recall@5 at 0.54 or more; SP 800-53, whose controls average five mappings, keeps the full list
 * (no floor does). A framework without a figure, such as one added from a file, gets the default.
 */
const FLOORS: Partial<Record<FrameworkKey, number>> = {
  ISO27001: 0.8,
  NISTCSF: 0.7,
  SOC2: 0.7,
  HIPAA: 0.75,
  NIST80053: 0,
  NIST800171: 0.8,
  NIST800171R3: 0.65,
  CMMCL1: 0.8,
  GLBA: 0.8,
  GDPR: 0.8,
};
const DEFAULT_FLOOR = 0.7;

export function suggestionFloor(framework: FrameworkKey): number {
  return FLOORS[framework] ?? DEFAULT_FLOOR;
}

/** A requirement of another framework the control is already mapped to. */
export interface KnownMapping {
  framework: FrameworkKey;
  requirementId: string;
}

const knownKey = (known: KnownMapping) => `${known.framework}|${known.requirementId}`.toLowerCase();

/** How much the control's own mappings in other frameworks count, when it has some (1, 2 or 4 measured by leave-one-out: 1 is best). */
const KNOWN_WEIGHT = 1;

/** The most matched words a suggestion lists. */
const WORDS_SHOWN = 6;

/** The requirement IDs a library control is mapped to in one framework. */
export function mappedIds(control: LibraryControl, key: FrameworkKey): string[] {
  return [...(control.mappings[key] ?? [])];
}

const libraryText = (control: LibraryControl) => `${control.name}. ${control.description}`;

/** The library controls' terms, and their inverse frequencies over the whole library (computed once). */
let libraryTerms: { counts: ReadonlyMap<string, TermCounts>; idf: Map<string, number> } | undefined;
function libraryTermCounts(): NonNullable<typeof libraryTerms> {
  if (!libraryTerms) {
    const counts = new Map(CONTROL_LIBRARY.map((c) => [c.id, countTerms(termsOf(libraryText(c)).map((t) => t.term))]));
    libraryTerms = { counts, idf: inverseFrequencies([...counts.values()]) };
  }
  return libraryTerms;
}

const labelTermCounts = new Map<string, TermCounts>();
/** The terms of a requirement's label (cached: a built-in catalog's labels never change). */
function labelTerms(key: FrameworkKey, id: string): TermCounts {
  const cacheKey = `${key}|${id}`;
  let counts = labelTermCounts.get(cacheKey);
  if (!counts) {
    counts = countTerms(termsOf(findRequirement(key, id)?.title ?? "").map((t) => t.term));
    labelTermCounts.set(cacheKey, counts);
  }
  return counts;
}

const otherFrameworkTermCounts = new Map<string, TermCounts>();
/** The terms of the labels of everything a library control is mapped to outside one framework (cached). */
function otherFrameworkTerms(control: LibraryControl, framework: FrameworkKey): TermCounts {
  const cacheKey = `${control.id}|${framework}`;
  let counts = otherFrameworkTermCounts.get(cacheKey);
  if (!counts) {
    counts = new Map();
    for (const [other, ids] of Object.entries(control.mappings) as [FrameworkKey, string[]][]) {
      if (other !== framework) for (const id of ids) addCounts(counts, labelTerms(other, id));
    }
    otherFrameworkTermCounts.set(cacheKey, counts);
  }
  return counts;
}

/** A requirement's label and the labels above it in its catalog. */
function labelWithAncestors(key: FrameworkKey, id: string): string {
  const words: string[] = [];
  for (let requirement = findRequirement(key, id); requirement; requirement = requirement.parent ? findRequirement(key, requirement.parent) : undefined) {
    words.push(requirement.title);
  }
  return words.join(". ");
}

/** A catalog's assessable requirements with the vectors of their own words, built once per catalog. */
const catalogVectors = new WeakMap<object, { requirements: Requirement[]; own: TermVector[]; ownIdf: Map<string, number> }>();
function catalogTerms(framework: FrameworkKey) {
  const catalog = getFramework(framework);
  let vectors = catalogVectors.get(catalog);
  if (!vectors) {
    const requirements = assessableRequirements(framework);
    const counts = requirements.map((r) => countTerms(termsOf(labelWithAncestors(framework, r.id)).map((t) => t.term)));
    const ownIdf = inverseFrequencies(counts);
    vectors = { requirements, own: counts.map((c) => termVector(c, ownIdf)), ownIdf };
    catalogVectors.set(catalog, vectors);
  }
  return vectors;
}

interface RequirementVectors {
  id: string;
  label: string;
  own: TermVector;
  examples: TermVector;
  crosswalk: TermVector;
}

/** An index of one framework's requirements; `except` hides one library control's mappings (leave-one-out). */
export class SuggestionIndex {
  private readonly requirements: RequirementVectors[];
  private readonly ownIdf: Map<string, number>;
  private readonly crosswalkIdf: Map<string, number>;
  private readonly weights: Weights;
  /** For each requirement of another framework ("ISO27001|A.8.5"): how many library controls map it, and how many of those map each requirement of this one. */
  private readonly coMapped = new Map<string, { controls: number; here: Map<string, number> }>();

  constructor(readonly framework: FrameworkKey, except?: string) {
    this.weights = WEIGHTS[framework] ?? DEFAULT_WEIGHTS;
    const library = libraryTermCounts();
    const { requirements, own, ownIdf } = catalogTerms(framework);
    const examples = requirements.map((): TermCounts => new Map());
    const crosswalk = requirements.map((): TermCounts => new Map());
    const position = new Map(requirements.map((r, i) => [r.id, i]));
    for (const control of CONTROL_LIBRARY) {
      if (control.id === except) continue;
      for (const id of mappedIds(control, framework)) {
        const at = position.get(id);
        if (at === undefined) continue;
        addCounts(examples[at], library.counts.get(control.id)!);
        addCounts(crosswalk[at], otherFrameworkTerms(control, framework));
      }
      const here = mappedIds(control, framework).filter((id) => position.has(id));
      if (here.length === 0) continue;
      for (const [other, ids] of Object.entries(control.mappings) as [FrameworkKey, string[]][]) {
        if (other === framework) continue;
        for (const otherId of ids) {
          const key = knownKey({ framework: other, requirementId: otherId });
          const entry = this.coMapped.get(key) ?? { controls: 0, here: new Map<string, number>() };
          entry.controls++;
          for (const id of here) entry.here.set(id, (entry.here.get(id) ?? 0) + 1);
          this.coMapped.set(key, entry);
        }
      }
    }
    this.ownIdf = ownIdf;
    this.crosswalkIdf = inverseFrequencies(crosswalk);
    this.requirements = requirements.map((r, i) => ({
      id: r.id,
      label: r.title,
      own: own[i],
      examples: termVector(examples[i], library.idf),
      crosswalk: termVector(crosswalk[i], this.crosswalkIdf),
    }));
  }

  /**
   * Up to `limit` requirements for a text, best first, leaving out those scoring under `floor` times
   * the best one (0 returns a full list).
   */
  suggest(text: string, limit = 5, floor = suggestionFloor(this.framework), leaveOut: ReadonlySet<string> = new Set(), known: readonly KnownMapping[] = []): MappingSuggestion[] {
    const terms = termsOf(text);
    const counts = countTerms(terms.map((t) => t.term));
    const query = { own: termVector(counts, this.ownIdf), examples: termVector(counts, libraryTermCounts().idf), crosswalk: termVector(counts, this.crosswalkIdf) };
    const alongside = this.alongside(known);
    const scored = this.requirements
      .filter((r) => !leaveOut.has(r.id.toLowerCase()))
      .map((r) => ({
        r,
        score:
          this.weights.label * cosine(query.own, r.own) +
          this.weights.examples * cosine(query.examples, r.examples) +
          this.weights.crosswalk * cosine(query.crosswalk, r.crosswalk) +
          KNOWN_WEIGHT * (alongside.get(r.id) ?? 0),
      }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.r.id.localeCompare(b.r.id));
    const best = scored[0]?.score ?? 1;
    return scored
      .slice(0, limit)
      .map(({ r, score }) => ({ r, relative: Math.round((score / best) * 100) / 100 }))
      .filter((s) => s.relative >= floor)
      .map(({ r, relative }) => ({ requirementId: r.id, label: r.label, score: relative, words: matchedWords(terms, query, r, this.weights) }));
  }

  /**
   * The control's mappings in other frameworks as a crosswalk: for each requirement here, the share
   * of the library controls mapped to each of them that are also mapped to it, averaged.
   */
  private alongside(known: readonly KnownMapping[]): Map<string, number> {
    const shares = new Map<string, number>();
    const entries = known.map((k) => this.coMapped.get(knownKey(k))).filter((e) => e !== undefined);
    for (const entry of entries) for (const [id, n] of entry.here) shares.set(id, (shares.get(id) ?? 0) + n / entry.controls / entries.length);
    return shares;
  }
}

/** The text's words by how much they added to a requirement's score. */
function matchedWords(terms: readonly Term[], query: Record<"own" | "examples" | "crosswalk", TermVector>, r: RequirementVectors, weights: Weights): string[] {
  const byWord = new Map<string, number>();
  for (const { term, word } of terms) {
    const share =
      weights.label * (query.own.get(term) ?? 0) * (r.own.get(term) ?? 0) +
      weights.examples * (query.examples.get(term) ?? 0) * (r.examples.get(term) ?? 0) +
      weights.crosswalk * (query.crosswalk.get(term) ?? 0) * (r.crosswalk.get(term) ?? 0);
    if (share > 0) byWord.set(word, Math.max(byWord.get(word) ?? 0, share));
  }
  return [...byWord].sort((a, b) => b[1] - a[1]).slice(0, WORDS_SHOWN).map(([word]) => word);
}

/** The index of each framework, built once per catalog (a custom framework read again is indexed afresh). */
const indexes = new WeakMap<object, SuggestionIndex>();
function indexOf(framework: FrameworkKey): SuggestionIndex {
  const catalog = getFramework(framework);
  let index = indexes.get(catalog);
  if (!index) {
    index = new SuggestionIndex(framework);
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * Suggestions for a control's name and description in one framework, without the IDs it already
 * has; `known`, its mappings in other frameworks, rank the requirements the library maps alongside them higher.
 */
export function suggestMappings(framework: FrameworkKey, text: string, already: readonly string[] = [], limit = 5, known: readonly KnownMapping[] = []): MappingSuggestion[] {
  return indexOf(framework).suggest(text, limit, suggestionFloor(framework), new Set(already.map((id) => id.toLowerCase())), known);
}

export interface SuggestionQuality {
  framework: FrameworkKey;
  controls: number;
  /** Over the suggestions shown (up to five, above the framework's floor): the share that are true mappings. */
  precisionAt5: number;
  /** The share of a control's true mappings among the suggestions shown. */
  recallAt5: number;
  /** How many suggestions are shown on average. */
  shown: number;
  /** Hits in a full list of five, divided by five (the ranking alone, no floor). */
  precisionOfFive: number;
  recallOfFive: number;
  /** The share of controls whose first suggestion is a true mapping. */
  precisionAt1: number;
}

/**
 * Leave-one-out on the library: each mapped control's own mappings are hidden (from every
 * framework: they are neither examples nor crosswalk), its text is suggested from, and the
 * suggestions are compared with what it really maps to.
 */
export function measureSuggestions(framework: FrameworkKey, k = 5, floor = suggestionFloor(framework), withOtherMappings = false): SuggestionQuality {
  const assessable = new Set(assessableRequirements(framework).map((r) => r.id));
  const sums = { precision: 0, recall: 0, shown: 0, precisionOfFive: 0, recallOfFive: 0, first: 0 };
  let controls = 0;
  for (const control of CONTROL_LIBRARY) {
    const truth = new Set(mappedIds(control, framework).filter((id) => assessable.has(id)));
    if (truth.size === 0) continue;
    const known = withOtherMappings ? otherMappings(control, framework) : [];
    const full = new SuggestionIndex(framework, control.id).suggest(libraryText(control), k, 0, new Set(), known);
    const shown = full.filter((s) => s.score >= floor);
    const hits = (list: MappingSuggestion[]) => list.filter((s) => truth.has(s.requirementId)).length;
    sums.precision += shown.length ? hits(shown) / shown.length : 0;
    sums.recall += hits(shown) / truth.size;
    sums.shown += shown.length;
    sums.precisionOfFive += hits(full) / k;
    sums.recallOfFive += hits(full) / truth.size;
    sums.first += full.length && truth.has(full[0].requirementId) ? 1 : 0;
    controls++;
  }
  const mean = (sum: number) => (controls ? sum / controls : 0);
  return {
    framework,
    controls,
    precisionAt5: mean(sums.precision),
    recallAt5: mean(sums.recall),
    shown: mean(sums.shown),
    precisionOfFive: mean(sums.precisionOfFive),
    recallOfFive: mean(sums.recallOfFive),
    precisionAt1: mean(sums.first),
  };
}

/** A library control's mappings outside one framework, as the user's Control Matrix would hold them. */
function otherMappings(control: LibraryControl, framework: FrameworkKey): KnownMapping[] {
  return (Object.entries(control.mappings) as [FrameworkKey, string[]][]).filter(([key]) => key !== framework).flatMap(([key, ids]) => ids.map((requirementId) => ({ framework: key, requirementId })));
}
