// The two learned models of forum themes, trained from labelled inputs the same way by `npm run themes:train`
// (on every development forum) and by the benchmark (on the development forums but the one measured).
import { DEFAULT_TRAINING, featureCounts, trainElementModel, type ElementClass, type ElementModel, type TrainingOptions } from "./element-classifier";
import { featuresOf } from "./features";
import { DEFAULT_TOPIC_TRAINING, trainTopicModel, type TopicModel } from "./topics";

export interface LabelledInput {
  readonly text: string;
  /** Intended theme within its forum ("lain:…" for a one-off input). */
  readonly theme: string;
  /** Intended SKM element, U1..U9 or "other". */
  readonly element: string;
}

export interface ThemeModels {
  readonly elementModel: ElementModel;
  readonly topicModel: TopicModel;
}

export function trainThemeModels(
  inputs: readonly LabelledInput[],
  elementTraining: TrainingOptions = DEFAULT_TRAINING,
  topicTraining: TrainingOptions = DEFAULT_TOPIC_TRAINING,
): ThemeModels {
  const analysed = inputs.map((input) => ({ input, features: featuresOf(input.text) }));
  const elementModel = trainElementModel(
    analysed.map(({ input, features }) => ({
      features: featureCounts(features.stems, features.grams, elementTraining.gramWeight),
      label: input.element as ElementClass,
    })),
    elementTraining,
  );
  const topicModel = trainTopicModel(
    analysed.map(({ input, features }) => ({ theme: input.theme, features })),
    topicTraining,
  );
  return { elementModel, topicModel };
}
