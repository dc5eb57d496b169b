// Proposes themes for a forum's inputs (Forum Konsultasi Publik, PermenPANRB 16/2017; DOMAIN.md §4).
// In two sentences, for a moderator: inputs are grouped when they share words (allowing for different spellings
// of the same word) and speak to the same service element and topic as learned from earlier forums; the grouping is cut
// where this forum's groups are most clearly apart from each other. Each theme is named after the key clause of
// its most typical input, and inputs that fit no group well are left for the moderator under "masukan lain".
// Method: similarity = (1 − e − t) × lexical + e × element + t × topic, where lexical is the mean of the TF-IDF
// cosines of word stems and of character n-grams, element is the chance that the classifier puts both inputs in
// one element, Σ p_a(c) p_b(c) (agreeing on "other" counts for nothing), topic the same chance for the topic model
// (topics.ts), so inputs a model is unsure about are not made alike by it; average
// linkage; the cut is the threshold with the best mean silhouette in `cutRange` (dendrogram.ts); lone inputs
// join the theme they are on average at least `attachFloor` alike to. Settings were chosen on the development
// forums of tests/fixtures/forum-corpus.labelled.json (docs/decisions/0010-forum-themes-learned.md).

import { averageLinkageMerges, bestCut, cutTree } from "./dendrogram";
import type { ElementModel } from "./element-classifier";
import { ELEMENT_MODEL, elementOfGroup, elementProbabilities, suggestForWords, type ElementSuggestion } from "./element-suggestion";
import { analyseWords, featuresOfWords, type AnalysedWord } from "./features";
import { byCentrality, themeTitles } from "./titles";
import { TOPIC_MODEL } from "./topic-model";
import { topicProbabilities, type TopicModel } from "./topics";
import { addScaled, cosineSimilarityMatrix, tfIdfVectors, type SparseVector } from "./vectors";

export interface ForumItem {
  readonly id: string;
  readonly text: string;
}

export interface ThemeOptions {
  /** Groups with fewer items are not themes; their items are listed as unthemed. */
  readonly minThemeSize?: number;
  /** Share of the element probabilities in the similarity (0 groups by words alone). */
  readonly elementWeight?: number;
  /** Share of character n-grams within the lexical similarity (the rest is word stems). */
  readonly gramWeight?: number;
  /** The range searched for the cut with the best silhouette. */
  readonly cutRange?: readonly [number, number];
  /** A fixed cut instead of the silhouette's choice. */
  readonly threshold?: number;
  /** A lone input joins the theme it is on average at least this alike to (1 keeps lone inputs apart). */
  readonly attachFloor?: number;
  /** How many characteristic words are listed in `topTerms`. */
  readonly topTermCount?: number;
  /** The element classifier (the trained one by default; benchmarks pass one trained without the forum). */
  readonly elementModel?: ElementModel;
  /** Share of the topic probabilities (themes of earlier forums, topics.ts) in the similarity, at most 1 − elementWeight. */
  readonly topicWeight?: number;
  /** The topic model (the trained one by default; benchmarks pass one trained without the forum). */
  readonly topicModel?: TopicModel;
}

export interface ProposedTheme {
  /** Stable within one proposal: the top stems joined, made unique with a number. */
  readonly key: string;
  /** A readable title: the key clause of the theme's most central input, unique within the proposal. */
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
  /** The similarity at which the grouping was cut. */
  readonly threshold: number;
}

export const DEFAULT_THEME_OPTIONS: Required<Omit<ThemeOptions, "threshold" | "elementModel" | "topicModel">> = {
  minThemeSize: 2,
  elementWeight: 0.4,
  topicWeight: 0.5,
  gramWeight: 0.5,
  cutRange: [0.05, 0.6],
  attachFloor: 0.1,
  topTermCount: 6,
};

/** Steps between the thresholds tried for the cut. */
const CUT_STEP = 0.025;

function candidateThresholds([from, to]: readonly [number, number]): number[] {
  const list: number[] = [];
  for (let value = from; value <= to + 1e-9; value += CUT_STEP) list.push(Math.round(value * 1000) / 1000);
  return list;
}

/**
 * How likely two items are to fall in the same class, Σ_c p_a(c) p_b(c), n×n; classes from `skipFrom` on count
 * for nothing. Two confident items of one class score near 1; two items the model is unsure about score low,
 * however alike their spread-out probabilities are (their cosine, used before, would be near 1 and glue every
 * unsure input of a forum from another region into one group).
 */
