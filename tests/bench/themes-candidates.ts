// Compares candidate methods for forum themes and element suggestions on the DEVELOPMENT forums only, the way
// they were chosen (docs/decisions): npx tsx tests/bench/themes-candidates.ts
// The element classifier is measured leave-one-forum-out: trained on six development forums, tested on the
// seventh, for each in turn, so no figure here has seen the forum it is measured on. Held-out forums are not read.
// @ts-expect-error stopword ships no type declarations
import sw from "stopword";
import { bestCut, averageLinkageMerges, cutTree } from "../../app/domain/themes/dendrogram";
import {
  classProbabilities,
  ELEMENT_CLASSES,
  featureCounts,
  trainElementModel,
  DEFAULT_TRAINING,
  type ElementClass,
  type TrainingOptions,
} from "../../app/domain/themes/element-classifier";
import { charGrams, NEGATION_PREFIX, stem as snowballStem } from "../../app/domain/themes/features";
import { adjustedRandIndex, purity } from "../../app/domain/themes/quality";
import { contentWords, STOP_WORDS } from "../../app/domain/themes/normalise";
import { addScaled, cosineSimilarityMatrix, tfIdfVectors } from "../../app/domain/themes/vectors";
import { developmentForums, type LabelledForum } from "./themes-fixture";

// The hand-written stemmer and the previous method (hand stems and a topic thesaurus) were measured by this
// script before they were removed; why the learned method replaced them: docs/decisions/0010-forum-themes-learned.md.
type StemMode = "snowball" | "none";
type StopMode = "hand" | "library";

const LIBRARY_STOP_WORDS = new Set<string>((sw as unknown as { ind: string[] }).ind);

interface FeatureConfig {
  stems: StemMode;
  stop: StopMode;
  gramWeight: number; // share of character n-grams in the similarity (0 words only, 1 n-grams only)
  gramSizes: [number, number];
}

interface ClusterConfig extends FeatureConfig {
  cut: { kind: "fixed"; threshold: number } | { kind: "silhouette"; from: number; to: number };
  attachFloor: number | null;
  elementBlend: number;
  minThemeSize: number;
}

function documentBlocks(text: string, config: FeatureConfig) {
  const stopWords = config.stop === "hand" ? STOP_WORDS : LIBRARY_STOP_WORDS;
  const words = contentWords(text, stopWords);
  const stems: string[] = [];
  const grams: string[] = [];
  for (const word of words) {
    const stemmed =
      config.stems === "snowball" ? snowballStem(word.word) : word.word;
    stems.push(stemmed);
    if (word.negated) stems.push(NEGATION_PREFIX + stemmed);
    grams.push(...charGrams(word.word, config.gramSizes[0], config.gramSizes[1]));
  }
  return { stems, grams };
}

function lexicalSimilarity(texts: readonly string[], config: FeatureConfig): Float32Array {
  const blocks = texts.map((text) => documentBlocks(text, config));
  const total = new Float32Array(texts.length * texts.length);
  if (config.gramWeight < 1) {
    const { vectors, vocabulary } = tfIdfVectors(blocks.map((block) => block.stems), () => 1, 2);
    addScaled(total, cosineSimilarityMatrix(vectors, vocabulary.terms.length), 1 - config.gramWeight);
  }
  if (config.gramWeight > 0) {
    const { vectors, vocabulary } = tfIdfVectors(blocks.map((block) => block.grams), () => 1, 2);
    addScaled(total, cosineSimilarityMatrix(vectors, vocabulary.terms.length), config.gramWeight);
  }
  return total;
}

function probabilitySimilarity(probabilities: readonly number[][]): Float32Array {
  const count = probabilities.length;
  const result = new Float32Array(count * count);
  const norms = probabilities.map((p) => Math.sqrt(p.reduce((sum, value) => sum + value * value, 0)) || 1);
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const pa = probabilities[a] ?? [];
      const pb = probabilities[b] ?? [];
      let dot = 0;
      for (let c = 0; c < pa.length; c++) dot += (pa[c] ?? 0) * (pb[c] ?? 0);
      const value = dot / ((norms[a] ?? 1) * (norms[b] ?? 1));
      result[a * count + b] = value;
      result[b * count + a] = value;
    }
  }
  return result;
}

