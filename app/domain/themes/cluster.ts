// Proposes themes for forum inputs (Forum Konsultasi Publik, PermenPANRB 16/2017; DOMAIN.md §4).
// Method: each input becomes a TF-IDF vector over its stems and negated stems; inputs are grouped by
// average-linkage agglomerative clustering on cosine similarity, merging while two groups are on average at least
// `mergeThreshold` alike. Groups smaller than `minThemeSize` stay unthemed. Labels are the words with the
// highest mean TF-IDF in the group, shown in the form people wrote most often.

import { combineElementSuggestions, suggestElement, type ElementSuggestion } from "./element-suggestion";
import { analyse, NEGATION_PREFIX } from "./normalise";

export interface ForumItem {
  readonly id: string;
  readonly text: string;
}

export interface ThemeOptions {
  /** Two groups merge while their mean pairwise cosine similarity is at least this (0..1). */
  readonly mergeThreshold?: number;
  /** Groups with fewer items are not themes; their items are listed as unthemed. */
  readonly minThemeSize?: number;
  /** How many characteristic words make the label. */
  readonly labelWordCount?: number;
  /** How many characteristic words are listed in `topTerms`. */
  readonly topTermCount?: number;
}

export interface ProposedTheme {
  /** Stable within one proposal: the top stems joined, made unique with a number. */
  readonly key: string;
  /** The characteristic words, e.g. "antrean, lama, loket". */
  readonly label: string;
  /** Characteristic words in order, as people wrote them. */
  readonly topTerms: string[];
  /** Every item in the theme, in input order. */
  readonly itemIds: string[];
  readonly suggestedElement: ElementSuggestion;
}

export interface ThemeProposal {
  /** Largest first. */
  readonly themes: ProposedTheme[];
  /** Items that belong to no theme, in input order. */
  readonly unthemed: string[];
}

// Tuned on tests/fixtures/forum-items.labelled.json (tests/bench/themes-quality.ts); see the bench for figures.
export const DEFAULT_THEME_OPTIONS: Required<ThemeOptions> = {
  mergeThreshold: 0.1,
  minThemeSize: 2,
  labelWordCount: 3,
  topTermCount: 6,
};

