// Minimum SKM sample by Krejcie & Morgan (1970), the method PermenPANRB 14/2017 refers to.
//
//   S = X²·N·P(1−P) / (d²·(N−1) + X²·P(1−P)),  X² = 3.841, P = 0.5, d = 0.05
//
// With these constants the formula reduces to S = 3841·N / (10·N + 3831) (multiply through by 4000), which is
// evaluated with integers and rounded half-up, so no tabulated value can drift by floating point.

/** Below this population every user is asked (census). */
export const CENSUS_BELOW_POPULATION = 10;

const CHI_SQUARE_THOUSANDTHS = 3841n; // X² = 3.841 (one degree of freedom, 95 %)

/**
 * Krejcie–Morgan minimum sample for a population of `population` service users in the period.
 * Decision (DOMAIN.md §1.4): computed by the formula for any N, never looked up from the nearest smaller
 * table row (which understates S). N < 10 → census (S = N); N ≤ 0 → 0. A non-integer N throws.
 */
export function requiredSampleSize(population: number): number {
  if (!Number.isSafeInteger(population)) {
    throw new RangeError(`The population must be a whole number, got ${population}`);
  }
  if (population <= 0) return 0;
  if (population < CENSUS_BELOW_POPULATION) return population;
  const n = BigInt(population);
  // X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)) × 4000/4000 with P(1−P) = 1/4, d² = 1/400, X² = 3841/1000.
  const numerator = CHI_SQUARE_THOUSANDTHS * n;
  const denominator = 10n * (n - 1n) + CHI_SQUARE_THOUSANDTHS;
  return Number((2n * numerator + denominator) / (2n * denominator));
}

export interface SampleSufficiency {
  required: number;
  /** The period's IKM is "sufficient" when responses ≥ the required sample (DOMAIN.md §1.4). */
  sufficient: boolean;
  /** How many more responses are needed; 0 when sufficient. Shown, never used to hide a score. */
  shortfall: number;
}

export function sampleSufficiency(responses: number, population: number): SampleSufficiency {
  if (!Number.isSafeInteger(responses) || responses < 0) {
    throw new RangeError(`Responses must be a non-negative whole number, got ${responses}`);
  }
  const required = requiredSampleSize(population);
  const shortfall = Math.max(0, required - responses);
  return { required, sufficient: shortfall === 0, shortfall };
}
