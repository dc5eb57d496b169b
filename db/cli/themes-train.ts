// Trains the forum theme models on the development forums of the labelled corpus and writes their weights:
// npm run themes:train   (writes app/domain/themes/element-model.json and topic-model.json)
// Held-out forums are never read here; tests/bench/themes-quality.ts measures the models on them.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { trainThemeModels } from "../../app/domain/themes/train-models";
import { developmentForums } from "../../tests/bench/themes-fixture";

const ELEMENT_PATH = fileURLToPath(new URL("../../app/domain/themes/element-model.json", import.meta.url));
const TOPIC_PATH = fileURLToPath(new URL("../../app/domain/themes/topic-model.json", import.meta.url));

const forums = developmentForums();
const inputs = forums.flatMap((forum) => forum.items);
const { elementModel, topicModel } = trainThemeModels(inputs);
writeFileSync(ELEMENT_PATH, JSON.stringify(elementModel) + "\n");
writeFileSync(TOPIC_PATH, JSON.stringify(topicModel) + "\n");
console.log(`trained on ${inputs.length} inputs of ${forums.length} development forums:`);
console.log(`  element model, ${Object.keys(elementModel.weights).length} features → ${ELEMENT_PATH}`);
console.log(`  topic model, ${topicModel.classes.length} topics, ${Object.keys(topicModel.weights).length} features → ${TOPIC_PATH}`);
