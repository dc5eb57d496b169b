// Features of a forum input for grouping and for the element classifier. Two kinds, weighed as two blocks:
// - word stems (Snowball's Indonesian stemmer, via multilingual-stemmer), plus "tidak_<stem>" for a negated word;
// - character n-grams of the normalised words (3 to 5 letters, with word boundaries), which see spelling variants
//   and regional forms ("antri", "antrian", "ngantri"; "lama", "lamo") as alike without a hand-written list.
import { indonesian } from "multilingual-stemmer";
import { contentWords, type ContentWord } from "./normalise";

/** Prefix of a negated-stem feature: "tidak ramah" yields both "ramah" and "tidak_ramah". */
export const NEGATION_PREFIX = "tidak_";

/** Shortest n-gram and longest n-gram taken from each word (with its boundary marks). */
export const CHAR_GRAM_SIZES = { min: 3, max: 5 } as const;

// Stems are pure functions of the word, so they are cached; the cap keeps a long-running server's memory flat.
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** Snowball Indonesian stem of a normalised lower-case word. */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const computed = word.length <= 3 ? word : indonesian(word) || word;
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, computed);
  return computed;
}

/** Character n-grams of one word, marked at its start and end: "lama" → "<la", "lam", "ama", "ma>", "<lam", … */
export function charGrams(word: string, min: number = CHAR_GRAM_SIZES.min, max: number = CHAR_GRAM_SIZES.max): string[] {
  const marked = `<${word}>`;
  const grams: string[] = [];
  for (let size = min; size <= max; size++) {
    for (let start = 0; start + size <= marked.length; start++) grams.push(marked.slice(start, start + size));
  }
  return grams;
}

/** A word of an input with its stem, as analysed for features and titles. */
export interface AnalysedWord extends ContentWord {
  readonly stem: string;
}

export function analyseWords(text: string): AnalysedWord[] {
  return contentWords(text).map((word) => ({ ...word, stem: stem(word.word) }));
}

/** The two feature blocks of an input: stems (with negated stems) and character n-grams, repeats kept. */
export interface InputFeatures {
  readonly stems: string[];
  readonly grams: string[];
}

export function featuresOfWords(words: readonly AnalysedWord[]): InputFeatures {
  const stems: string[] = [];
  const grams: string[] = [];
  for (const word of words) {
    stems.push(word.stem);
    if (word.negated) stems.push(NEGATION_PREFIX + word.stem);
    for (const gram of charGrams(word.word)) grams.push(gram);
  }
  return { stems, grams };
}

export function featuresOf(text: string): InputFeatures {
  return featuresOfWords(analyseWords(text));
}
