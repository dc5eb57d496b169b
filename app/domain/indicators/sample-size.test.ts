import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { requiredSampleSize, sampleSufficiency } from "./sample-size";

// DOMAIN.md §1.4, Krejcie & Morgan table rows (N → S).
const KREJCIE_MORGAN_TABLE: ReadonlyArray<[number, number]> = [
  [10, 10], [15, 14], [20, 19], [25, 24], [30, 28], [40, 36], [50, 44], [60, 52], [70, 59], [80, 66],
  [90, 73], [100, 80], [120, 92], [150, 108], [200, 132], [250, 152], [300, 169], [400, 196], [500, 217],
  [600, 234], [800, 260], [1000, 278], [1500, 306], [2000, 322], [3000, 341], [5000, 357], [10000, 370],
  [20000, 377], [50000, 381],
];

describe("requiredSampleSize (Krejcie & Morgan)", () => {
  it.each(KREJCIE_MORGAN_TABLE)("N = %i → S = %i, as in the table", (population, sample) => {
    expect(requiredSampleSize(population)).toBe(sample);
  });

  it("N = 100000 → 383 by the formula (382.63); DOMAIN.md and the 1970 table print 384", () => {
    // S = 3841·100000 / (10·100000 + 3831) = 382.634…, so the printed 384 is the asymptote, not the formula.
    expect(requiredSampleSize(100_000)).toBe(383);
  });

  it("approaches 384 for very large populations (the '≈ 384 beyond' of the table)", () => {
    expect(requiredSampleSize(1_000_000)).toBe(384);
    expect(requiredSampleSize(1_000_000_000)).toBe(384);
  });

  it("worked example between table rows: N = 130 gives 97, not the 92 of the row for 120", () => {
    // 3841·130 / (1300 + 3831) = 499330 / 5131 = 97.316…
    expect(requiredSampleSize(130)).toBe(97);
  });

  it.each([
    [9, 9],
    [5, 5],
    [1, 1],
    [0, 0],
    [-3, 0],
  ])("small populations are a census: N = %i → %i", (population, sample) => {
    expect(requiredSampleSize(population)).toBe(sample);
  });

  it.each([12.5, NaN, Infinity])("refuses a population of %s", (population) => {
    expect(() => requiredSampleSize(population)).toThrow(RangeError);
  });

  it("never asks for more than the population or 384, and never decreases with N", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1000 }), (population, extra) => {
        const sample = requiredSampleSize(population);
        expect(sample).toBeLessThanOrEqual(population);
        expect(sample).toBeLessThanOrEqual(384);
        expect(requiredSampleSize(population + extra)).toBeGreaterThanOrEqual(sample);
      }),
    );
  });

  it("agrees with the textbook formula in floating point away from .5", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 10_000_000 }), (population) => {
        const exact = (3.841 * population * 0.25) / (0.0025 * (population - 1) + 3.841 * 0.25);
        if (Math.abs((exact % 1) - 0.5) < 1e-6) return;
        expect(requiredSampleSize(population)).toBe(Math.round(exact));
      }),
    );
  });
});

describe("sampleSufficiency", () => {
  it.each([
    [80, 100, { required: 80, sufficient: true, shortfall: 0 }],
    [120, 100, { required: 80, sufficient: true, shortfall: 0 }],
    [79, 100, { required: 80, sufficient: false, shortfall: 1 }],
    [0, 1000, { required: 278, sufficient: false, shortfall: 278 }],
    [3, 5, { required: 5, sufficient: false, shortfall: 2 }],
    [0, 0, { required: 0, sufficient: true, shortfall: 0 }],
  ])("%i responses for a population of %i", (responses, population, expected) => {
    expect(sampleSufficiency(responses, population)).toEqual(expected);
  });

  it("refuses a negative or fractional number of responses", () => {
    expect(() => sampleSufficiency(-1, 100)).toThrow(RangeError);
    expect(() => sampleSufficiency(1.5, 100)).toThrow(RangeError);
  });
});
