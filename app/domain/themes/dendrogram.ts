// Average-linkage agglomerative clustering of forum inputs on cosine similarity, and where to cut it.
// The whole merge tree is built once (nearest-neighbour chain, O(n²)); a cut at similarity t keeps every merge
// made at t or above. Average linkage never raises a similarity by merging, so that cut is exactly the grouping
// one would get by merging greedily while the two closest groups are at least t alike.
// The cut is chosen per forum by the mean silhouette (Rousseeuw 1987): how much closer each input is to its own
// group than to the nearest other group, so a forum of tight, distinct themes is cut high and a forum of loose
// ones lower, without one constant for every forum.

/** One merge of the tree: two groups (named by their lowest-numbered item) and their average similarity. */
export interface Merge {
  readonly first: number;
  readonly second: number;
  readonly similarity: number;
}

/**
 * Every merge of average-linkage clustering down to `floor` similarity, by the nearest-neighbour chain.
 * `similarity` (n×n, row-major) is read, not changed.
 */
export function averageLinkageMerges(similarity: Float32Array, count: number, floor: number): Merge[] {
  const working = similarity.slice();
  const size = new Int32Array(count).fill(1);
  const active = new Uint8Array(count).fill(1);
  let activeIndices = Array.from({ length: count }, (_, index) => index);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let nextStart = 0;

  while (true) {
    if (chain.length === 0) {
      while (nextStart < count && active[nextStart] === 0) nextStart++;
      if (nextStart >= count) break;
      chain.push(nextStart);
    }
    const current = chain[chain.length - 1] ?? 0;
    const previous = chain.length >= 2 ? chain[chain.length - 2] : undefined;
    // Nearest active neighbour; on a tie the previous chain link wins (so the chain ends), then the lower index.
    let nearest = -1;
    let nearestSimilarity = -Infinity;
    const row = current * count;
    for (const candidate of activeIndices) {
      if (candidate === current || active[candidate] === 0) continue;
      const value = working[row + candidate] ?? 0;
      if (
        value > nearestSimilarity ||
        (value === nearestSimilarity && (candidate === previous || (nearest !== previous && candidate < nearest)))
      ) {
        nearest = candidate;
        nearestSimilarity = value;
      }
    }
    if (nearest < 0 || nearestSimilarity < floor) {
      active[current] = 0; // nothing is close enough now, nor will be: set aside for good
      chain.pop();
      continue;
    }
    if (nearest === previous) {
      chain.pop();
      chain.pop();
      const [kept, removed] = current < nearest ? [current, nearest] : [nearest, current];
      merges.push({ first: kept, second: removed, similarity: nearestSimilarity });
      const keptSize = size[kept] ?? 1;
      const removedSize = size[removed] ?? 1;
      // Lance–Williams update for average linkage: the merged group's similarity is the size-weighted mean.
      for (const other of activeIndices) {
        if (other === kept || other === removed) continue;
        const merged =
          ((working[kept * count + other] ?? 0) * keptSize + (working[removed * count + other] ?? 0) * removedSize) /
          (keptSize + removedSize);
        working[kept * count + other] = merged;
        working[other * count + kept] = merged;
      }
      size[kept] = keptSize + removedSize;
      active[removed] = 0;
      activeIndices = activeIndices.filter((index) => active[index] === 1);
    } else {
      chain.push(nearest);
    }
  }
  return merges.sort((a, b) => b.similarity - a.similarity);
}

/** The groups left by keeping the merges at `threshold` or above: item indices ascending, by first item. */
export function cutTree(merges: readonly Merge[], count: number, threshold: number): number[][] {
  const parent = Int32Array.from({ length: count }, (_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) {
      const up = parent[at] ?? at;
      parent[at] = parent[up] ?? up;
      at = up;
    }
    return at;
  };
  for (const merge of merges) {
    if (merge.similarity < threshold) break; // merges are sorted, most similar first
    const a = root(merge.first);
    const b = root(merge.second);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, number[]>();
  for (let index = 0; index < count; index++) {
    const key = root(index);
    const group = groups.get(key) ?? [];
    group.push(index);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/** Above this many inputs the silhouette is estimated from an evenly spread sample of them (against all). */
export const SILHOUETTE_SAMPLE = 300;

/**
 * Mean silhouette of a grouping, with distance 1 − cosine similarity. An input alone in its group scores 0,
 * as Rousseeuw defines it, so a cut that leaves many inputs alone is not rewarded. For a large forum it is the
 * mean over every k-th input (each still compared with all), which keeps the cost linear in the inputs.
 */
export function meanSilhouette(groups: readonly (readonly number[])[], similarity: Float32Array, count: number): number {
  if (count === 0 || groups.length < 2) return 0;
  const stride = Math.max(1, Math.ceil(count / SILHOUETTE_SAMPLE));
  const groupOf = new Int32Array(count);
  for (const [index, group] of groups.entries()) for (const member of group) groupOf[member] = index;
  const sums = new Float64Array(groups.length);
  let total = 0;
  let measured = 0;
  for (let item = 0; item < count; item += stride) {
    measured++;
    const own = groupOf[item] ?? 0;
    const ownSize = groups[own]?.length ?? 1;
    if (ownSize < 2) continue;
    sums.fill(0);
    const row = item * count;
    for (let other = 0; other < count; other++) {
      if (other === item) continue;
      const group = groupOf[other] ?? 0;
      sums[group] = (sums[group] ?? 0) + 1 - (similarity[row + other] ?? 0);
    }
    const within = (sums[own] ?? 0) / (ownSize - 1);
    let nearest = Infinity;
    for (const [index, group] of groups.entries()) {
      if (index === own) continue;
      nearest = Math.min(nearest, (sums[index] ?? 0) / group.length);
    }
    const spread = Math.max(within, nearest);
    total += spread > 0 ? (nearest - within) / spread : 0;
  }
  return total / measured;
}

/** The threshold among `candidates` whose cut has the highest mean silhouette (the lower one on a tie). */
export function bestCut(
  merges: readonly Merge[],
  similarity: Float32Array,
  count: number,
  candidates: readonly number[],
): { threshold: number; groups: number[][]; silhouette: number } {
  let best: { threshold: number; groups: number[][]; silhouette: number } | null = null;
  let previousMergeCount = -1;
  for (const threshold of [...candidates].sort((a, b) => a - b)) {
    // Thresholds between the same two merges cut the same groups: measure each distinct cut once.
    const mergeCount = merges.filter((merge) => merge.similarity >= threshold).length;
    if (mergeCount === previousMergeCount) continue;
    const groups = cutTree(merges, count, threshold);
    const silhouette = meanSilhouette(groups, similarity, count);
    previousMergeCount = mergeCount;
    if (best === null || silhouette > best.silhouette + 1e-12) best = { threshold, groups, silhouette };
  }
  return best ?? { threshold: 1, groups: cutTree(merges, count, 1), silhouette: 0 };
}
