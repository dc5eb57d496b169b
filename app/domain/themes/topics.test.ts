import { describe, expect, it } from "vitest";
import { DEFAULT_TOPIC_TRAINING, topicProbabilities, trainTopicModel } from "./topics";
import { analyseWords, featuresOf } from "./features";

const source = (theme: string, text: string) => ({ theme, features: featuresOf(text) });

// Themes of two earlier forums, pooled by name; a one-off input and a theme of one input teach nothing.
const sources = [
  source("antrean", "antri lama sekali di loket"),
  source("antrean", "nomor antrian habis jam 9"),
  source("antrean", "ngantri dari pagi sampai siang"),
  source("jalan", "jalan desa berlubang mohon diaspal"),
  source("jalan", "jalan ke kebun rusak parah kalau hujan"),
  source("jalan", "aspal jalan kampung sudah hancur"),
  source("lain:masjid", "renovasi masjid"),
  source("sekali", "satu kali saja"),
];
// With character n-grams the topics also see spelling variants; the trained default uses word stems only.
const options = { ...DEFAULT_TOPIC_TRAINING, minDocumentFrequency: 1, gramWeight: 0.5 };

describe("trainTopicModel", () => {
  const model = trainTopicModel(sources, options);
  const likeliest = (text: string) => {
    const probabilities = topicProbabilities(analyseWords(text), model);
    return model.classes[probabilities.indexOf(Math.max(...probabilities))];
  };

  it("has one topic per theme name with at least two inputs, one-off inputs left out", () => {
    expect(model.classes).toEqual(["antrean", "jalan"]);
  });

  it("reads a new input, in another spelling, as the topic earlier forums gave such inputs", () => {
    expect(likeliest("antriannya lama bgt")).toBe("antrean");
    expect(likeliest("jalannya rusak, tolong diaspal")).toBe("jalan");
  });

  it("on word stems alone, as trained by default, still tells the two topics apart", () => {
    const stems = trainTopicModel(sources, { ...DEFAULT_TOPIC_TRAINING, minDocumentFrequency: 1 });
    expect(Object.keys(stems.weights).every((feature) => feature.startsWith("w:"))).toBe(true);
    const probabilities = topicProbabilities(analyseWords("jalan kampung rusak"), stems);
    expect(stems.classes[probabilities.indexOf(Math.max(...probabilities))]).toBe("jalan");
  });

  it("is the same model for the same inputs", () => {
    expect(trainTopicModel(sources, options)).toEqual(model);
  });
});
