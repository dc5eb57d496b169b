// A learned classifier of the SKM element (unsur, PermenPANRB 14/2017) an input speaks to, in place of a
// hand-written thesaurus. Multinomial logistic regression over the input's features (features.ts), trained on
// labelled inputs of development forums by `npm run themes:train`, which writes element-model.json. Training
// and prediction are plain arithmetic, so both live here; the trained weights are data.

/** The classes: the nine elements and "other". */
export const ELEMENT_CLASSES = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "other"] as const;
export type ElementClass = (typeof ELEMENT_CLASSES)[number];

/** A multinomial logistic model over input features; its classes are elements here, theme topics in topics.ts. */
export interface LogisticModel<C extends string = string> {
  readonly kind: "logistic";
  readonly classes: readonly C[];
  readonly bias: readonly number[];
  /** Per feature, one weight per class (in `classes` order). */
  readonly weights: Readonly<Record<string, readonly number[]>>;
  /** Below this probability the best element is not trusted and the answer is "other". */
  readonly minConfidence: number;
  /** How block weights scale the feature counts (stems vs character n-grams), as trained. */
  readonly gramWeight: number;
}

export type ElementModel = LogisticModel<ElementClass>;

export interface TrainingExample<C extends string = ElementClass> {
  readonly features: ReadonlyMap<string, number>;
  readonly label: C;
}

/** Feature counts of an input as the model reads them: stems count 1, each character n-gram `gramWeight`. */
export function featureCounts(stems: readonly string[], grams: readonly string[], gramWeight: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const stem of stems) counts.set(`w:${stem}`, (counts.get(`w:${stem}`) ?? 0) + 1);
  if (gramWeight > 0) for (const gram of grams) counts.set(`c:${gram}`, (counts.get(`c:${gram}`) ?? 0) + gramWeight);
  // Scaled to unit length, so a long input does not shout louder than a short one.
  const norm = Math.sqrt([...counts.values()].reduce((sum, value) => sum + value * value, 0));
  if (norm > 0) for (const [key, value] of counts) counts.set(key, value / norm);
  return counts;
}

/** Class probabilities (softmax of the linear scores), in `model.classes` order. */
export function classProbabilities(model: LogisticModel, features: ReadonlyMap<string, number>): number[] {
  const scores = [...model.bias];
  for (const [feature, value] of features) {
    const weights = model.weights[feature];
    if (weights === undefined) continue;
    for (let index = 0; index < scores.length; index++) scores[index] = (scores[index] ?? 0) + value * (weights[index] ?? 0);
  }
  return softmax(scores);
}

function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

/** Each feature's contribution to a class's score for this input, largest first (to say why). */
export function contributions(model: LogisticModel, features: ReadonlyMap<string, number>, classIndex: number): { feature: string; weight: number }[] {
  const result: { feature: string; weight: number }[] = [];
  for (const [feature, value] of features) {
    const weight = model.weights[feature]?.[classIndex];
    if (weight !== undefined && weight * value > 0) result.push({ feature, weight: weight * value });
  }
  return result.sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature));
}

export interface TrainingOptions {
  /** L2 penalty on the weights (not the bias). */
  readonly l2: number;
  readonly epochs: number;
  readonly learningRate: number;
  /** Features seen in fewer training inputs are left out of the model. */
  readonly minDocumentFrequency: number;
  readonly minConfidence: number;
  readonly gramWeight: number;
}

// Chosen by leave-one-forum-out figures on the development forums (tests/bench/themes-quality.ts --development).
export const DEFAULT_TRAINING: TrainingOptions = {
  l2: 0.001,
  epochs: 30,
  learningRate: 0.5,
  minDocumentFrequency: 2,
  minConfidence: 0.25,
  gramWeight: 0.5,
};

/**
 * Multinomial logistic regression by stochastic gradient descent with L2 (deterministic: same data, same model).
 * Classes are weighted by inverse frequency, so a rare element is not drowned by the common ones.
 */
export function trainElementModel(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): ElementModel {
  return trainLogisticModel(examples, ELEMENT_CLASSES, options);
}

/** The same training for any set of classes (labels outside `classes` are not allowed). */
export function trainLogisticModel<C extends string>(
  examples: readonly TrainingExample<C>[],
  classList: readonly C[],
  options: TrainingOptions = DEFAULT_TRAINING,
): LogisticModel<C> {
  const classes = [...classList];
  const documentFrequency = new Map<string, number>();
  for (const example of examples) for (const feature of example.features.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  const vocabulary = [...documentFrequency.entries()]
    .filter(([, frequency]) => frequency >= options.minDocumentFrequency)
    .map(([feature]) => feature)
    .sort();
  const featureIndex = new Map(vocabulary.map((feature, index) => [feature, index]));
  const classCount = classes.length;
  const rows = examples.map((example) => {
    const entries = [...example.features.entries()].flatMap(([feature, value]) => {
      const index = featureIndex.get(feature);
      return index === undefined ? [] : [[index, value] as const];
    });
    return { entries, label: classes.indexOf(example.label) };
  });
  const labelCounts = new Array<number>(classCount).fill(0);
  for (const row of rows) labelCounts[row.label] = (labelCounts[row.label] ?? 0) + 1;
  const presentClasses = labelCounts.filter((count) => count > 0).length;
  const classWeight = labelCounts.map((count) => (count > 0 ? rows.length / (presentClasses * count) : 0));

  const weights = new Float64Array(vocabulary.length * classCount);
  const bias = new Float64Array(classCount);
  // Stochastic gradient descent in a fixed shuffled order (a seeded generator), with a step that shrinks.
  const order = rows.map((_, index) => index);
  let state = 0x5eed;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const swap = Math.floor(random() * (index + 1));
      [order[index], order[swap]] = [order[swap] ?? 0, order[index] ?? 0];
    }
    const step = options.learningRate / (1 + epoch / 10);
    for (const rowIndex of order) {
      const row = rows[rowIndex];
      if (row === undefined) continue;
      const scores = Array.from(bias);
      for (const [index, value] of row.entries) {
        for (let c = 0; c < classCount; c++) scores[c] = (scores[c] ?? 0) + value * (weights[index * classCount + c] ?? 0);
      }
      const probabilities = softmax(scores);
      const rowWeight = classWeight[row.label] ?? 0;
      for (let c = 0; c < classCount; c++) {
        const error = ((probabilities[c] ?? 0) - (c === row.label ? 1 : 0)) * rowWeight;
        bias[c] = (bias[c] ?? 0) - step * error;
        for (const [index, value] of row.entries) {
          const slot = index * classCount + c;
          weights[slot] = (weights[slot] ?? 0) - step * (error * value + options.l2 * (weights[slot] ?? 0));
        }
      }
    }
  }
  const rounded = (value: number) => Math.round(value * 1_000) / 1_000;
  const modelWeights: Record<string, number[]> = {};
  for (const [index, feature] of vocabulary.entries()) {
    const row = Array.from(weights.subarray(index * classCount, (index + 1) * classCount), rounded);
    if (row.some((value) => value !== 0)) modelWeights[feature] = row;
  }
  return {
    kind: "logistic",
    classes,
    bias: Array.from(bias, rounded),
    weights: modelWeights,
    minConfidence: options.minConfidence,
    gramWeight: options.gramWeight,
  };
}
