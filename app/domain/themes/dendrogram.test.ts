import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageLinkageMerges, bestCut, cutTree, meanSilhouette } from "./dendrogram";

// Row-major similarity matrix from the upper triangle.
function matrix(count: number, pairs: Record<string, number>): Float32Array {
  const similarity = new Float32Array(count * count);
  for (const [pair, value] of Object.entries(pairs)) {
    const [a, b] = pair.split("-").map(Number) as [number, number];
    similarity[a * count + b] = value;
    similarity[b * count + a] = value;
  }
  return similarity;
}

const twoPairs = matrix(4, { "0-1": 0.9, "2-3": 0.8, "0-2": 0.1, "0-3": 0.1, "1-2": 0.1, "1-3": 0.1 });

describe("averageLinkageMerges and cutTree", () => {
  it("keeps pairs above the cut and joins everything below it", () => {
    const merges = averageLinkageMerges(twoPairs, 4, 0);
    expect(cutTree(merges, 4, 0.5)).toEqual([[0, 1], [2, 3]]);
    expect(cutTree(merges, 4, 0.05)).toEqual([[0, 1, 2, 3]]);
    expect(cutTree(merges, 4, 0.95)).toEqual([[0], [1], [2], [3]]);
  });

  it("uses the average, not the nearest member: close to one of a pair is not close to the pair", () => {
    const merges = averageLinkageMerges(matrix(3, { "0-1": 0.9, "0-2": 0.6, "1-2": 0 }), 3, 0);
    expect(cutTree(merges, 3, 0.5)).toEqual([[0, 1], [2]]);
    expect(cutTree(merges, 3, 0.3)).toEqual([[0, 1, 2]]);
  });

  it("leaves the similarity matrix as it was", () => {
    const copy = twoPairs.slice();
    averageLinkageMerges(twoPairs, 4, 0);
    expect(twoPairs).toEqual(copy);
  });

  it("cuts a nested grouping: every group at a higher cut lies within one group at a lower cut", () => {
    const values = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 28, maxLength: 28 });
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (upper, a, b) => {
        const count = 8;
        const similarity = new Float32Array(count * count);
        let next = 0;
        for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) {
          similarity[i * count + j] = upper[next] ?? 0;
          similarity[j * count + i] = upper[next++] ?? 0;
        }
        const merges = averageLinkageMerges(similarity, count, 0);
        const [low, high] = a < b ? [a, b] : [b, a];
        const coarse = cutTree(merges, count, low);
        for (const group of cutTree(merges, count, high)) {
          expect(coarse.some((outer) => group.every((member) => outer.includes(member)))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("meanSilhouette and bestCut", () => {
  it("scores two tight, distant pairs near 1 and lone inputs 0", () => {
    // Distances: 0.1 within the first pair, 0.2 within the second, 0.9 across: (0.8/0.9 × 2 + 0.7/0.9 × 2) / 4.
    expect(meanSilhouette([[0, 1], [2, 3]], twoPairs, 4)).toBeCloseTo((0.8 / 0.9 + 0.7 / 0.9) / 2, 6);
    expect(meanSilhouette([[0], [1], [2], [3]], twoPairs, 4)).toBe(0);
  });

  it("chooses the cut that separates the two pairs, not one that joins them or leaves everyone alone", () => {
    const merges = averageLinkageMerges(twoPairs, 4, 0);
    const cut = bestCut(merges, twoPairs, 4, [0.05, 0.5, 0.95]);
    expect(cut.groups).toEqual([[0, 1], [2, 3]]);
    expect(cut.threshold).toBe(0.5);
  });
});
