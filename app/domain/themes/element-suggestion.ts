// Suggests which SKM element (unsur, PermenPANRB 14/2017; see DOMAIN.md §1.1) a forum input speaks to, from its
// words. A suggestion only: the moderator decides. The matched words travel with it so the screen can say why.
// Scoring: each thesaurus word found (topics.ts) adds its weight (strong 2, weak 1) to its topic's element, once
// per input; the highest total wins, a tie goes to the element named first.

import { elementOrder, type ElementCode } from "../indicators/elements";
import { analyse, type AnalysedToken } from "./normalise";
import { matchTopics, type TopicMatch } from "./topics";

/** An element code, or "other" when no element's words occur. */
export type SuggestedElement = ElementCode | "other";

export interface ElementSuggestion {
  readonly element: SuggestedElement;
  /** The input's own words (as written, informal spelling fixed) that led to the suggestion. */
  readonly matched: string[];
}

interface ElementTally {
  score: number;
  firstPosition: number;
  words: string[];
  entries: Set<object>;
}

/** The element an analysed input speaks to, from its thesaurus matches. */
export function suggestFromMatches(matches: readonly TopicMatch[]): ElementSuggestion {
  const tallies = new Map<ElementCode, ElementTally>();
  for (const match of matches) {
    const element = match.topic.element;
    const tally = tallies.get(element) ?? { score: 0, firstPosition: match.position, words: [], entries: new Set() };
    // An entry counts once per input however often it is repeated; its words are all listed.
    if (!tally.entries.has(match.entry)) tally.score += match.weight;
    tally.entries.add(match.entry);
    tally.firstPosition = Math.min(tally.firstPosition, match.position);
    if (!tally.words.includes(match.words)) tally.words.push(match.words);
    tallies.set(element, tally);
  }
  let best: { element: ElementCode; score: number; firstPosition: number; words: string[] } | null = null;
  for (const [element, tally] of tallies) {
    // Ties go to the element named first: people tend to open with what the input is about.
    const better =
      best === null ||
      tally.score > best.score ||
      (tally.score === best.score && tally.firstPosition < best.firstPosition);
    if (better) best = { element, ...tally };
  }
  return best === null ? { element: "other", matched: [] } : { element: best.element, matched: best.words };
}

/** The element of an already analysed input. */
export function suggestForTokens(tokens: readonly AnalysedToken[]): ElementSuggestion {
  return suggestFromMatches(matchTopics(tokens));
}

/** The element an input most likely speaks to, with the words that say so. */
export function suggestElement(text: string): ElementSuggestion {
  return suggestForTokens(analyse(text));
}

/**
 * The element of a group of inputs: the most frequent item-level suggestion ("other" only when no item has an
 * element). Ties go to the element with more matched words, then to U1..U9 order. Matched words are the winning
 * element's, most frequent first.
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
      (vote.count === winner.count &&
        wordTotal === winner.wordTotal &&
        elementOrder(element) < elementOrder(winner.element));
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

/** The element a theme's inputs speak to, by majority of the inputs' own suggestions. */
export function suggestForTheme(items: readonly { readonly text: string }[]): ElementSuggestion {
  return combineElementSuggestions(items.map((item) => suggestElement(item.text)));
}
