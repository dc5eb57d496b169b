// Theme topics learned from earlier forums. The labelled themes of the development forums (tests/fixtures/
// forum-corpus.labelled.json), pooled by name across forums ("antrean", "syarat", "jalan", "air", ...), are the
// classes of a second logistic model (element-classifier.ts) over the same features. Two inputs that earlier
// forums would have put under the same theme come out alike even when they share no word ("nomor habis jam 9"
// and "tunggu dari pagi"). Trained by `npm run themes:train` into topic-model.json; plain arithmetic.
import { classProbabilities, featureCounts, trainLogisticModel, type LogisticModel, type TrainingOptions } from "./element-classifier";
import { featuresOfWords, type AnalysedWord, type InputFeatures } from "./features";

export type TopicModel = LogisticModel;

export interface TopicSource {
  /** The input's labelled theme; one-off inputs ("lain:…") teach no topic. */
  readonly theme: string;
  readonly features: InputFeatures;
}

// Word stems only (gramWeight 0): spelling variants are already seen by the character n-grams of the lexical
// similarity, and leave-one-forum-out on the development forums grouped better without them here (mean ARI 0.375 →
// 0.385), with a model a twelfth of the size (140 kB instead of 1.7 MB).
export const DEFAULT_TOPIC_TRAINING: TrainingOptions = {
  l2: 0.001,
  epochs: 30,
  learningRate: 0.5,
  minDocumentFrequency: 3,
  minConfidence: 0,
  gramWeight: 0,
};

/** Trains the topic model; a topic needs at least `minInputs` labelled inputs (deterministic). */
export function trainTopicModel(sources: readonly TopicSource[], options: TrainingOptions = DEFAULT_TOPIC_TRAINING, minInputs = 2): TopicModel {
  const counts = new Map<string, number>();
  for (const source of sources) if (!source.theme.startsWith("lain:")) counts.set(source.theme, (counts.get(source.theme) ?? 0) + 1);
  const topics = [...counts.entries()].filter(([, count]) => count >= minInputs).map(([topic]) => topic).sort();
  const known = new Set(topics);
  const examples = sources
    .filter((source) => known.has(source.theme))
    .map((source) => ({ features: featureCounts(source.features.stems, source.features.grams, options.gramWeight), label: source.theme }));
  return trainLogisticModel(examples, topics, options);
}

/** Topic probabilities of already analysed words, in `model.classes` order. */
export function topicProbabilities(words: readonly AnalysedWord[], model: TopicModel): number[] {
  const { stems, grams } = featuresOfWords(words);
  return classProbabilities(model, featureCounts(stems, grams, model.gramWeight));
}
