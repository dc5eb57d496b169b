import { describe, expect, it } from "vitest";
import { combineElementSuggestions, elementFromProbabilities, elementOfGroup, suggestElement, type ElementSuggestion } from "./element-suggestion";
import { ELEMENT_CLASSES, type ElementModel } from "./element-classifier";

describe("suggestElement (the trained model)", () => {
  // Inputs written for this test, not taken from the training forums.
  it.each([
    ["antrinya lama bgt, nunggu dr pagi smp sore blm dipanggil", "U3"],
    ["ada pungli, diminta uang 100rb tanpa kwitansi", "U4"],
    ["petugasnya jutek, ditanya malah marah2", "U7"],
    ["syaratnya banyak, harus fotokopi KK dan surat pengantar", "U1"],
    ["toilet kotor dan kursi tunggu rusak", "U9"],
  ])("%s → %s", (text, element) => {
    expect(suggestElement(text).element).toBe(element);
  });

  it("answers other for an empty input", () => {
    expect(suggestElement("")).toEqual({ element: "other", matched: [] });
  });

  it("names the input's own words that weighed most", () => {
    const { matched } = suggestElement("petugasnya jutek dan kasar");
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.every((word) => ["petugasnya", "jutek", "kasar"].includes(word))).toBe(true);
  });
});

describe("elementFromProbabilities", () => {
  const model = { classes: ELEMENT_CLASSES, minConfidence: 0.4 } as unknown as ElementModel;
  const probabilities = (u3: number) => ELEMENT_CLASSES.map((code) => (code === "U3" ? u3 : (1 - u3) / 9));

  it("takes the likeliest element when it is likely enough, and falls back to other below the confidence", () => {
    expect(elementFromProbabilities(probabilities(0.6), model)).toBe("U3");
    expect(elementFromProbabilities(probabilities(0.35), model)).toBe("other");
  });

  it("reads a group by the mean of its inputs' probabilities", () => {
    expect(elementOfGroup([probabilities(0.9), probabilities(0.2)], model)).toBe("U3");
    expect(elementOfGroup([], model)).toBe("other");
  });
});

describe("combineElementSuggestions", () => {
  it("takes the most frequent element and breaks an even vote by matched words, then U1..U9 order", () => {
    const u4: ElementSuggestion = { element: "U4", matched: ["pungli", "uang"] };
    const u3: ElementSuggestion = { element: "U3", matched: ["lama"] };
    expect(combineElementSuggestions([u3, u3, u4]).element).toBe("U3");
    expect(combineElementSuggestions([u3, u4]).element).toBe("U4");
    expect(combineElementSuggestions([{ element: "U9", matched: ["kursi"] }, u3]).element).toBe("U3");
    expect(combineElementSuggestions([{ element: "other", matched: [] }])).toEqual({ element: "other", matched: [] });
  });
});
