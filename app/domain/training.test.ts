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
