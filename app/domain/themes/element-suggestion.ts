// Suggests which SKM element (unsur, PermenPANRB 14/2017; DOMAIN.md §1.1) a forum input speaks to. A suggestion
// only: the moderator decides. The learned classifier (element-classifier.ts, weights in element-model.json,
// built by `npm run themes:train` from the development forums of tests/fixtures/forum-corpus.labelled.json)
// gives each element a probability; below the model's confidence the answer is "other". The input's own words
// that weighed most for the answer travel with it, so the screen can say why.

import { elementOrder, type ElementCode } from "../indicators/elements";
import {
  classProbabilities,
  contributions,
  ELEMENT_CLASSES,
  featureCounts,
  type ElementModel,
} from "./element-classifier";
import modelJson from "./element-model.json";
import { analyseWords, charGrams, featuresOfWords, NEGATION_PREFIX, type AnalysedWord } from "./features";

/** An element code, or "other" when no element is likely enough. */
export type SuggestedElement = ElementCode | "other";

export interface ElementSuggestion {
  readonly element: SuggestedElement;
  /** The input's own words (as normalised) that weighed most for the suggestion. */
  readonly matched: string[];
}

export const ELEMENT_MODEL = modelJson as unknown as ElementModel;

/** How many of the input's words are listed as the reason. */
const MATCHED_WORDS = 3;

/** Class probabilities of already analysed words, in ELEMENT_CLASSES order. */
export function elementProbabilities(words: readonly AnalysedWord[], model: ElementModel = ELEMENT_MODEL): number[] {
  const { stems, grams } = featuresOfWords(words);
  return classProbabilities(model, featureCounts(stems, grams, model.gramWeight));
}

/** The suggestion for probabilities: the likeliest class, "other" below the model's confidence. */
export function elementFromProbabilities(probabilities: readonly number[], model: ElementModel = ELEMENT_MODEL): SuggestedElement {
  let best = 0;
  for (let index = 1; index < probabilities.length; index++) if ((probabilities[index] ?? 0) > (probabilities[best] ?? 0)) best = index;
  const element = model.classes[best] ?? "other";
  return (probabilities[best] ?? 0) >= model.minConfidence ? element : "other";
}

/** The words whose features pushed hardest towards `element`, each once, in the order of their weight. */
function reasonWords(words: readonly AnalysedWord[], element: SuggestedElement, model: ElementModel): string[] {
  if (element === "other") return [];
  const classIndex = model.classes.indexOf(element);
  const { stems, grams } = featuresOfWords(words);
  const features = featureCounts(stems, grams, model.gramWeight);
  const weightOf = new Map(contributions(model, features, classIndex).map(({ feature, weight }) => [feature, weight]));
  const perWord = new Map<string, number>();
  for (const word of words) {
    const label = word.negated ? `tidak ${word.word}` : word.word;
    let total = weightOf.get(`w:${word.stem}`) ?? 0;
    if (word.negated) total += weightOf.get(`w:${NEGATION_PREFIX}${word.stem}`) ?? 0;
    const wordGrams = charGrams(word.word);
    for (const gram of wordGrams) total += (weightOf.get(`c:${gram}`) ?? 0) / wordGrams.length;
    if (total > (perWord.get(label) ?? 0)) perWord.set(label, total);
  }
  return [...perWord.entries()]
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MATCHED_WORDS)
    .map(([word]) => word);
}

/** The element of already analysed words, with the words that say so. */
export function suggestForWords(words: readonly AnalysedWord[], model: ElementModel = ELEMENT_MODEL): ElementSuggestion {
  if (words.length === 0) return { element: "other", matched: [] };
  const element = elementFromProbabilities(elementProbabilities(words, model), model);
  return { element, matched: reasonWords(words, element, model) };
}

/** The element an input most likely speaks to, with the words that say so. */
export function suggestElement(text: string): ElementSuggestion {
  return suggestForWords(analyseWords(text));
}

/**
 * The element of a group of inputs from their class probabilities: the likeliest class of their mean, "other"
 * below the model's confidence.
 */
export function elementOfGroup(probabilities: readonly (readonly number[])[], model: ElementModel = ELEMENT_MODEL): SuggestedElement {
  if (probabilities.length === 0) return "other";
  const mean = ELEMENT_CLASSES.map((_, index) => probabilities.reduce((sum, p) => sum + (p[index] ?? 0), 0) / probabilities.length);
  return elementFromProbabilities(mean, model);
}

/**
 * The element of a group of inputs from their stored suggestions (when probabilities are not at hand): the most
 * frequent element ("other" only when no input has one); ties go to the element with more matched words, then to
 * U1..U9 order. Matched words are the winning element's, most frequent first.
 */
export function combineElementSuggestions(suggestions: readonly ElementSuggestion[], maxWords = 8): ElementSuggestion {
  const votes = new Map<ElementCode, { count: number; wordCounts: Map<string, number> }>();
  for (const suggestion of suggestions) {
    if (suggestion.element === "other") continue;
    const vote = votes.get(suggestion.element) ?? { count: 0, wordCounts: new Map<string, number>() };
    vote.count += 1;
    for (const word of suggestion.matched) vote.wordCounts.set(word, (vote.wordCounts.get(word) ?? 0) + 1);
    votes.set(suggestion.element, vote);
  }
  let winner: { element: ElementCode; count: number; wordTotal: number } | null = null;
  for (const [element, vote] of votes) {
    const wordTotal = [...vote.wordCounts.values()].reduce((sum, count) => sum + count, 0);
    const better =
      winner === null ||
      vote.count > winner.count ||
      (vote.count === winner.count && wordTotal > winner.wordTotal) ||
      (vote.count === winner.count && wordTotal === winner.wordTotal && elementOrder(element) < elementOrder(winner.element));
    if (better) winner = { element, count: vote.count, wordTotal };
  }
  if (winner === null) return { element: "other", matched: [] };
  const wordCounts = votes.get(winner.element)?.wordCounts ?? new Map<string, number>();
  const matched = [...wordCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxWords)
    .map(([word]) => word);
  return { element: winner.element, matched };
}
