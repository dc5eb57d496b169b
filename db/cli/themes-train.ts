// Trains the forum element classifier on the development forums of the labelled corpus and writes its weights:
// npm run themes:train   (writes app/domain/themes/element-model.json)
// Held-out forums are never read here; tests/bench/themes-quality.ts measures the model on them.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_TRAINING, featureCounts, trainElementModel, type ElementClass } from "../../app/domain/themes/element-classifier";
import { featuresOf } from "../../app/domain/themes/features";
import { developmentForums } from "../../tests/bench/themes-fixture";

const MODEL_PATH = fileURLToPath(new URL("../../app/domain/themes/element-model.json", import.meta.url));

const forums = developmentForums();
const examples = forums.flatMap((forum) =>
  forum.items.map((item) => {
    const { stems, grams } = featuresOf(item.text);
    return { features: featureCounts(stems, grams, DEFAULT_TRAINING.gramWeight), label: item.element as ElementClass };
  }),
);
const model = trainElementModel(examples, DEFAULT_TRAINING);
writeFileSync(MODEL_PATH, JSON.stringify(model) + "\n");
console.log(
  `trained on ${examples.length} inputs of ${forums.length} development forums: ${Object.keys(model.weights).length} features → ${MODEL_PATH}`,
);
