// Agreement between two labelings of the same items, to measure proposed themes against hand-made ones.
// Both functions take one label per item, in the same item order.

function assertSameLength(a: readonly string[], b: readonly string[]) {
  if (a.length !== b.length) throw new Error(`labelings differ in length: ${a.length} and ${b.length}`);
}

const pairs = (count: number): number => (count * (count - 1)) / 2;

/** Contingency counts: how many items carry label `first` in one labeling and `second` in the other. */
function contingency(first: readonly string[], second: readonly string[]) {
  const cells = new Map<string, Map<string, number>>();
  const firstTotals = new Map<string, number>();
  const secondTotals = new Map<string, number>();
  for (const [index, a] of first.entries()) {
    const b = second[index] ?? "";
    const row = cells.get(a) ?? new Map<string, number>();
    row.set(b, (row.get(b) ?? 0) + 1);
    cells.set(a, row);
    firstTotals.set(a, (firstTotals.get(a) ?? 0) + 1);
    secondTotals.set(b, (secondTotals.get(b) ?? 0) + 1);
  }
  return { cells, firstTotals, secondTotals };
}

/**
 * Adjusted Rand index (Hubert & Arabie 1985): agreement on which pairs of items are together, corrected for chance.
 * 1 is identical grouping, about 0 is what random grouping scores, negative is worse than chance. Symmetric.
 * When both labelings are trivial in the same way (all apart, or all together) the index is 0/0; we return 1.
 */
export function adjustedRandIndex(first: readonly string[], second: readonly string[]): number {
  assertSameLength(first, second);
  const { cells, firstTotals, secondTotals } = contingency(first, second);
  let together = 0;
  for (const row of cells.values()) for (const count of row.values()) together += pairs(count);
  const firstPairs = [...firstTotals.values()].reduce((sum, count) => sum + pairs(count), 0);
  const secondPairs = [...secondTotals.values()].reduce((sum, count) => sum + pairs(count), 0);
  const allPairs = pairs(first.length);
  if (allPairs === 0) return 1;
  const expected = (firstPairs * secondPairs) / allPairs;
  const maximum = (firstPairs + secondPairs) / 2;
  if (maximum === expected) return 1;
  return (together - expected) / (maximum - expected);
}

/**
 * Purity of `predicted` against `truth`: each predicted group counts the items of its most common true label;
 * the sum over groups, divided by the number of items. 1 when no group mixes true labels. Not symmetric, and it
 * rewards tiny groups (all singletons score 1), so read it beside the share of items that are grouped.
 */
export function purity(predicted: readonly string[], truth: readonly string[]): number {
  assertSameLength(predicted, truth);
  if (predicted.length === 0) return 1;
  const { cells } = contingency(predicted, truth);
  let majoritySum = 0;
  for (const row of cells.values()) majoritySum += Math.max(...row.values());
  return majoritySum / predicted.length;
}