function thresholds(from: number, to: number): number[] {
  const list: number[] = [];
  for (let value = from; value <= to + 1e-9; value += 0.025) list.push(Math.round(value * 1000) / 1000);
  return list;
}

/** Groups of a forum under a config; attaching lone inputs to the nearest group when close enough. */
function groupForum(texts: readonly string[], config: ClusterConfig, probabilities: number[][] | null): number[][] {
  const count = texts.length;
  const similarity = lexicalSimilarity(texts, config);
  if (config.elementBlend > 0 && probabilities) {
    for (let index = 0; index < similarity.length; index++) similarity[index] = (similarity[index] ?? 0) * (1 - config.elementBlend);
    addScaled(similarity, probabilitySimilarity(probabilities), config.elementBlend);
  }
  const floor = config.cut.kind === "fixed" ? config.cut.threshold : config.cut.from;
  const merges = averageLinkageMerges(similarity, count, floor);
  let groups =
    config.cut.kind === "fixed"
      ? cutTree(merges, count, config.cut.threshold)
      : bestCut(merges, similarity, count, thresholds(config.cut.from, config.cut.to)).groups;
  if (config.attachFloor !== null) {
    const themes = groups.filter((group) => group.length >= config.minThemeSize);
    const lone = groups.filter((group) => group.length < config.minThemeSize).flat();
    const additions = themes.map(() => [] as number[]);
    const left: number[] = [];
    for (const item of lone) {
      let best = -1;
      let bestValue = -Infinity;
      for (const [index, theme] of themes.entries()) {
        let sum = 0;
        for (const member of theme) sum += similarity[item * count + member] ?? 0;
        const mean = sum / theme.length;
        if (mean > bestValue) {
          bestValue = mean;
          best = index;
        }
      }
      if (best >= 0 && bestValue >= config.attachFloor) additions[best]?.push(item);
      else left.push(item);
    }
    groups = [...themes.map((theme, index) => [...theme, ...(additions[index] ?? [])]), ...left.map((item) => [item])];
  }
  return groups;
}

interface Figures {
  ari: number;
  purity: number;
  coverage: number;
}

