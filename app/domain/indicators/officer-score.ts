// Officer service score on the 1..4 SKM scale, built from U6 (Kompetensi Pelaksana) and U7 (Perilaku
// Pelaksana) of full surveys plus the quick-form rating (DOMAIN.md §1.1 decision; PermenPANRB 14/2017 for the
// elements). The score is evidence for the supervisor (PermenPANRB 6/2022), so it is deliberately cautious:
// too few ratings give no score, and every score is pulled towards the unit mean in proportion to how little
// is known about the officer.
//
// All inputs are sums (n, Σx, Σx²) so the figures can be fed from database rollups. Every contribution is a
// multiple of 1/2, so sums of up to 2^50 ratings stay exact in binary floating point.

/** One rating that mentions the officer: a full SKM survey or a quick 1..4 rating. */
export type OfficerRating =
  | { kind: "survey"; u6: number | null; u7: number | null }
  | { kind: "quick"; score: number };

export interface ScoreSums {
  n: number;
  sum: number;
  sumOfSquares: number;
}

export interface OfficerSums extends ScoreSums {
  officerId: string;
}

export const EMPTY_SUMS: ScoreSums = Object.freeze({ n: 0, sum: 0, sumOfSquares: 0 });

/** Below this many ratings an officer is not scored nor ranked. */
export const DEFAULT_MINIMUM_RATINGS = 10;

/** Prior strength k: the unit mean counts as k extra ratings. */
export const DEFAULT_PRIOR_STRENGTH = 10;

function isAnswer(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 4;
}

/**
 * What one rating contributes: the mean of U6 and U7 where answered (one of them alone if the other is blank),
 * or the quick score. A survey that answered neither contributes nothing (null). Values outside 1..4 throw.
 */
export function ratingContribution(rating: OfficerRating): number | null {
  if (rating.kind === "quick") {
    if (!isAnswer(rating.score)) throw new RangeError(`A quick rating must be 1..4, got ${rating.score}`);
    return rating.score;
  }
  const answered = [rating.u6, rating.u7].filter((value): value is number => value !== null);
  for (const value of answered) {
    if (!isAnswer(value)) throw new RangeError(`U6/U7 answers must be 1..4, got ${value}`);
  }
  if (answered.length === 0) return null;
  return answered.reduce((total, value) => total + value, 0) / answered.length;
}

export function addToSums(sums: ScoreSums, value: number): ScoreSums {
  return { n: sums.n + 1, sum: sums.sum + value, sumOfSquares: sums.sumOfSquares + value * value };
}

export function mergeSums(a: ScoreSums, b: ScoreSums): ScoreSums {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumOfSquares: a.sumOfSquares + b.sumOfSquares };
}

export function sumsOfRatings(ratings: Iterable<OfficerRating>): ScoreSums {
  let sums = EMPTY_SUMS;
  for (const rating of ratings) {
    const value = ratingContribution(rating);
    if (value !== null) sums = addToSums(sums, value);
  }
  return sums;
}

/** Mean over all ratings of a unit (pooled), the natural target of the shrinkage; null with no ratings. */
export function pooledMean(allSums: Iterable<ScoreSums>): number | null {
  const total = [...allSums].reduce(mergeSums, EMPTY_SUMS);
  return total.n === 0 ? null : total.sum / total.n;
}

// ---------------------------------------------------------------------------------------------------------
// 95 % interval on the mean

// Two-sided 95 % Student t quantiles t(0.975, df) for df = 1..30.
const T_975_BY_DEGREES_OF_FREEDOM = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
  2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
  2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
  2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
] as const;

const Z_975 = 1.959963984540054;

/** t(0.975, df): tabulated up to 30, then the Cornish–Fisher expansion around the normal quantile. */
export function tQuantile975(degreesOfFreedom: number): number {
  if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom < 1) {
    throw new RangeError(`Degrees of freedom must be a positive integer, got ${degreesOfFreedom}`);
  }
  const tabulated = T_975_BY_DEGREES_OF_FREEDOM[degreesOfFreedom - 1];
  if (tabulated !== undefined) return tabulated;
  const z = Z_975;
  const v = degreesOfFreedom;
  return (
    z +
    (z ** 3 + z) / (4 * v) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * v ** 3) +
    (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / (92160 * v ** 4)
  );
}

export interface Interval {
  lower: number;
  upper: number;
}

const SCALE_MIN = 1;
const SCALE_MAX = 4;
const FULL_RANGE: Interval = Object.freeze({ lower: SCALE_MIN, upper: SCALE_MAX });

function clampToScale(value: number): number {
  return Math.min(SCALE_MAX, Math.max(SCALE_MIN, value));
}

/**
 * 95 % t interval on the mean (mean ± t·s/√n with the sample variance), clamped to the 1..4 scale.
 * With fewer than two ratings nothing is known about the spread, so the interval is the full scale.
 */
