/**
 * Mapping suggestions: for a control's text, the requirements of a framework it most likely
 * meets, ranked by BM25 (MiniSearch) over each requirement's own words, the words of the
 * requirements above it, and the names and descriptions of the library controls already mapped to
 * it. Offline and inside the bundle; nothing is written until the user accepts a suggestion.
 */
import MiniSearch from "minisearch";
import { assessableRequirements, findRequirement } from "../catalogs";
import { CONTROL_LIBRARY } from "../controls";
import type { LibraryControl } from "../controls/types";
import type { FrameworkKey } from "../frameworkKeys";

export interface MappingSuggestion {
  requirementId: string;
  label: string;
  /** 0 to 1: the score relative to the best suggestion for this text. */
  score: number;
  /** The words of the control's text that matched. */
  words: string[];
}

interface RequirementDocument {
  id: string;
  label: string;
  context: string;
  examples: string;
}

/** Words too common in control and requirement text to tell requirements apart. */
const STOP_WORDS = new Set(
  "a an and are as at be by for from has have in into is it its of on or that the their this to with within without where which who will shall must should may all any each other such use used using based".split(" "),
);

/** A light stemmer: plurals and common endings, so "reviews", "reviewed" and "review" meet. */
function stem(term: string): string {
  return term
    .replace(/(ies)$/, "y")
    .replace(/(ing|ed|es|s)$/, "")
    .replace(/(ation|ment)$/, "");
}

const processTerm = (term: string): string | null => {
  const lower = term.toLowerCase();
  if (lower.length < 3 || STOP_WORDS.has(lower)) return null;
  return stem(lower);
};

/** The library controls mapped to each requirement of a framework (leaving out `except`). */
function examplesByRequirement(key: FrameworkKey, except?: string): Map<string, LibraryControl[]> {
  const byRequirement = new Map<string, LibraryControl[]>();
  for (const control of CONTROL_LIBRARY) {
    if (control.id === except) continue;
    for (const id of mappedIds(control, key)) {
      const list = byRequirement.get(id) ?? [];
      list.push(control);
      byRequirement.set(id, list);
    }
  }
  return byRequirement;
}

/** The requirement IDs a library control is mapped to in one framework. */
export function mappedIds(control: LibraryControl, key: FrameworkKey): string[] {
  return [...(control.mappings[key] ?? [])];
}

function ancestorsText(key: FrameworkKey, id: string): string {
  const words: string[] = [];
  for (let parent = findRequirement(key, id)?.parent; parent; parent = findRequirement(key, parent)?.parent) {
    words.push(findRequirement(key, parent)?.title ?? "");
  }
  return words.join(" ");
}

/** An index of one framework's requirements; `except` hides one library control's mappings (leave-one-out). */
export class SuggestionIndex {
  private readonly search: MiniSearch<RequirementDocument>;
  private readonly labels = new Map<string, string>();

  constructor(readonly framework: FrameworkKey, except?: string) {
    const examples = examplesByRequirement(framework, except);
    const documents = assessableRequirements(framework).map((r): RequirementDocument => {
      this.labels.set(r.id, r.title);
      return {
        id: r.id,
        label: r.title,
        context: ancestorsText(framework, r.id),
        examples: (examples.get(r.id) ?? []).map((c) => `${c.name}. ${c.description}`).join(" "),
      };
    });
    this.search = new MiniSearch<RequirementDocument>({ fields: ["label", "context", "examples"], storeFields: [], processTerm });
    this.search.addAll(documents);
  }

  suggest(text: string, limit = 5): MappingSuggestion[] {
    const results = this.search.search(text, { boost: { label: 2, context: 0.5, examples: 1 }, combineWith: "OR", fuzzy: false, prefix: false });
    const best = results[0]?.score ?? 1;
    return results.slice(0, limit).map((result) => ({
      requirementId: String(result.id),
      label: this.labels.get(String(result.id)) ?? "",
      score: Math.round((result.score / best) * 100) / 100,
      words: result.terms,
    }));
  }
}

/** Suggestions for a control's name and description in one framework, without the IDs it already has. */
export function suggestMappings(framework: FrameworkKey, text: string, already: readonly string[] = [], limit = 5): MappingSuggestion[] {
  const taken = new Set(already.map((id) => id.toLowerCase()));
  return new SuggestionIndex(framework)
    .suggest(text, limit + taken.size)
    .filter((s) => !taken.has(s.requirementId.toLowerCase()))
    .slice(0, limit);
}

export interface SuggestionQuality {
  framework: FrameworkKey;
  controls: number;
  precisionAt5: number;
  recallAt5: number;
}

/**
 * Leave-one-out on the library: each mapped control's own mappings are hidden, its text is
 * suggested from, and the top five are compared with what it really maps to.
 */
export function measureSuggestions(framework: FrameworkKey, k = 5): SuggestionQuality {
  let precision = 0;
  let recall = 0;
  let controls = 0;
  for (const control of CONTROL_LIBRARY) {
    const truth = new Set(mappedIds(control, framework).filter((id) => assessableRequirements(framework).some((r) => r.id === id)));
    if (truth.size === 0) continue;
    const suggested = new SuggestionIndex(framework, control.id).suggest(`${control.name}. ${control.description}`, k);
    const hits = suggested.filter((s) => truth.has(s.requirementId)).length;
    precision += hits / k;
    recall += hits / truth.size;
    controls++;
  }
  return { framework, controls, precisionAt5: controls ? precision / controls : 0, recallAt5: controls ? recall / controls : 0 };
}