function scoreForum(forum: LabelledForum, groups: number[][], minThemeSize: number): Figures {
  const predicted = new Array<string>(forum.items.length);
  let themed = 0;
  for (const [index, group] of groups.entries()) {
    for (const member of group) {
      if (group.length >= minThemeSize) {
        predicted[member] = `g${index}`;
        themed++;
      } else predicted[member] = `alone${member}`;
    }
  }
  const truth = forum.items.map((item) => item.theme);
  const themedIndices = predicted.flatMap((label, index) => (label?.startsWith("g") ? [index] : []));
  return {
    ari: adjustedRandIndex(predicted as string[], truth),
    purity: purity(
      themedIndices.map((index) => predicted[index] ?? ""),
      themedIndices.map((index) => truth[index] ?? ""),
    ),
    coverage: themed / forum.items.length,
  };
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / (values.length || 1);
const fmt = (value: number) => value.toFixed(3);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

const forums = developmentForums();

// ---- element classifier, leave one development forum out ----------------------------------------------------
interface ClassifierConfig extends FeatureConfig {
  training: TrainingOptions;
}

function examplesOf(forum: LabelledForum, config: ClassifierConfig) {
  return forum.items.map((item) => {
    const blocks = documentBlocks(item.text, config);
    return { features: featureCounts(blocks.stems, blocks.grams, config.training.gramWeight), label: item.element as ElementClass };
  });
}

/** Out-of-forum class probabilities for every development item, and the accuracy with the confidence fallback. */
function leaveOneForumOut(config: ClassifierConfig) {
  const probabilities = new Map<string, number[][]>();
  let hits = 0;
  let total = 0;
  const perForum: number[] = [];
  for (const forum of forums) {
    const training = forums.filter((other) => other !== forum).flatMap((other) => examplesOf(other, config));
    const model = trainElementModel(training, config.training);
    const testing = examplesOf(forum, config);
    const forumProbabilities = testing.map((example) => classProbabilities(model, example.features));
    probabilities.set(forum.id, forumProbabilities);
    let forumHits = 0;
    for (const [index, example] of testing.entries()) {
      const p = forumProbabilities[index] ?? [];
      const top = p.indexOf(Math.max(...p));
      const predicted = (p[top] ?? 0) >= config.training.minConfidence ? ELEMENT_CLASSES[top] : "other";
      if (predicted === example.label) forumHits++;
    }
    hits += forumHits;
    total += testing.length;
    perForum.push(forumHits / testing.length);
  }
  return { accuracy: hits / total, meanForumAccuracy: mean(perForum), probabilities };
}

/** Multinomial naive Bayes, for comparison (Laplace smoothing alpha), leave one forum out. */
function naiveBayesLofo(config: FeatureConfig, alpha: number) {
  let hits = 0;
  let total = 0;
  for (const forum of forums) {
    const counts = new Map<string, Map<string, number>>();
    const classTotals = new Map<string, number>();
    const classDocs = new Map<string, number>();
    const vocabulary = new Set<string>();
    for (const other of forums.filter((f) => f !== forum)) {
      for (const item of other.items) {
        const blocks = documentBlocks(item.text, config);
        const features = [...blocks.stems.map((s) => `w:${s}`), ...blocks.grams.map((g) => `c:${g}`)];
        classDocs.set(item.element, (classDocs.get(item.element) ?? 0) + 1);
        const classCounts = counts.get(item.element) ?? new Map<string, number>();
        for (const feature of features) {
          classCounts.set(feature, (classCounts.get(feature) ?? 0) + 1);
          classTotals.set(item.element, (classTotals.get(item.element) ?? 0) + 1);
          vocabulary.add(feature);
        }
        counts.set(item.element, classCounts);
      }
    }
    const docTotal = [...classDocs.values()].reduce((a, b) => a + b, 0);
    for (const item of forum.items) {
      const blocks = documentBlocks(item.text, config);
      const features = [...blocks.stems.map((s) => `w:${s}`), ...blocks.grams.map((g) => `c:${g}`)].filter((f) => vocabulary.has(f));
      let best = "other";
      let bestScore = -Infinity;
      for (const [label, docs] of classDocs) {
        const classCounts = counts.get(label) ?? new Map();
        const denominator = (classTotals.get(label) ?? 0) + alpha * vocabulary.size;
        let score = Math.log(docs / docTotal);
        for (const feature of features) score += Math.log(((classCounts.get(feature) ?? 0) + alpha) / denominator);
        if (score > bestScore) {
          bestScore = score;
          best = label;
        }
      }
      if (best === item.element) hits++;
      total++;
    }
  }
  return hits / total;
}

// ---- runs ------------------------------------------------------------------------------------------------------
const base: FeatureConfig = { stems: "snowball", stop: "hand", gramWeight: 0.5, gramSizes: [3, 5] };

console.log(`development forums: ${forums.length}, inputs: ${forums.reduce((sum, forum) => sum + forum.items.length, 0)}`);

const section = process.argv.find((arg) => arg.startsWith("--only="))?.slice(7);
console.log("\n# element suggestion, leave one development forum out (accuracy over inputs)");
if (section !== "grouping") for (const [name, config] of [
  ["NB alpha 0.1, stems + 3-5 grams", base],
  ["NB alpha 0.5, stems + 3-5 grams", base],
] as const) {
  const alpha = name.includes("0.5") ? 0.5 : 0.1;
  console.log(`${name.padEnd(50)} ${pct(naiveBayesLofo(config, alpha))}`);
}
const classifierVariants: [string, ClassifierConfig][] = [
  ["LR stems only (snowball)", { ...base, training: { ...DEFAULT_TRAINING, gramWeight: 0 } }],
  ["LR unstemmed words only", { ...base, stems: "none", training: { ...DEFAULT_TRAINING, gramWeight: 0 } }],
  ["LR 3-5 grams + snowball stems, grams 0.5", { ...base, training: { ...DEFAULT_TRAINING } }],
  ["LR 3-5 grams + snowball stems, grams 1", { ...base, training: { ...DEFAULT_TRAINING, gramWeight: 1 } }],
  ["LR 3-5 grams + stems, library stop words", { ...base, stop: "library", training: { ...DEFAULT_TRAINING } }],
  ["LR 3-5 grams + stems, l2 0.01", { ...base, training: { ...DEFAULT_TRAINING, l2: 0.01 } }],
  ["LR 3-5 grams + stems, l2 0.0001", { ...base, training: { ...DEFAULT_TRAINING, l2: 0.0001 } }],
  ["LR 3-5 grams + stems, confidence 0", { ...base, training: { ...DEFAULT_TRAINING, minConfidence: 0 } }],
  ["LR 3-5 grams + stems, confidence 0.45", { ...base, training: { ...DEFAULT_TRAINING, minConfidence: 0.45 } }],
];
let chosenProbabilities: Map<string, number[][]> | null = null;
for (const [name, config] of section === "grouping" ? classifierVariants.slice(2, 3) : classifierVariants) {
  const result = leaveOneForumOut(config);
  if (name === "LR 3-5 grams + snowball stems, grams 0.5") chosenProbabilities = result.probabilities;
  console.log(`${name.padEnd(50)} ${pct(result.accuracy)}  (mean per forum ${pct(result.meanForumAccuracy)})`);
}

if (section === "elements") process.exit(0);
console.log("\n# grouping (mean over development forums: ARI, purity of themed inputs, share themed)");
const describe = (name: string, config: ClusterConfig) => {
  const figures = forums.map((forum) =>
    scoreForum(forum, groupForum(forum.items.map((item) => item.text), config, chosenProbabilities?.get(forum.id) ?? null), config.minThemeSize),
  );
  console.log(
    `${name.padEnd(58)} ARI ${fmt(mean(figures.map((f) => f.ari)))}  purity ${fmt(mean(figures.map((f) => f.purity)))}  ` +
      `themed ${pct(mean(figures.map((f) => f.coverage)))}`,
  );
};
const cluster: ClusterConfig = { ...base, cut: { kind: "fixed", threshold: 0.15 }, attachFloor: null, elementBlend: 0, minThemeSize: 2 };
for (const threshold of [0.1, 0.15, 0.2, 0.25]) {
  describe(`unstemmed words only, fixed ${threshold}`, { ...cluster, stems: "none", gramWeight: 0, cut: { kind: "fixed", threshold } });
  describe(`snowball stems only, fixed ${threshold}`, { ...cluster, gramWeight: 0, cut: { kind: "fixed", threshold } });
  describe(`snowball stems, library stop words, fixed ${threshold}`, { ...cluster, stop: "library", gramWeight: 0, cut: { kind: "fixed", threshold } });
  describe(`3-5 grams only, fixed ${threshold}`, { ...cluster, gramWeight: 1, cut: { kind: "fixed", threshold } });
  describe(`stems + 3-5 grams (0.5), fixed ${threshold}`, { ...cluster, cut: { kind: "fixed", threshold } });
}
const silhouette = { kind: "silhouette", from: 0.05, to: 0.6 } as const;
describe("stems + grams, silhouette per forum", { ...cluster, cut: silhouette });
describe("stems + grams, silhouette, attach lone ≥ 0.1", { ...cluster, cut: silhouette, attachFloor: 0.1 });
for (const blend of [0.3, 0.5, 0.7, 0.85]) {
  for (const threshold of [0.2, 0.3, 0.4, 0.5]) {
    describe(`stems + grams + element ${blend}, fixed ${threshold}`, { ...cluster, cut: { kind: "fixed", threshold }, elementBlend: blend });
  }
  describe(`stems + grams + element ${blend}, silhouette`, { ...cluster, cut: silhouette, elementBlend: blend });
  describe(`stems + grams + element ${blend}, silhouette, attach ≥ 0.1`, { ...cluster, cut: silhouette, elementBlend: blend, attachFloor: 0.1 });
  describe(`stems + grams + element ${blend}, silhouette, attach ≥ 0.2`, { ...cluster, cut: silhouette, elementBlend: blend, attachFloor: 0.2 });
}
