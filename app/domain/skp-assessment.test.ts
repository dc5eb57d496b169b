import { describe, expect, it } from "vitest";
import {
  checkAssessment,
  justificationRequired,
  suggestHasilKerja,
  suggestPerilaku,
  type Suggestion,
} from "./skp-assessment";

const long = "Capaian dibahas dalam dialog kinerja tanggal 20.";

describe("what the evidence suggests", () => {
  it.each([
    [[{ target: 100, realisation: 120 }], "di_atas"],
    [[{ target: 100, realisation: 110 }], "di_atas"],
    [[{ target: 100, realisation: 100 }], "sesuai"],
    [[{ target: 100, realisation: 90 }], "sesuai"],
    [[{ target: 100, realisation: 89 }], "di_bawah"],
    // a big over-achievement is capped at 150 % and cannot hide a missed target
    [
      [
        { target: 10, realisation: 100 },
        { target: 10, realisation: 3 },
      ],
      "sesuai",
    ],
    [
      [
        { target: 100, realisation: 95 },
        { target: 0, realisation: 5 },
        { target: 5, realisation: null },
      ],
      "sesuai",
    ],
  ])("hasil kerja from %j is %s", (results, rating) => {
    const suggestion = suggestHasilKerja(results);
    expect(suggestion.kind === "suggested" && suggestion.rating).toBe(rating);
  });

  it("suggests nothing without a measurable result", () => {
    expect(suggestHasilKerja([{ target: 100, realisation: null }])).toEqual({ kind: "none" });
    expect(suggestHasilKerja([])).toEqual({ kind: "none" });
  });

  it.each([
    [["di_atas", "di_atas", "sesuai"], "di_atas"],
    [["di_atas", "sesuai"], "di_atas"],
    [["sesuai", "sesuai", "di_bawah"], "sesuai"],
    [["di_bawah", "di_bawah", "sesuai"], "di_bawah"],
  ] as const)("perilaku from 360 ratings %j is %s", (ratings, rating) => {
    const suggestion = suggestPerilaku(ratings);
    expect(suggestion.kind === "suggested" && suggestion.rating).toBe(rating);
  });
});

describe("the justification rule", () => {
  const sesuai: Suggestion = { kind: "suggested", rating: "sesuai", basis: 1, count: 1 };

  it.each([
    ["sesuai", sesuai, false],
    ["di_atas", sesuai, true],
    ["di_bawah", sesuai, true],
    ["sesuai", { kind: "none" } as Suggestion, true],
  ] as const)("rating %s against %j requires a justification: %s", (rating, suggestion, required) => {
    expect(justificationRequired(rating, suggestion)).toBe(required);
  });

  it("refuses a departure without a justification and names the field", () => {
    const result = checkAssessment(
      {
        ratingHasilKerja: "di_atas",
        ratingPerilaku: "sesuai",
        justificationHasilKerja: "bagus",
        justificationPerilaku: "",
      },
      { hasilKerja: sesuai, perilaku: sesuai },
    );
    expect(result).toEqual({ ok: false, errors: { justificationHasilKerja: "justificationRequired" } });
  });

  it("accepts a departure that is justified and gives the predikat of the matrix", () => {
    const result = checkAssessment(
      {
        ratingHasilKerja: "di_atas",
        ratingPerilaku: "di_atas",
        justificationHasilKerja: long,
        justificationPerilaku: long,
      },
      { hasilKerja: sesuai, perilaku: sesuai },
    );
    expect(result).toEqual({ ok: true, predikat: "sangat_baik" });
  });

  it("accepts ratings that follow the evidence without any justification", () => {
    const result = checkAssessment(
      { ratingHasilKerja: "sesuai", ratingPerilaku: "sesuai", justificationHasilKerja: "", justificationPerilaku: "" },
      { hasilKerja: sesuai, perilaku: sesuai },
    );
    expect(result).toEqual({ ok: true, predikat: "baik" });
  });
});
