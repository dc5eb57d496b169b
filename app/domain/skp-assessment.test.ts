import { describe, expect, it } from "vitest";
import {
  checkAssessment,
  justificationRequired,
  rateScore,
  sumDecimals,
  suggestHasilKerja,
  suggestPerilaku,
  type Suggestion,
} from "./skp-assessment";

const long = "Capaian dibahas dalam dialog kinerja tanggal 20.";

type Row = { target: number; realisation: number | null; portalIndicator?: "officer_service_score" | "unit_ikm" | "complaint_followup_share" | null };
const q = (target: number, realisation: number | null): Row => ({ target, realisation });
const score = (target: number, realisation: number): Row => ({ target, realisation, portalIndicator: "officer_service_score" });
const ikm = (target: number, realisation: number): Row => ({ target, realisation, portalIndicator: "unit_ikm" });

describe("what the evidence suggests, exactly, at the boundaries", () => {
  it.each<[string, Row[], "di_atas" | "sesuai" | "di_bawah", string | undefined]>([
    // the case floating point got wrong: (2/5 + 7/5) / 2 is exactly 9/10
    ["targets 5 and 5, realisations 2 and 7: exactly 90 %", [q(5, 2), q(5, 7)], "sesuai", "9/10"],
    ["exactly 90 %", [q(100, 90)], "sesuai", "9/10"],
    ["just below 90 %", [q(1000, 899)], "di_bawah", "899/1000"],
    ["targets 0.3 with 0.27: exactly 90 %", [q(0.3, 0.27)], "sesuai", "9/10"],
    ["exactly 110 %", [q(100, 110)], "di_atas", "11/10"],
    ["targets 3 and 7 with 3.3 and 7.7: exactly 110 %", [q(3, 3.3), q(7, 7.7)], "di_atas", "11/10"],
    ["just below 110 %", [q(1000, 1099)], "sesuai", "1099/1000"],
    ["above the cap counts as 150 %", [q(10, 100)], "di_atas", "3/2"],
    // the cap keeps an over-achievement from hiding a missed result: (150 % + 30 %) / 2 = 90 %
    ["capped 150 % with 30 %: exactly 90 %", [q(10, 100), q(10, 3)], "sesuai", "9/10"],
    ["capped 150 % with 29 %: below", [q(100, 1000), q(100, 29)], "di_bawah", "179/200"],
    ["exactly at the cap", [q(2, 3), q(2, 0.6)], "sesuai", "9/10"],
    ["unknown and zero targets are left out", [q(100, 95), q(0, 5), q(5, null)], "sesuai", "19/20"],
  ])("%s", (_name, results, rating, shareExact) => {
    const suggestion = suggestHasilKerja(results);
    expect(suggestion.kind === "suggested" && suggestion.rating).toBe(rating);
    expect(suggestion.kind === "suggested" && suggestion.shareExact).toBe(shareExact);
  });

  it.each<[string, Row[], "di_atas" | "sesuai" | "di_bawah"]>([
    // a 1–4 score is compared with its target as a score, never divided into a share (3.07 / 3 is not 102 %)
    ["score at its target meets it", [score(3, 3)], "sesuai"],
    ["score 3.07 against 3 meets it, no more", [score(3, 3.07)], "sesuai"],
    ["score just below its target", [score(3.3, 3.29)], "di_bawah"],
    ["score a tenth of the 1–4 span above (3.3 + 0.3)", [score(3.3, 3.6)], "di_atas"],
    ["score just short of that", [score(3.3, 3.59)], "sesuai"],
    ["IKM 7.5 points (a tenth of 25–100) above", [ikm(80, 87.5)], "di_atas"],
    ["IKM 80 against 80.01", [ikm(80.01, 80)], "di_bawah"],
    // mixed: quantity rating once per quantity result, each score once, nearest rating of the mean points
    ["two quantities met, a score missed: (2+2+1)/3", [q(5, 2), q(5, 7), score(3, 2.9)], "sesuai"],
    ["a quantity above, a score missed: (3+1)/2 = 2", [q(100, 120), score(3, 2)], "sesuai"],
    ["a quantity above, a score above: 3", [q(100, 120), score(3, 3.5)], "di_atas"],
    ["a quantity below, a score met: (1+2)/2 = 1.5", [q(100, 50), score(3, 3)], "sesuai"],
    ["two quantities below, a score met: 4/3", [q(100, 50), q(100, 10), score(3, 3)], "di_bawah"],
    // a share indicator (complaints followed up on time, 0–1) is a share against a target share
    ["follow-up share 0.81 against 0.9: exactly 90 %", [{ target: 0.9, realisation: 0.81, portalIndicator: "complaint_followup_share" }], "sesuai"],
  ])("%s", (_name, results, rating) => {
    const suggestion = suggestHasilKerja(results);
    expect(suggestion.kind === "suggested" && suggestion.rating).toBe(rating);
  });

  it("a score alone is reported as points, not as a share", () => {
    expect(suggestHasilKerja([score(3, 3.07)])).toMatchObject({ rating: "sesuai", basisKind: "points", basis: 2, scores: ["sesuai"] });
  });

  it("rateScore refuses an indicator that is not a score", () => {
    expect(() => rateScore("complaint_followup_share", 0.9, 0.9)).toThrow(RangeError);
  });

  it("sums logged quantities as the decimals they were typed", () => {
    expect(sumDecimals([0.1, 0.2])).toBe(0.3);
    expect(sumDecimals([])).toBe(0);
    expect(sumDecimals([1.005, 2.995, 0.001])).toBe(4.001);
  });

  it("suggests nothing without a measurable result", () => {
    expect(suggestHasilKerja([{ target: 100, realisation: null }])).toEqual({ kind: "none" });
    expect(suggestHasilKerja([])).toEqual({ kind: "none" });
  });

  it.each([
    [["di_atas", "di_atas", "sesuai"], "di_atas"],
    [["di_atas", "sesuai"], "di_atas"],
    [["sesuai", "sesuai", "di_bawah"], "sesuai"],
    [["sesuai", "di_bawah"], "sesuai"],
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