export function probabilityAgreement(probabilities: readonly (readonly number[])[], skipFrom = Infinity): Float32Array {
  const count = probabilities.length;
  const result = new Float32Array(count * count);
  for (let a = 0; a < count; a++) {
    const pa = probabilities[a] ?? [];
    for (let b = a + 1; b < count; b++) {
      const pb = probabilities[b] ?? [];
      let dot = 0;
      for (let c = 0; c < Math.min(pa.length, skipFrom); c++) dot += (pa[c] ?? 0) * (pb[c] ?? 0);
      result[a * count + b] = dot;
      result[b * count + a] = dot;
    }
  }
  return result;
}

/** Most frequent written form per stem, so listed words read as words people use. */
function surfaceForms(analysed: readonly (readonly AnalysedWord[])[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const words of analysed) {
    for (const { stem, word } of words) {
      const forms = counts.get(stem) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      counts.set(stem, forms);
    }
  }
  const best = new Map<string, string>();
  for (const [stem, forms] of counts) {
    const [form] = [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [stem];
    best.set(stem, form);
  }
  return best;
}

/** Stems of a group by mean TF-IDF weight in the group less their mean over all inputs. */
function characteristicStems(group: readonly number[], vectors: readonly SparseVector[], terms: readonly string[], corpus: ReadonlyMap<number, number>): string[] {
  const totals = new Map<number, number>();
  for (const index of group) {
    const vector = vectors[index];
    if (vector === undefined) continue;
    for (let slot = 0; slot < vector.terms.length; slot++) {
      const term = vector.terms[slot] ?? 0;
      totals.set(term, (totals.get(term) ?? 0) + (vector.weights[slot] ?? 0));
    }
  }
  return [...totals.entries()]
    .map(([term, total]) => ({ term, score: total / group.length - (corpus.get(term) ?? 0) / vectors.length }))
    .sort((a, b) => b.score - a.score || a.term - b.term)
    .map(({ term }) => terms[term] ?? "")
    .filter((term) => term !== "" && !term.includes("_"));
}

function validate(settings: typeof DEFAULT_THEME_OPTIONS & { threshold?: number }) {
  const within = (value: number) => value >= 0 && value <= 1;
  if (!Number.isInteger(settings.minThemeSize) || settings.minThemeSize < 1) {
    throw new RangeError(`proposeThemes: minThemeSize must be a whole number from 1, got ${settings.minThemeSize}`);
  }
  for (const [name, value] of [
    ["elementWeight", settings.elementWeight],
    ["topicWeight", settings.topicWeight],
    ["gramWeight", settings.gramWeight],
    ["attachFloor", settings.attachFloor],
    ["cutRange[0]", settings.cutRange[0]],
    ["cutRange[1]", settings.cutRange[1]],
  ] as const) {
    if (!within(value)) throw new RangeError(`proposeThemes: ${name} must be within 0..1, got ${value}`);
  }
  if (settings.threshold !== undefined && !within(settings.threshold)) {
    throw new RangeError(`proposeThemes: threshold must be within 0..1, got ${settings.threshold}`);
  }
}

/** Groups forum inputs into proposed themes; every input ends up in exactly one theme or in `unthemed`. */
export function proposeThemes(items: readonly ForumItem[], options: ThemeOptions = {}): ThemeProposal {
  const settings = { ...DEFAULT_THEME_OPTIONS, ...options };
  validate(settings);
  const seenIds = new Set<string>();
  for (const item of items) {
    if (seenIds.has(item.id)) throw new Error(`proposeThemes: item id "${item.id}" occurs more than once`);
    seenIds.add(item.id);
  }
  const count = items.length;
  const analysed = items.map((item) => analyseWords(item.text));
  const blocks = analysed.map((words) => featuresOfWords(words));
  // A feature of one input only cannot make two inputs alike; it would only dilute the others' weights.
  const stemVectors = tfIdfVectors(blocks.map((block) => block.stems), () => 1, 2);
  const gramVectors = tfIdfVectors(blocks.map((block) => block.grams), () => 1, 2);
  const model = options.elementModel ?? ELEMENT_MODEL;
  const probabilities = analysed.map((words) => elementProbabilities(words, model));
  const topicModel = options.topicModel ?? TOPIC_MODEL;
  // The topic's share is what the element leaves at most.
  const topicWeight = topicModel.classes.length > 0 ? Math.min(settings.topicWeight, 1 - settings.elementWeight) : 0;
  const lexicalWeight = 1 - settings.elementWeight - topicWeight;
  const similarity = new Float32Array(count * count);
  addScaled(similarity, cosineSimilarityMatrix(stemVectors.vectors, stemVectors.vocabulary.terms.length), lexicalWeight * (1 - settings.gramWeight));
  addScaled(similarity, cosineSimilarityMatrix(gramVectors.vectors, gramVectors.vocabulary.terms.length), lexicalWeight * settings.gramWeight);
  if (settings.elementWeight > 0) {
    // Two inputs that are both "other" (proposals of a musrenbang, say) are not alike for that: their topics and
    // words decide. "other" is the last class.
    const otherClass = model.classes.indexOf("other");
    addScaled(similarity, probabilityAgreement(probabilities, otherClass < 0 ? Infinity : otherClass), settings.elementWeight);
  }
  if (topicWeight > 0) addScaled(similarity, probabilityAgreement(analysed.map((words) => topicProbabilities(words, topicModel))), topicWeight);

  const floor = Math.min(settings.threshold ?? settings.cutRange[0], settings.cutRange[0]);
  const merges = averageLinkageMerges(similarity, count, floor);
  const cut =
    settings.threshold !== undefined
      ? { threshold: settings.threshold, groups: cutTree(merges, count, settings.threshold) }
      : bestCut(merges, similarity, count, candidateThresholds(settings.cutRange));

  const themeGroups = cut.groups.filter((group) => group.length >= settings.minThemeSize).map((group) => [...group]);
  const lone = cut.groups.filter((group) => group.length < settings.minThemeSize).flat();
  const unthemedIndices: number[] = [];
  for (const item of lone) {
    let best = -1;
    let bestMean = -Infinity;
    for (const [index, group] of themeGroups.entries()) {
      let sum = 0;
      for (const member of group) sum += similarity[item * count + member] ?? 0;
      if (sum / group.length > bestMean) {
        bestMean = sum / group.length;
        best = index;
      }
    }
    if (best >= 0 && bestMean >= settings.attachFloor) themeGroups[best]?.push(item);
    else unthemedIndices.push(item);
  }
  for (const group of themeGroups) group.sort((a, b) => a - b);
  themeGroups.sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));

  const forms = surfaceForms(analysed);
  const corpusTotals = new Map<number, number>();
  for (const vector of stemVectors.vectors) {
    for (let slot = 0; slot < vector.terms.length; slot++) {
      const term = vector.terms[slot] ?? 0;
      corpusTotals.set(term, (corpusTotals.get(term) ?? 0) + (vector.weights[slot] ?? 0));
    }
  }
  const described = themeGroups.map((group) => {
    const stems = characteristicStems(group, stemVectors.vectors, stemVectors.vocabulary.terms, corpusTotals);
    return { group, stems, membersByCentrality: byCentrality(group, similarity, count) };
  });
  const titles = themeTitles(
    described.map((theme) => ({ membersByCentrality: theme.membersByCentrality, stems: new Set(theme.stems.slice(0, settings.topTermCount)) })),
    items.map((item) => item.text),
  );
  const usedKeys = new Map<string, number>();
  const themes = described.map(({ group, stems }, index): ProposedTheme => {
    const baseKey = stems.slice(0, 3).join("-") || "tema";
    const occurrence = (usedKeys.get(baseKey) ?? 0) + 1;
    usedKeys.set(baseKey, occurrence);
    const element = elementOfGroup(group.map((member) => probabilities[member] ?? []), model);
    // The reasons: the words that weighed most for this element in the theme's inputs, most frequent first.
    const wordCounts = new Map<string, number>();
    if (element !== "other") {
      for (const member of group) {
        const suggestion = suggestForWords(analysed[member] ?? [], model);
        if (suggestion.element !== element) continue;
        for (const word of suggestion.matched) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
      }
    }
    const matched = [...wordCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8).map(([word]) => word);
    return {
      key: occurrence === 1 ? baseKey : `${baseKey}-${occurrence}`,
      label: titles[index] ?? "Tema",
      topTerms: stems.slice(0, settings.topTermCount).map((stem) => forms.get(stem) ?? stem),
      itemIds: group.map((member) => items[member]?.id ?? ""),
      suggestedElement: { element, matched },
    };
  });
  const unthemed = unthemedIndices.sort((a, b) => a - b).map((index) => items[index]?.id ?? "");
  return { themes, unthemed, threshold: cut.threshold };
}
