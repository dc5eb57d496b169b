// Proposes themes for forum inputs (Forum Konsultasi Publik, PermenPANRB 16/2017; DOMAIN.md §4).
// Method: each input becomes a TF-IDF vector over its stems, negated stems ("tidak_ramah") and the service topics
// it mentions (topics.ts); inputs are grouped by average-linkage agglomerative clustering on cosine similarity,
// merging while two groups are on average at least `mergeThreshold` alike. Groups smaller than `minThemeSize` stay
// unthemed. A theme's label is its most characteristic words (mean TF-IDF in the theme less the mean over all
// inputs), in the form people wrote most often; its element is the majority of its inputs' suggestions.

import { combineElementSuggestions, suggestFromMatches, type ElementSuggestion } from "./element-suggestion";
import { analyse, NEGATION_PREFIX } from "./normalise";
import { isThesaurusTerm, matchTopics } from "./topics";

export interface ForumItem {
  readonly id: string;
  readonly text: string;
}

export interface ThemeOptions {
  /** Two groups merge while their mean pairwise cosine similarity is at least this (0..1). */
  readonly mergeThreshold?: number;
  /** Groups with fewer items are not themes; their items are listed as unthemed. */
  readonly minThemeSize?: number;
  /** Weight of a thesaurus topic feature relative to a word (0 groups by words alone). */
  readonly topicWeight?: number;
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
  mergeThreshold: 0.25,
  minThemeSize: 2,
  topicWeight: 2,
  labelWordCount: 3,
  topTermCount: 6,
};

/** Prefix of a thesaurus-topic feature; such features are never shown in labels. */
const TOPIC_PREFIX = "topik:";

/** Weight of a thesaurus word relative to other words when choosing label words. */
const LABEL_ISSUE_WORD_WEIGHT = 2;

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
 * TF-IDF vectors, sublinear term frequency (1 + ln tf) and smoothed IDF (ln((1 + n) / (1 + df)) + 1), times a
 * per-feature weight, L2-normalised. Terms in fewer than `minDocumentFrequency` documents are left out.
 */
