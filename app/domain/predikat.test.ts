import { describe, expect, it } from "vitest";
import {
  distributionWarnings,
  objectionWindow,
  predikatFor,
  type DistributionRuleKey,
  type OrganisationPredikat,
  type Predikat,
  type Rating,
} from "./predikat";

describe("predikatFor (PermenPANRB 6/2022 matrix)", () => {
  it.each<[Rating, Rating, Predikat]>([
    ["di_atas", "di_atas", "sangat_baik"],
    ["di_atas", "sesuai", "baik"],
    ["di_atas", "di_bawah", "kurang_misconduct"],
    ["sesuai", "di_atas", "baik"],
    ["sesuai", "sesuai", "baik"],
    ["sesuai", "di_bawah", "kurang_misconduct"],
    ["di_bawah", "di_atas", "butuh_perbaikan"],
    ["di_bawah", "sesuai", "butuh_perbaikan"],
    ["di_bawah", "di_bawah", "sangat_kurang"],
  ])("hasil kerja %s, perilaku %s → %s", (hasilKerja, perilaku, expected) => {
    expect(predikatFor(hasilKerja, perilaku)).toBe(expected);
  });
});

/** A unit's finalized predicates from counts, e.g. spread({ baik: 7, sangat_baik: 3 }). */
function spread(counts: Partial<Record<Predikat, number>>): Predikat[] {
  return Object.entries(counts).flatMap(([predikat, count]) => Array<Predikat>(count).fill(predikat as Predikat));
}

describe("distributionWarnings", () => {
  it.each<[OrganisationPredikat, Partial<Record<Predikat, number>>]>([
    ["istimewa", { sangat_baik: 7, baik: 3 }],
    ["baik", { baik: 7, sangat_baik: 2, butuh_perbaikan: 1 }],
    ["baik", { baik: 7, sangat_baik: 2, kurang_misconduct: 1 }],
    ["baik", { baik: 7, sangat_baik: 2, sangat_kurang: 1 }],
    ["butuh_perbaikan", { butuh_perbaikan: 6, sangat_baik: 1, baik: 3 }],
    ["kurang", { kurang_misconduct: 6, butuh_perbaikan: 1, sangat_baik: 1, baik: 2 }],
    ["sangat_kurang", { sangat_kurang: 6, baik: 4 }],
  ])("a %s unit with %o, exactly at the bounds, breaks nothing", (pattern, counts) => {
    expect(distributionWarnings(pattern, spread(counts))).toEqual([]);
  });

  it.each<[OrganisationPredikat, Partial<Record<Predikat, number>>, DistributionRuleKey, number]>([
    ["istimewa", { sangat_baik: 8, baik: 2 }, "istimewa_max_sangat_baik", 0.8],
    ["baik", { baik: 8, sangat_baik: 1, butuh_perbaikan: 1 }, "baik_max_baik", 0.8],
    ["baik", { baik: 7, sangat_baik: 3 }, "baik_needs_below_baik", 0],
    ["butuh_perbaikan", { butuh_perbaikan: 5, sangat_baik: 1, baik: 4 }, "butuh_perbaikan_min_butuh_perbaikan", 0.5],
    ["butuh_perbaikan", { butuh_perbaikan: 6, sangat_baik: 2, baik: 2 }, "butuh_perbaikan_max_sangat_baik", 0.2],
    ["kurang", { kurang_misconduct: 5, butuh_perbaikan: 1, sangat_baik: 1, baik: 3 }, "kurang_min_kurang", 0.5],
    ["kurang", { kurang_misconduct: 6, sangat_baik: 1, baik: 3 }, "kurang_min_butuh_perbaikan", 0],
    ["kurang", { kurang_misconduct: 6, butuh_perbaikan: 1, sangat_baik: 2, baik: 1 }, "kurang_max_sangat_baik", 0.2],
    ["sangat_kurang", { sangat_kurang: 5, baik: 5 }, "sangat_kurang_min_sangat_kurang", 0.5],
    ["sangat_kurang", { sangat_kurang: 6, sangat_baik: 1, baik: 3 }, "sangat_kurang_no_sangat_baik", 0.1],
  ])("a %s unit with %o breaks only %s (observed %d)", (pattern, counts, rule, observedShare) => {
    const warnings = distributionWarnings(pattern, spread(counts));
    expect(warnings.map((warning) => warning.rule)).toEqual([rule]);
    expect(warnings[0]?.observedShare).toBeCloseTo(observedShare, 12);
    expect(warnings[0]?.total).toBe(10);
  });

  it("reports the allowed share beside the observed one", () => {
    expect(distributionWarnings("istimewa", spread({ sangat_baik: 3 }))).toEqual([
      {
        rule: "istimewa_max_sangat_baik",
        counts: ["sangat_baik"],
        observedCount: 3,
        total: 3,
        observedShare: 1,
        allowed: { kind: "at_most", share: 0.7 },
      },
    ]);
    expect(distributionWarnings("baik", spread({ baik: 2, sangat_baik: 1 }))[0]?.allowed).toEqual({
      kind: "at_least_one",
    });
    expect(distributionWarnings("kurang", spread({ baik: 1 }))[0]?.allowed).toEqual({ kind: "at_least", share: 0.6 });
  });

  it("can report several broken rules at once", () => {
    expect(distributionWarnings("kurang", spread({ sangat_baik: 5, baik: 5 })).map((warning) => warning.rule)).toEqual([
      "kurang_min_kurang",
      "kurang_min_butuh_perbaikan",
      "kurang_max_sangat_baik",
    ]);
  });

  it("compares shares exactly: 7 of 10 is within 70%, 5 of 7 (71.4%) is not", () => {
    expect(distributionWarnings("istimewa", spread({ sangat_baik: 7, baik: 3 }))).toEqual([]);
    expect(distributionWarnings("istimewa", spread({ sangat_baik: 5, baik: 2 }))).toHaveLength(1);
  });

  it.each<OrganisationPredikat>(["istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"])(
    "says nothing about a %s unit with no finalized predicates",
    (pattern) => {
      expect(distributionWarnings(pattern, [])).toEqual([]);
    },
  );
});

describe("objectionWindow (PP 30/2019 Pasal 59: 14 days)", () => {
  const receivedAt = new Date("2026-01-05T10:00:00+07:00");
  const closesAt = new Date("2026-01-19T23:59:59.999+07:00");

  it.each([
    ["on the day of receipt", new Date("2026-01-05T15:00:00+07:00"), true],
    ["on the 14th day", new Date("2026-01-19T22:00:00+07:00"), true],
    ["at the closing instant", closesAt, true],
    ["just after the 14th day", new Date("2026-01-20T00:00:00+07:00"), false],
  ])("is open %s: %s", (_label, now, open) => {
    expect(objectionWindow(receivedAt, now)).toEqual({ open, closesAt });
  });

  it("counts calendar days, weekends and holidays included", () => {
    const fridayEvening = new Date("2026-12-18T20:00:00+07:00");
    expect(objectionWindow(fridayEvening, fridayEvening).closesAt).toEqual(new Date("2027-01-01T23:59:59.999+07:00"));
  });
});
