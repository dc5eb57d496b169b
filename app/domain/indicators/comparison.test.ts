import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { buildMonthlyTrend, compareWithPrevious, monthsInRange, type MonthlyTallies } from "./comparison";
import { mapElements } from "./elements";
import { computeIkm, EQUAL_WEIGHTS, type ElementTallies, parseWeights } from "./ikm";

function sameTallyEverywhere(sum: number, count: number): ElementTallies {
  return mapElements(() => ({ sum, count }));
}

describe("compareWithPrevious", () => {
  it.each([
    [81.39, 78.13, 0.01, "up"],
    [78.13, 81.39, 0.01, "down"],
    [81.39, 81.385, 0.01, "steady"],
    [88.33, 88.32, 0.01, "steady"],
    [88.32, 88.31, 0.01, "steady"],
    [88.34, 88.32, 0.01, "up"],
    [80, 79, 1, "steady"],
    [80, 79, 0.5, "up"],
    [80, 80, 0, "steady"],
  ] as const)("%f against %f with tolerance %f is %s", (current, previous, tolerance, direction) => {
    expect(compareWithPrevious(current, previous, tolerance)).toMatchObject({ kind: "compared", direction });
  });

  it("worked example: 81.39 after 78.13 is up by 3.26 with the default tolerance", () => {
    const comparison = compareWithPrevious(81.39, 78.13);
    if (comparison.kind !== "compared") throw new Error("expected a comparison");
    expect(comparison.direction).toBe("up");
    expect(comparison.difference).toBeCloseTo(3.26, 12);
  });

  it.each([
    [null, 80, "no_current"],
    [80, null, "no_previous"],
  ] as const)("%s against %s cannot be compared", (current, previous, reason) => {
    expect(compareWithPrevious(current, previous)).toEqual({ kind: "not_comparable", reason });
  });

  it("refuses a negative tolerance", () => {
    expect(() => compareWithPrevious(80, 79, -1)).toThrow(RangeError);
  });

  it("is antisymmetric: swapping the periods swaps up and down", () => {
    const score = fc.double({ min: 25, max: 100, noNaN: true });
    const opposite = { up: "down", down: "up", steady: "steady" } as const;
    fc.assert(
      fc.property(score, score, fc.double({ min: 0, max: 5, noNaN: true }), (a, b, tolerance) => {
        const forward = compareWithPrevious(a, b, tolerance);
        const backward = compareWithPrevious(b, a, tolerance);
        if (forward.kind !== "compared" || backward.kind !== "compared") throw new Error("expected comparisons");
        expect(backward.direction).toBe(opposite[forward.direction]);
      }),
    );
  });
});

describe("monthsInRange", () => {
  it.each([
    [{ from: "2024-11", to: "2025-02" }, ["2024-11", "2024-12", "2025-01", "2025-02"]],
    [{ from: "2025-05", to: "2025-05" }, ["2025-05"]],
  ])("%o", (range, expected) => {
    expect(monthsInRange(range)).toEqual(expected);
  });

  it.each([
    { from: "2025-13", to: "2025-12" },
    { from: "2025-1", to: "2025-12" },
    { from: "2025-06", to: "2025-05" },
  ])("refuses %o", (range) => {
    expect(() => monthsInRange(range)).toThrow(RangeError);
  });
});

describe("buildMonthlyTrend", () => {
  it("worked example: fills missing months with null and pools entries of the same month", () => {
    const monthly: MonthlyTallies[] = [
      { month: "2025-01", sums: sameTallyEverywhere(350, 100), respondents: 104 },
      { month: "2025-03", sums: sameTallyEverywhere(30, 10) },
      { month: "2025-03", sums: sameTallyEverywhere(40, 10), respondents: 11 },
      { month: "2024-12", sums: sameTallyEverywhere(40, 10) }, // outside the range
    ];
    expect(buildMonthlyTrend(monthly, { from: "2025-01", to: "2025-04" }, EQUAL_WEIGHTS)).toEqual([
      { month: "2025-01", ikmUnit: 87.5, respondents: 104 },
      { month: "2025-02", ikmUnit: null, respondents: 0 },
      // (30 + 40) / 20 = 3.5 → 87.5; respondents 10 (largest count) + 11
      { month: "2025-03", ikmUnit: 87.5, respondents: 21 },
      { month: "2025-04", ikmUnit: null, respondents: 0 },
    ]);
  });

  it("gives null for a month whose entries have no answers", () => {
    expect(
      buildMonthlyTrend([{ month: "2025-01", sums: sameTallyEverywhere(0, 0), respondents: 3 }], {
        from: "2025-01",
        to: "2025-01",
      }, EQUAL_WEIGHTS),
    ).toEqual([{ month: "2025-01", ikmUnit: null, respondents: 3 }]);
  });

  it("applies custom weights", () => {
    const parsed = parseWeights({ ...mapElements(() => ({ num: 1, den: 16 })), U1: { num: 1, den: 2 } });
    if (!parsed.ok) throw new Error("weights should be valid");
    const sums = { ...sameTallyEverywhere(2, 1), U1: { sum: 4, count: 1 } };
    const [point] = buildMonthlyTrend([{ month: "2025-01", sums }], { from: "2025-01", to: "2025-01" }, parsed.weights);
    expect(point?.ikmUnit).toBe(75);
  });

  it("refuses a malformed month in the data", () => {
    expect(() =>
      buildMonthlyTrend([{ month: "January", sums: sameTallyEverywhere(3, 1) }], { from: "2025-01", to: "2025-02" }, EQUAL_WEIGHTS),
    ).toThrow(RangeError);
  });

  it("gives one point per month, equal to the IKM of that month's sums", () => {
    const tally = fc.integer({ min: 0, max: 50 }).chain((count) =>
      fc.integer({ min: count, max: 4 * count }).map((sum) => ({ sum, count })),
    );
    const entry = fc.record({
      month: fc.integer({ min: 1, max: 12 }).map((month) => `2024-${String(month).padStart(2, "0")}`),
      sums: tally.map((value) => mapElements(() => value)),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const trend = buildMonthlyTrend(entries, { from: "2024-01", to: "2024-12" }, EQUAL_WEIGHTS);
        expect(trend.map((point) => point.month)).toEqual(monthsInRange({ from: "2024-01", to: "2024-12" }));
        for (const point of trend) {
          const same = entries.filter((item) => item.month === point.month);
          if (same.length !== 1) continue;
          const outcome = computeIkm((same[0] as MonthlyTallies).sums);
          expect(point.ikmUnit).toBe(outcome.kind === "computed" ? outcome.ikmUnit : null);
        }
      }),
    );
  });
});
