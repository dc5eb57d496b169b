import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classProbabilities, DEFAULT_TRAINING, ELEMENT_CLASSES, featureCounts, trainElementModel, type ElementClass } from "./element-classifier";
import { featuresOf } from "./features";

const example = (text: string, label: ElementClass) => {
  const { stems, grams } = featuresOf(text);
  return { features: featureCounts(stems, grams, DEFAULT_TRAINING.gramWeight), label };
};

// A toy training set: three elements, each said several ways.
const training = [
  example("antre lama sekali", "U3"),
  example("nunggu lama di loket", "U3"),
  example("antrean panjang, lama", "U3"),
  example("lama menunggu dipanggil", "U3"),
  example("ada pungli uang", "U4"),
  example("diminta uang tanpa kuitansi", "U4"),
  example("biaya mahal, pungli", "U4"),
  example("bayar uang rokok", "U4"),
  example("petugas jutek", "U7"),
  example("petugas kasar dan jutek", "U7"),
  example("petugas tidak ramah", "U7"),
  example("pegawai jutek, tidak sopan", "U7"),
];
const options = { ...DEFAULT_TRAINING, minDocumentFrequency: 1 };

describe("trainElementModel", () => {
  const model = trainElementModel(training, options);
  const likeliest = (text: string) => {
    const { stems, grams } = featuresOf(text);
    const probabilities = classProbabilities(model, featureCounts(stems, grams, model.gramWeight));
    return ELEMENT_CLASSES[probabilities.indexOf(Math.max(...probabilities))];
  };

  it("learns each element from its examples and reads new inputs with their words", () => {
    expect(likeliest("lama bgt antrinya")).toBe("U3");
    expect(likeliest("pungli 50rb")).toBe("U4");
    expect(likeliest("petugasnya jutek")).toBe("U7");
  });

  it("gives probabilities that sum to one, in the classes' order", () => {
    const { stems, grams } = featuresOf("antre");
    const probabilities = classProbabilities(model, featureCounts(stems, grams, model.gramWeight));
    expect(probabilities).toHaveLength(ELEMENT_CLASSES.length);
    expect(probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 10);
  });

  it("is deterministic: the same examples give the same weights", () => {
    expect(trainElementModel(training, options)).toEqual(model);
  });

  it("leaves out features seen in fewer inputs than asked", () => {
    const strict = trainElementModel(training, { ...options, minDocumentFrequency: 3 });
    expect(Object.keys(strict.weights).length).toBeLessThan(Object.keys(model.weights).length);
    expect(strict.weights["w:jutek"]).toBeDefined(); // four inputs say "jutek"
  });
});

describe("the checked-in model", () => {
  it("is a logistic model over the ten classes, trained with the default settings", () => {
    const model = JSON.parse(readFileSync(new URL("./element-model.json", import.meta.url), "utf8"));
    expect(model.kind).toBe("logistic");
    expect(model.classes).toEqual([...ELEMENT_CLASSES]);
    expect(model.minConfidence).toBe(DEFAULT_TRAINING.minConfidence);
    expect(model.gramWeight).toBe(DEFAULT_TRAINING.gramWeight);
    for (const weights of Object.values(model.weights) as number[][]) expect(weights).toHaveLength(ELEMENT_CLASSES.length);
  });
});
