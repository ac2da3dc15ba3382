/**
 * TF-IDF term vectors and their cosine: the similarity the suggestions rank by. Cosines of unit
 * vectors lie between 0 and 1 whatever the document set, so the similarities to a requirement's
 * own label, to the controls mapped to it and to the requirements it is mapped alongside can be
 * added on one scale (BM25 scores from separate indexes cannot).
 */

/** How often each term occurs in a text (or, summed, in several). */
export type TermCounts = Map<string, number>;

/** A TF-IDF vector of length 1. */
export type TermVector = Map<string, number>;

export function countTerms(terms: Iterable<string>, into: TermCounts = new Map()): TermCounts {
  for (const term of terms) into.set(term, (into.get(term) ?? 0) + 1);
  return into;
}

export function addCounts(into: TermCounts, counts: TermCounts): TermCounts {
  for (const [term, count] of counts) into.set(term, (into.get(term) ?? 0) + count);
  return into;
}

/** BM25's inverse document frequency, ln(1 + (N − n + 0.5) / (n + 0.5)), of every term of a set of documents. */
export function inverseFrequencies(documents: readonly TermCounts[]): Map<string, number> {
  const holding = new Map<string, number>();
  for (const document of documents) for (const term of document.keys()) holding.set(term, (holding.get(term) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [term, n] of holding) idf.set(term, Math.log(1 + (documents.length - n + 0.5) / (n + 0.5)));
  return idf;
}

/**
 * The weight of a term no document holds. It still counts in a text's length, so a text mostly about
 * something else matches less than one about the requirement alone.
 */
const UNSEEN_TERM_WEIGHT = 5;

/** Log-scaled term frequency times inverse document frequency, scaled to length 1. */
export function termVector(counts: TermCounts, idf: ReadonlyMap<string, number>): TermVector {
  const vector: TermVector = new Map();
  let squares = 0;
  for (const [term, count] of counts) {
    if (count <= 0) continue;
    const weight = (1 + Math.log(count)) * (idf.get(term) ?? UNSEEN_TERM_WEIGHT);
    vector.set(term, weight);
    squares += weight * weight;
  }
  const length = Math.sqrt(squares) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}