export function tfIdfVectors(
  documents: readonly (readonly string[])[],
  featureWeight: (term: string) => number = () => 1,
  minDocumentFrequency = 1,
): { vectors: SparseVector[]; vocabulary: Vocabulary } {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const term of new Set(document)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  for (const [term, frequency] of [...documentFrequency.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (frequency < minDocumentFrequency) continue;
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
      const term = terms[index] ?? "";
      return featureWeight(term) * (1 + Math.log(termCount)) * (Math.log((1 + count) / (1 + frequency)) + 1);
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
  // Postings as flat arrays, grouped by term: documents and weights of term t live in [offsets[t], offsets[t + 1]).
  const offsets = new Int32Array(vocabularySize + 1);
  for (const vector of vectors) for (const term of vector.terms) offsets[term + 1] = (offsets[term + 1] ?? 0) + 1;
  for (let term = 0; term < vocabularySize; term++) offsets[term + 1] = (offsets[term + 1] ?? 0) + (offsets[term] ?? 0);
  const fill = offsets.slice(0, vocabularySize);
  const postingDocuments = new Int32Array(offsets[vocabularySize] ?? 0);
  const postingWeights = new Float64Array(postingDocuments.length);
  for (const [document, vector] of vectors.entries()) {
    for (let slot = 0; slot < vector.terms.length; slot++) {
      const term = vector.terms[slot] ?? 0;
      const at = fill[term] ?? 0;
      postingDocuments[at] = document;
      postingWeights[at] = vector.weights[slot] ?? 0;
      fill[term] = at + 1;
    }
  }
  for (let term = 0; term < vocabularySize; term++) {
    const end = offsets[term + 1] ?? 0;
    for (let first = offsets[term] ?? 0; first < end; first++) {
      const a = postingDocuments[first] ?? 0;
      const aWeight = postingWeights[first] ?? 0;
      for (let second = first + 1; second < end; second++) {
        const b = postingDocuments[second] ?? 0;
        const product = aWeight * (postingWeights[second] ?? 0);
        similarity[a * count + b] = (similarity[a * count + b] ?? 0) + product;
        similarity[b * count + a] = (similarity[b * count + a] ?? 0) + product;
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
    // lower index.
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
      activeIndices = activeIndices.filter((index) => active[index] === 1); // drops set-aside groups too
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

/** Sum of each term's weight over the given vectors. */
function termWeightTotals(indices: Iterable<number>, vectors: readonly SparseVector[]): Map<number, number> {
  const totals = new Map<number, number>();
  for (const index of indices) {
    const vector = vectors[index];
    if (vector === undefined) continue;
    for (let slot = 0; slot < vector.terms.length; slot++) {
      const term = vector.terms[slot] ?? 0;
      totals.set(term, (totals.get(term) ?? 0) + (vector.weights[slot] ?? 0));
    }
  }
  return totals;
}

/**
 * Terms of a group by mean TF-IDF weight in the group less their mean over all inputs, so words said everywhere
 * ("petugas", "warga") give way to the group's own. A word and its negated form count once, as the stronger.
 */
function characteristicTerms(
  group: readonly number[],
  vectors: readonly SparseVector[],
  vocabulary: Vocabulary,
  corpusTotals: ReadonlyMap<number, number>,
): string[] {
  const groupTotals = termWeightTotals(group, vectors);
  const scored = [...groupTotals.entries()].map(([term, total]) => ({
    term,
    score: total / group.length - (corpusTotals.get(term) ?? 0) / vectors.length,
  }));
  const ranked = scored
    .sort((a, b) => b.score - a.score || a.term - b.term)
    .map(({ term }) => vocabulary.terms[term] ?? "");
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
  if (!(settings.mergeThreshold >= 0 && settings.mergeThreshold <= 1)) {
    throw new RangeError(`proposeThemes: mergeThreshold must be within 0..1, got ${settings.mergeThreshold}`);
  }
  if (!Number.isInteger(settings.minThemeSize) || settings.minThemeSize < 1) {
    throw new RangeError(`proposeThemes: minThemeSize must be a whole number from 1, got ${settings.minThemeSize}`);
  }
  if (!(settings.topicWeight >= 0)) {
    throw new RangeError(`proposeThemes: topicWeight must not be negative, got ${settings.topicWeight}`);
  }
  const seenIds = new Set<string>();
  for (const item of items) {
    if (seenIds.has(item.id)) throw new Error(`proposeThemes: item id "${item.id}" occurs more than once`);
    seenIds.add(item.id);
  }

  const analysed = items.map((item) => analyse(item.text));
  const topicMatches = analysed.map((tokens) => matchTopics(tokens));
  // Each thesaurus word found adds its topic as a feature, so "antre" and "nunggu" inputs share one.
  const features = analysed.map((tokens, index) => [
    ...tokens.map((token) => token.term),
    ...(topicMatches[index] ?? []).map((match) => TOPIC_PREFIX + match.topic.name),
  ]);
  // A term in one input only cannot make two inputs alike; it would only dilute the others' weights.
  const similarityVectors = tfIdfVectors(
    features,
    (term) => (term.startsWith(TOPIC_PREFIX) ? settings.topicWeight : 1),
    2,
  );
  const similarity = cosineSimilarityMatrix(similarityVectors.vectors, similarityVectors.vocabulary.terms.length);
  // Labels are made from words only, every word counts, and words that name a service issue weigh double, so
  // "jutek, kasar" rather than "petugas, loket" names a theme about manners.
  const { vectors, vocabulary } = tfIdfVectors(
    analysed.map((tokens) => tokens.map((token) => token.term)),
    (term) => (isThesaurusTerm(term) ? LABEL_ISSUE_WORD_WEIGHT : 1),
  );
  const groups = averageLinkageGroups(similarity, items.length, settings.mergeThreshold);
  const forms = surfaceForms(analysed);
  const itemSuggestions = topicMatches.map((matches) => suggestFromMatches(matches));

  const themeGroups = groups
    .filter((group) => group.length >= settings.minThemeSize)
    .sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
  const corpusTotals = termWeightTotals(vectors.keys(), vectors);
  const usedKeys = new Map<string, number>();
  const themes = themeGroups.map((group): ProposedTheme => {
    const terms = characteristicTerms(group, vectors, vocabulary, corpusTotals);
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
