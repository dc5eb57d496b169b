// The theme topics trained on the development forums by `npm run themes:train` (topics.ts).
import modelJson from "./topic-model.json";
import type { TopicModel } from "./topics";

export const TOPIC_MODEL = modelJson as unknown as TopicModel;
