import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  addToSums,
  EMPTY_SUMS,
  meanInterval95,
  mergeSums,
  type OfficerRating,
  type OfficerScore,
  type OfficerSums,
  pooledMean,
  rankOfficers,
  ratingContribution,
  scoreOfficer,
  type ScoredOfficer,
  sumsOfRatings,
  tQuantile975,
} from "./officer-score";

function sumsOf(officerId: string, values: readonly number[]): OfficerSums {
  return { officerId, ...values.reduce(addToSums, EMPTY_SUMS) };
}

function scored(score: OfficerScore): ScoredOfficer {
  if (score.kind !== "scored") throw new Error("expected a scored officer");
  return score;
}

describe("ratingContribution", () => {
  it.each<[OfficerRating, number | null]>([
    [{ kind: "survey", u6: 3, u7: 4 }, 3.5],
    [{ kind: "survey", u6: 2, u7: null }, 2],
    [{ kind: "survey", u6: null, u7: 4 }, 4],
    [{ kind: "survey", u6: null, u7: null }, null],
    [{ kind: "quick", score: 1 }, 1],
  ])("%o contributes %s", (rating, expected) => {
    expect(ratingContribution(rating)).toBe(expected);
  });

  it.each<OfficerRating>([
    { kind: "quick", score: 5 },
    { kind: "quick", score: 2.5 },
    { kind: "survey", u6: 0, u7: 3 },
  ])("refuses an answer outside 1..4: %o", (rating) => {
    expect(() => ratingContribution(rating)).toThrow(RangeError);
  });

  it("sums a mix of surveys and quick ratings, skipping surveys without U6/U7", () => {
    expect(
      sumsOfRatings([
        { kind: "survey", u6: 3, u7: 4 },
        { kind: "quick", score: 2 },
        { kind: "survey", u6: null, u7: null },
      ]),
    ).toEqual({ n: 2, sum: 5.5, sumOfSquares: 12.25 + 4 });
  });

  it("pools sums into a unit mean", () => {
    expect(pooledMean([{ n: 2, sum: 6, sumOfSquares: 18 }, { n: 2, sum: 8, sumOfSquares: 32 }])).toBe(3.5);
    expect(pooledMean([])).toBeNull();
    expect(mergeSums({ n: 1, sum: 2, sumOfSquares: 4 }, { n: 2, sum: 7, sumOfSquares: 25 })).toEqual({
      n: 3,
      sum: 9,
      sumOfSquares: 29,
    });
  });
});

describe("tQuantile975", () => {
  it.each([
    [1, 12.706205],
    [9, 2.262157],
    [30, 2.042272],
    [31, 2.039513],
    [40, 2.021075],
    [60, 2.000298],
    [120, 1.97993],
    [1_000_000, 1.959966],
  ])("t(0.975, %i) ≈ %f", (degreesOfFreedom, expected) => {
    expect(tQuantile975(degreesOfFreedom)).toBeCloseTo(expected, 5);
  });

  it("decreases with the degrees of freedom", () => {
    for (let df = 1; df < 200; df += 1) expect(tQuantile975(df + 1)).toBeLessThan(tQuantile975(df));
  });
});

describe("meanInterval95", () => {
  it("worked example: five 3s and five 4s give 3.5 ± 2.262 × 0.1667", () => {
    const interval = meanInterval95(sumsOf("a", [3, 3, 3, 3, 3, 4, 4, 4, 4, 4]));
    // s² = (125 − 10 × 3.5²) / 9 = 0.2778, se = 0.1667, half-width = 2.262157 × 0.1667 = 0.37703
    expect(interval.lower).toBeCloseTo(3.122974, 5);
    expect(interval.upper).toBeCloseTo(3.877026, 5);
  });

  it.each([
    ["no ratings", [] as number[]],
    ["one rating", [3]],
  ])("is the full scale with %s", (_, values) => {
    expect(meanInterval95(sumsOf("a", values))).toEqual({ lower: 1, upper: 4 });
  });

  it("collapses on the mean when every rating is the same", () => {
    expect(meanInterval95(sumsOf("a", Array(12).fill(4)))).toEqual({ lower: 4, upper: 4 });
  });

  it("is clamped to the 1..4 scale", () => {
    expect(meanInterval95(sumsOf("a", [1, 4]))).toEqual({ lower: 1, upper: 4 });
  });
});