/** A sparse, L2-normalised vector: term indices ascending, with their weights. */
export interface SparseVector {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

interface Vocabulary {
  readonly termIndex: Map<string, number>;
  readonly terms: string[];
}

/**
 * TF-IDF vectors, sublinear term frequency (1 + ln tf) and smoothed IDF (ln((1 + n) / (1 + df)) + 1). Terms seen in
 * one input only are left out: they cannot make two inputs alike, they would only dilute the others.
 */
export function tfIdfVectors(documents: readonly (readonly string[])[]): { vectors: SparseVector[]; vocabulary: Vocabulary } {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const term of new Set(document)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  for (const [term, frequency] of [...documentFrequency.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (frequency < 2) continue;
    termIndex.set(term, terms.length);
    terms.push(term);
  }
  const count = documents.length;
  const vectors = documents.map((document) => {
    const termCounts = new Map<number, number>();
    for (const term of document) {
      const index = termIndex.get(term);
      if (index !== undefined) termCounts.set(index, (termCounts.get(index) ?? 0) + 1);
    }
    const entries = [...termCounts.entries()].sort((a, b) => a[0] - b[0]);
    const weights = entries.map(([index, termCount]) => {
      const frequency = documentFrequency.get(terms[index] ?? "") ?? 1;
      return (1 + Math.log(termCount)) * (Math.log((1 + count) / (1 + frequency)) + 1);
    });
    const norm = Math.sqrt(weights.reduce((sum, weight) => sum + weight * weight, 0));
    return {
      terms: Int32Array.from(entries.map(([index]) => index)),
      weights: Float64Array.from(weights.map((weight) => (norm > 0 ? weight / norm : 0))),
    };
  });
  return { vectors, vocabulary: { termIndex, terms } };
}

/** All pairwise cosine similarities (vectors are unit length), row-major n×n, through an inverted index. */
export function cosineSimilarityMatrix(vectors: readonly SparseVector[], vocabularySize: number): Float32Array {
  const count = vectors.length;
  const similarity = new Float32Array(count * count);
  const postings: { document: number; weight: number }[][] = Array.from({ length: vocabularySize }, () => []);
  for (const [document, vector] of vectors.entries()) {
    for (let slot = 0; slot < vector.terms.length; slot++) {
      postings[vector.terms[slot] ?? 0]?.push({ document, weight: vector.weights[slot] ?? 0 });
    }
  }
  for (const list of postings) {
    for (let first = 0; first < list.length; first++) {
      const a = list[first];
      if (a === undefined) continue;
      for (let second = first + 1; second < list.length; second++) {
        const b = list[second];
        if (b === undefined) continue;
        const product = a.weight * b.weight;
        similarity[a.document * count + b.document] += product;
        similarity[b.document * count + a.document] += product;
      }
    }
  }
  return similarity;
}

/**
 * Average-linkage agglomerative clustering, stopped at `threshold`, by the nearest-neighbour chain algorithm
 * (O(n²) time, the n×n matrix is updated in place). A group whose best partner is below the threshold is set
 * aside for good: average linkage never raises a similarity by merging, so it could not join later.
 * Returns the groups as lists of item indices, each ascending, ordered by their first item.
 */
export function averageLinkageGroups(similarity: Float32Array, count: number, threshold: number): number[][] {
  const size = new Int32Array(count).fill(1);
  const active = new Uint8Array(count).fill(1);
  const members: number[][] = Array.from({ length: count }, (_, index) => [index]);
  let activeIndices = Array.from({ length: count }, (_, index) => index);
  const chain: number[] = [];
  let nextStart = 0;

  while (true) {
    if (chain.length === 0) {
      while (nextStart < count && active[nextStart] === 0) nextStart++;
      if (nextStart >= count) break;
      chain.push(nextStart);
    }
    const current = chain[chain.length - 1] ?? 0;
    const previous = chain.length >= 2 ? chain[chain.length - 2] : undefined;
    // Nearest active neighbour; on a tie the previous chain link wins (which guarantees the chain ends), then the
    // lower index (which keeps the result independent of scan order).
    let nearest = -1;
    let nearestSimilarity = -Infinity;
    const row = current * count;
    for (const candidate of activeIndices) {
      if (candidate === current || active[candidate] === 0) continue;
      const value = similarity[row + candidate] ?? 0;
      if (
        value > nearestSimilarity ||
        (value === nearestSimilarity && (candidate === previous || (nearest !== previous && candidate < nearest)))
      ) {
        nearest = candidate;
        nearestSimilarity = value;
      }
    }
    if (nearest < 0 || nearestSimilarity < threshold) {
      active[current] = 0; // finished: nothing is close enough now, nor will be
      chain.pop();
      continue;
    }
    if (nearest === previous) {
      chain.pop();
      chain.pop();
      mergeInto(similarity, count, size, active, activeIndices, current, nearest);
      const [kept, removed] = current < nearest ? [current, nearest] : [nearest, current];
      members[kept] = [...(members[kept] ?? []), ...(members[removed] ?? [])];
      members[removed] = [];
      activeIndices = activeIndices.filter((index) => index !== removed);
    } else {
      chain.push(nearest);
    }
  }
  return members
    .filter((group) => group.length > 0)
    .map((group) => group.sort((a, b) => a - b))
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/** Lance–Williams update for average linkage: the merged group's similarity is the size-weighted mean. */
function mergeInto(
  similarity: Float32Array,
  count: number,
  size: Int32Array,
  active: Uint8Array,
  activeIndices: readonly number[],
  first: number,
  second: number,
) {
  const [kept, removed] = first < second ? [first, second] : [second, first];
  const keptSize = size[kept] ?? 1;
  const removedSize = size[removed] ?? 1;
  for (const other of activeIndices) {
    if (other === kept || other === removed) continue;
    const merged =
      ((similarity[kept * count + other] ?? 0) * keptSize + (similarity[removed * count + other] ?? 0) * removedSize) /
      (keptSize + removedSize);
    similarity[kept * count + other] = merged;
    similarity[other * count + kept] = merged;
  }
  size[kept] = keptSize + removedSize;
  active[removed] = 0;
}

/** Most frequent surface form per term across all inputs, so labels read as words people use. */
function surfaceForms(analysed: readonly { term: string; surface: string }[][]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const tokens of analysed) {
    for (const { term, surface } of tokens) {
      const forms = counts.get(term) ?? new Map<string, number>();
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
      counts.set(term, forms);
    }
  }
  const best = new Map<string, string>();
  for (const [term, forms] of counts) {
    const [form] = [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [term];
    best.set(term, form);
  }
  return best;
}

/** Terms of a group by mean TF-IDF weight, a word and its negated form counted once (the stronger one). */
function characteristicTerms(group: readonly number[], vectors: readonly SparseVector[], vocabulary: Vocabulary): string[] {
  const totals = new Map<number, number>();
  for (const index of group) {
    const vector = vectors[index];
    if (vector === undefined) continue;
    for (let slot = 0; slot < vector.terms.length; slot++) {
      const term = vector.terms[slot] ?? 0;
      totals.set(term, (totals.get(term) ?? 0) + (vector.weights[slot] ?? 0));
    }
  }
  const ranked = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([index]) => vocabulary.terms[index] ?? "");
  const seenBases = new Set<string>();
  const result: string[] = [];
  for (const term of ranked) {
    const base = term.startsWith(NEGATION_PREFIX) ? term.slice(NEGATION_PREFIX.length) : term;
    if (seenBases.has(base)) continue;
    seenBases.add(base);
    result.push(term);
  }
  return result;
}

/** Groups forum inputs into proposed themes; every input ends up in exactly one theme or in `unthemed`. */
export function proposeThemes(items: readonly ForumItem[], options: ThemeOptions = {}): ThemeProposal {
  const settings = { ...DEFAULT_THEME_OPTIONS, ...options };
  const seenIds = new Set<string>();
  for (const item of items) {
    if (seenIds.has(item.id)) throw new Error(`proposeThemes: item id "${item.id}" occurs more than once`);
    seenIds.add(item.id);
  }

  const analysed = items.map((item) => analyse(item.text));
  const { vectors, vocabulary } = tfIdfVectors(analysed.map((tokens) => tokens.map((token) => token.term)));
  const similarity = cosineSimilarityMatrix(vectors, vocabulary.terms.length);
  const groups = averageLinkageGroups(similarity, items.length, settings.mergeThreshold);
  const forms = surfaceForms(analysed);
  const itemSuggestions = items.map((item) => suggestElement(item.text));

  const themeGroups = groups
    .filter((group) => group.length >= settings.minThemeSize)
    .sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
  const usedKeys = new Map<string, number>();
  const themes = themeGroups.map((group): ProposedTheme => {
    const terms = characteristicTerms(group, vectors, vocabulary);
    const words = terms.map((term) => forms.get(term) ?? term);
    const baseKey = terms.slice(0, 3).join("-").replaceAll("_", "-") || "tema";
    const occurrence = (usedKeys.get(baseKey) ?? 0) + 1;
    usedKeys.set(baseKey, occurrence);
    return {
      key: occurrence === 1 ? baseKey : `${baseKey}-${occurrence}`,
      label: words.slice(0, settings.labelWordCount).join(", "),
      topTerms: words.slice(0, settings.topTermCount),
      itemIds: group.map((index) => items[index]?.id ?? ""),
      suggestedElement: combineElementSuggestions(
        group.map((index) => itemSuggestions[index] ?? { element: "other", matched: [] }),
      ),
    };
  });
  const themed = new Set(themeGroups.flat());
  const unthemed = items.filter((_, index) => !themed.has(index)).map((item) => item.id);
  return { themes, unthemed };
}
