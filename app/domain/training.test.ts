import { describe, expect, it } from "vitest";
import { suggestTraining } from "./training";

describe("training suggestions", () => {
  it("suggests service competence for a weak U6 and service ethics for a weak U7, worst first", () => {
    const suggestions = suggestTraining({
      elements: [
        { code: "U6", nrr: 2.9 },
        { code: "U7", nrr: 2.7 },
      ],
      behaviours: [],
    });
    expect(suggestions.map((s) => s.topic)).toEqual(["service_excellence_ethics", "service_competence"]);
    expect(suggestions.every((s) => s.reason === "belowThreshold")).toBe(true);
  });

  it("keeps at most two per source", () => {
    const suggestions = suggestTraining({
      elements: [
        { code: "U1", nrr: 2 },
        { code: "U2", nrr: 2.1 },
        { code: "U3", nrr: 2.2 },
      ],
      behaviours: [
        { value: "loyal", average: 1 },
        { value: "adaptif", average: 1.2 },
        { value: "harmonis", average: 1.5 },
      ],
    });
    expect(suggestions.map((s) => s.code)).toEqual(["U1", "U2", "loyal", "adaptif"]);
  });

  it("names only the lowest when nothing is below its threshold", () => {
    const suggestions = suggestTraining({
      elements: [
        { code: "U6", nrr: 3.6 },
        { code: "U7", nrr: 3.3 },
      ],
      behaviours: [
        { value: "kolaboratif", average: 2 },
        { value: "kompeten", average: 2.5 },
      ],
    });
    expect(suggestions).toEqual([
      { source: "element", code: "U7", topic: "service_excellence_ethics", score: 3.3, reason: "lowest" },
      { source: "behaviour", code: "kolaboratif", topic: "teamwork_collaboration", score: 2, reason: "lowest" },
    ]);
  });

  it("suggests nothing from a tie for lowest, where no value stands out", () => {
    const behaviours = ["loyal", "adaptif", "harmonis"].map((value) => ({ value: value as "loyal", average: 2.33 }));
    expect(suggestTraining({ elements: [], behaviours })).toEqual([]);
  });

  it("suggests nothing when everything is at the top of the scale or unknown", () => {
    expect(
      suggestTraining({ elements: [{ code: "U6", nrr: 4 }], behaviours: [{ value: "loyal", average: 3 }] }),
    ).toEqual([]);
    expect(suggestTraining({ elements: [], behaviours: [] })).toEqual([]);
  });
});

describe("the unit's lowest element", () => {
  const behaviours: { value: "akuntabel"; average: number }[] = [];
  it("adds one topic for the unit's lowest element, worst first", () => {
    const suggestions = suggestTraining({
      elements: [],
      behaviours,
      unitElements: [
        { code: "U1", nrr: 3.4 },
        { code: "U3", nrr: 2.9 },
        { code: "U8", nrr: 2.7 },
      ],
    });
    expect(suggestions).toEqual([{ source: "unit", code: "U8", topic: "complaint_handling", score: 2.7, reason: "belowThreshold" }]);
  });

  it("suggests the unit's lowest even when every element meets the threshold, but not a tie nor the top", () => {
    expect(suggestTraining({ elements: [], behaviours, unitElements: [{ code: "U2", nrr: 3.3 }, { code: "U5", nrr: 3.6 }] })).toEqual([
      { source: "unit", code: "U2", topic: "procedure_simplification", score: 3.3, reason: "lowest" },
    ]);
    expect(suggestTraining({ elements: [], behaviours, unitElements: [{ code: "U2", nrr: 3.3 }, { code: "U5", nrr: 3.3 }] })).toEqual([]);
    expect(suggestTraining({ elements: [], behaviours, unitElements: [{ code: "U2", nrr: 4 }] })).toEqual([]);
  });

  it("does not repeat a topic the officer's own element already names", () => {
    const suggestions = suggestTraining({ elements: [{ code: "U7", nrr: 2.8 }], behaviours, unitElements: [{ code: "U7", nrr: 2.9 }, { code: "U1", nrr: 3.5 }] });
    expect(suggestions.map((s) => `${s.source}:${s.code}`)).toEqual(["element:U7"]);
  });
});