describe("scoreOfficer", () => {
  it("worked example: 10 ratings averaging 3.5 in a unit averaging 3.0 shrink to 3.25 with k = 10", () => {
    const score = scored(scoreOfficer(sumsOf("siti", [3, 3, 3, 3, 3, 4, 4, 4, 4, 4]), { unitMean: 3 }));
    expect(score).toMatchObject({ kind: "scored", officerId: "siti", n: 10, rawMean: 3.5, shrunk: 3.25 });
    expect(score.priorStrength).toBe(10);
  });

  it.each([
    [{ priorStrength: 0 }, 3.5],
    [{ priorStrength: 30 }, 3.125],
  ])("honours a configured prior strength %o", (options, shrunk) => {
    expect(scored(scoreOfficer(sumsOf("a", Array(10).fill(3.5)), { unitMean: 3, ...options })).shrunk).toBe(shrunk);
  });

  it("an officer with 9 ratings is insufficient under the default minimum of 10", () => {
    expect(scoreOfficer(sumsOf("budi", Array(9).fill(4)), { unitMean: 3 })).toEqual({
      kind: "insufficient",
      officerId: "budi",
      n: 9,
      minimum: 10,
    });
  });

  it("an officer with 3 ratings is scored when the minimum is lowered to 3", () => {
    expect(scoreOfficer(sumsOf("a", [2, 3, 4]), { unitMean: 3, minimumRatings: 3 }).kind).toBe("scored");
  });

  it.each([
    ["an impossible sum", { officerId: "x", n: 2, sum: 9, sumOfSquares: 32 }, { unitMean: 3 }],
    ["an impossible sum of squares", { officerId: "x", n: 2, sum: 6, sumOfSquares: 40 }, { unitMean: 3 }],
    ["a unit mean off the scale", { officerId: "x", n: 2, sum: 6, sumOfSquares: 18 }, { unitMean: 0 }],
    ["a negative prior", { officerId: "x", n: 2, sum: 6, sumOfSquares: 18 }, { unitMean: 3, priorStrength: -1 }],
    ["a zero minimum", { officerId: "x", n: 2, sum: 6, sumOfSquares: 18 }, { unitMean: 3, minimumRatings: 0 }],
  ])("throws on %s", (_, sums, options) => {
    expect(() => scoreOfficer(sums, options)).toThrow(RangeError);
  });

  const contribution = fc.integer({ min: 2, max: 8 }).map((halves) => halves / 2);
  const unitMean = fc.double({ min: 1, max: 4, noNaN: true });

  it("never moves a score past the unit mean: the shrunk score lies between the raw mean and the unit mean", () => {
    fc.assert(
      fc.property(
        fc.array(contribution, { minLength: 1, maxLength: 300 }),
        unitMean,
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (values, mean, priorStrength) => {
          const score = scored(scoreOfficer(sumsOf("a", values), { unitMean: mean, priorStrength, minimumRatings: 1 }));
          expect(score.shrunk).toBeGreaterThanOrEqual(Math.min(score.rawMean, mean));
          expect(score.shrunk).toBeLessThanOrEqual(Math.max(score.rawMean, mean));
        },
      ),
    );
  });

  it("gives an interval within 1..4 that contains the raw mean", () => {
    fc.assert(
      fc.property(fc.array(contribution, { minLength: 1, maxLength: 300 }), unitMean, (values, mean) => {
        const score = scored(scoreOfficer(sumsOf("a", values), { unitMean: mean, minimumRatings: 1 }));
        expect(score.interval.lower).toBeGreaterThanOrEqual(1);
        expect(score.interval.upper).toBeLessThanOrEqual(4);
        expect(score.interval.lower).toBeLessThanOrEqual(score.rawMean);
        expect(score.interval.upper).toBeGreaterThanOrEqual(score.rawMean);
      }),
    );
  });
});

describe("rankOfficers", () => {
  const options = { unitMean: 3 };

  it("ranks by shrunk score, then more ratings, then id; insufficient officers stay apart", () => {
    const scores = [
      scoreOfficer(sumsOf("dewi", Array(20).fill(3.5)), options), // (70 + 30) / 30 = 3.333…
      scoreOfficer(sumsOf("agus", Array(10).fill(4)), options), // (40 + 30) / 20 = 3.5
      scoreOfficer(sumsOf("eko", Array(3).fill(4)), options), // insufficient, highest raw mean
      scoreOfficer(sumsOf("citra", Array(10).fill(2)), options), // 2.5
      scoreOfficer(sumsOf("bayu", Array(10).fill(2)), options), // 2.5, same n: id decides
      scoreOfficer(sumsOf("fajar", Array(2).fill(1)), options), // insufficient, lowest raw mean
      scoreOfficer(sumsOf("gita", Array(40).fill(2.75)), options), // (110 + 30) / 50 = 2.8
    ];
    const { ranked, unranked } = rankOfficers(scores);
    expect(ranked.map((officer) => [officer.rank, officer.officerId])).toEqual([
      [1, "agus"],
      [2, "dewi"],
      [3, "gita"],
      [4, "bayu"],
      [5, "citra"],
    ]);
    expect(unranked.map((officer) => officer.officerId)).toEqual(["eko", "fajar"]);
  });

  it("breaks equal shrunk scores by the number of ratings", () => {
    const { ranked } = rankOfficers([
      scoreOfficer(sumsOf("a", Array(10).fill(3)), options),
      scoreOfficer(sumsOf("b", Array(30).fill(3)), options),
    ]);
    expect(ranked.map((officer) => officer.officerId)).toEqual(["b", "a"]);
  });

  it("never ranks an insufficient officer and keeps the ranking ordered", () => {
    const officer = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      values: fc.array(fc.integer({ min: 2, max: 8 }).map((halves) => halves / 2), { maxLength: 25 }),
    });
    fc.assert(
      fc.property(fc.array(officer, { maxLength: 12 }), (officers) => {
        const scores = officers.map(({ id, values }) => scoreOfficer(sumsOf(id, values), options));
        const { ranked, unranked } = rankOfficers(scores);
        expect(ranked.length + unranked.length).toBe(scores.length);
        expect(ranked.every((entry) => entry.n >= 10)).toBe(true);
        expect(unranked.every((entry) => entry.kind === "insufficient")).toBe(true);
        ranked.forEach((entry, index) => {
          expect(entry.rank).toBe(index + 1);
          const next = ranked[index + 1];
          if (next) expect(entry.shrunk).toBeGreaterThanOrEqual(next.shrunk);
        });
      }),
    );
  });
});