export function meanInterval95(sums: ScoreSums): Interval {
  if (sums.n < 2) return { ...FULL_RANGE };
  const mean = sums.sum / sums.n;
  // Σx² − (Σx)²/n can dip a hair below zero by cancellation when all ratings are equal.
  const variance = Math.max(0, (sums.sumOfSquares - (sums.sum * sums.sum) / sums.n) / (sums.n - 1));
  const halfWidth = tQuantile975(sums.n - 1) * Math.sqrt(variance / sums.n);
  return { lower: clampToScale(mean - halfWidth), upper: clampToScale(mean + halfWidth) };
}

// ---------------------------------------------------------------------------------------------------------
// Score and ranking

export interface OfficerScoreOptions {
  /** Mean of the unit's ratings (1..4), e.g. from `pooledMean`. */
  unitMean: number;
  /** k in (n·mean + k·unitMean)/(n + k); default 10. */
  priorStrength?: number;
  /** Officers with fewer ratings are "insufficient"; default 10, at least 1. */
  minimumRatings?: number;
}

export interface InsufficientOfficer {
  kind: "insufficient";
  officerId: string;
  n: number;
  minimum: number;
}

export interface ScoredOfficer {
  kind: "scored";
  officerId: string;
  n: number;
  /** Plain mean of the contributions, 1..4. */
  rawMean: number;
  /** 95 % interval on the raw mean, within 1..4. */
  interval: Interval;
  /** Empirical-Bayes score pulled towards the unit mean; this is what ranks. */
  shrunk: number;
  unitMean: number;
  priorStrength: number;
}

export type OfficerScore = InsufficientOfficer | ScoredOfficer;

function assertValidSums(sums: OfficerSums): void {
  const { n, sum, sumOfSquares, officerId } = sums;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${officerId}: n must be a non-negative integer`);
  if (!(sum >= SCALE_MIN * n && sum <= SCALE_MAX * n)) {
    throw new RangeError(`${officerId}: sum ${sum} is impossible for ${n} ratings on the 1..4 scale`);
  }
  if (!(sumOfSquares >= n && sumOfSquares <= SCALE_MAX * SCALE_MAX * n)) {
    throw new RangeError(`${officerId}: sum of squares ${sumOfSquares} is impossible for ${n} ratings`);
  }
}

/**
 * Scores one officer from rollup sums.
 *
 * Decision: the shrunk score is (n·mean + k·unitMean)/(n + k) with a fixed, configurable k (default 10),
 * i.e. the unit mean counts as ten extra ratings. A fixed k is easy to explain to an officer and to the
 * supervisor, and it does not change when colleagues receive ratings, unlike a k estimated from the
 * within/between variance. It is the conjugate-normal posterior mean when the between-officer variance is
 * a tenth of the rating variance.
 */
export function scoreOfficer(sums: OfficerSums, options: OfficerScoreOptions): OfficerScore {
  assertValidSums(sums);
  const { unitMean, priorStrength = DEFAULT_PRIOR_STRENGTH, minimumRatings = DEFAULT_MINIMUM_RATINGS } = options;
  if (!(unitMean >= SCALE_MIN && unitMean <= SCALE_MAX)) {
    throw new RangeError(`The unit mean must be within 1..4, got ${unitMean}`);
  }
  if (!(Number.isFinite(priorStrength) && priorStrength >= 0)) {
    throw new RangeError(`The prior strength must be a non-negative number, got ${priorStrength}`);
  }
  if (!Number.isSafeInteger(minimumRatings) || minimumRatings < 1) {
    throw new RangeError(`The minimum number of ratings must be a positive integer, got ${minimumRatings}`);
  }

  const { officerId, n } = sums;
  if (n < minimumRatings) return { kind: "insufficient", officerId, n, minimum: minimumRatings };

  const rawMean = sums.sum / n;
  const weighted = (sums.sum + priorStrength * unitMean) / (n + priorStrength);
  // Keep the score between the raw mean and the unit mean even where rounding would overshoot by an ulp.
  const shrunk = Math.min(Math.max(weighted, Math.min(rawMean, unitMean)), Math.max(rawMean, unitMean));
  return {
    kind: "scored",
    officerId,
    n,
    rawMean,
    interval: meanInterval95(sums),
    shrunk,
    unitMean,
    priorStrength,
  };
}

export interface RankedOfficer extends ScoredOfficer {
  /** 1 is the best shrunk score. */
  rank: number;
}

export interface OfficerRanking {
  ranked: RankedOfficer[];
  /** Officers with too few ratings: listed apart, never first or last of a ranking. */
  unranked: InsufficientOfficer[];
}

/** Ranks scored officers by shrunk score (ties: more ratings first, then officer id); others stay unranked. */
export function rankOfficers(scores: readonly OfficerScore[]): OfficerRanking {
  const scored = scores.filter((score): score is ScoredOfficer => score.kind === "scored");
  const unranked = scores.filter((score): score is InsufficientOfficer => score.kind === "insufficient");
  const ranked = [...scored]
    .sort((a, b) => b.shrunk - a.shrunk || b.n - a.n || compareIds(a.officerId, b.officerId))
    .map((score, index) => ({ ...score, rank: index + 1 }));
  return {
    ranked,
    unranked: [...unranked].sort((a, b) => b.n - a.n || compareIds(a.officerId, b.officerId)),
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
