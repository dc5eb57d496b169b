import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustedRandIndex, purity } from "./quality";

describe("adjustedRandIndex", () => {
  it("works the textbook example: 8/33", () => {
    // Six items, truth a a a b b b, proposal x x y y z z.
    // Contingency cells a∩x 2, a∩y 1, b∩y 1, b∩z 2 → pairs together in both: C(2,2) + C(2,2) = 2.
    // Truth pairs: C(3,2) + C(3,2) = 6. Proposal pairs: 1 + 1 + 1 = 3. All pairs: C(6,2) = 15.
    // Expected = 6 × 3 / 15 = 1.2; maximum = (6 + 3) / 2 = 4.5; ARI = (2 − 1.2) / (4.5 − 1.2) = 0.8 / 3.3 = 8/33.
    const truth = ["a", "a", "a", "b", "b", "b"];
    const proposal = ["x", "x", "y", "y", "z", "z"];
    expect(adjustedRandIndex(proposal, truth)).toBeCloseTo(8 / 33, 12);
  });

  it("matches scikit-learn on splitting one group in two: 4/7", () => {
    expect(adjustedRandIndex(["0", "0", "1", "1"], ["0", "0", "1", "2"])).toBeCloseTo(4 / 7, 12);
  });

  it("is 1 for the same grouping under other names, and below 0 for a grouping against the grain", () => {
    expect(adjustedRandIndex(["a", "a", "b", "b"], ["q", "q", "p", "p"])).toBe(1);
    expect(adjustedRandIndex(["a", "a", "b", "b"], ["x", "y", "x", "y"])).toBeLessThan(0);
  });

  it("is 1 when both labelings put everything apart, or everything together", () => {
    expect(adjustedRandIndex(["a", "b", "c"], ["x", "y", "z"])).toBe(1);
    expect(adjustedRandIndex(["a", "a"], ["x", "x"])).toBe(1);
  });

  it("refuses labelings of different lengths", () => {
    expect(() => adjustedRandIndex(["a"], ["a", "b"])).toThrow(/length/);
  });

  it("is symmetric, at most 1, and blind to label names", () => {
    const labeling = (length: number) =>
      fc.array(fc.constantFrom("a", "b", "c", "d"), { minLength: length, maxLength: length });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((length) => fc.tuple(labeling(length), labeling(length))),
        ([first, second]) => {
          const index = adjustedRandIndex(first, second);
          expect(index).toBeCloseTo(adjustedRandIndex(second, first), 12);
          expect(index).toBeLessThanOrEqual(1 + 1e-12);
          expect(adjustedRandIndex(first.map((label) => `renamed-${label}`), second)).toBeCloseTo(index, 12);
          expect(adjustedRandIndex(first, first)).toBe(1);
        },
      ),
    );
  });
});

describe("purity", () => {
  it("counts each proposed group's majority: 5/6 in the textbook example", () => {
    // x holds a a (2), y holds a b (1), z holds b b (2): (2 + 1 + 2) / 6.
    expect(purity(["x", "x", "y", "y", "z", "z"], ["a", "a", "a", "b", "b", "b"])).toBeCloseTo(5 / 6, 12);
  });

  it("is 1 for groups that never mix, however finely they split", () => {
    expect(purity(["x", "y", "z", "w"], ["a", "a", "b", "b"])).toBe(1);
  });

  it("is the largest class's share when everything is one group", () => {
    expect(purity(["x", "x", "x", "x"], ["a", "a", "a", "b"])).toBe(0.75);
  });
});
