// Comparison with the previous period and the monthly IKM trend. The next period's SKM report must state the
// follow-up of the previous one (PermenPANRB 14/2017), so the report shows how the score moved.

import { ELEMENT_CODES, type ElementCode, mapElements } from "./elements";
import { computeIkm, type ElementTallies, type ElementTally, type IkmWeights } from "./ikm";

export type Direction = "up" | "down" | "steady";

export type PeriodComparison =
  | { kind: "not_comparable"; reason: "no_current" | "no_previous" }
  | { kind: "compared"; current: number; previous: number; difference: number; direction: Direction };

/** Differences up to one display hundredth of the IKM unit value count as steady. */
export const DEFAULT_STEADY_TOLERANCE = 0.01;

/**
 * current − previous and its direction; |difference| ≤ tolerance (inclusive) is "steady". The comparison
 * allows a few ulps of slack so that, say, 88.33 vs 88.32 with tolerance 0.01 is steady even though the
 * binary difference is 0.010000000000005116.
 */
export function compareWithPrevious(
  current: number | null,
  previous: number | null,
  tolerance: number = DEFAULT_STEADY_TOLERANCE,
): PeriodComparison {
  if (!(Number.isFinite(tolerance) && tolerance >= 0)) {
    throw new RangeError(`The tolerance must be a non-negative number, got ${tolerance}`);
  }
  if (current === null) return { kind: "not_comparable", reason: "no_current" };
  if (previous === null) return { kind: "not_comparable", reason: "no_previous" };
  const difference = current - previous;
  const slack = 4 * Number.EPSILON * Math.max(1, Math.abs(current), Math.abs(previous));
  const direction: Direction =
    Math.abs(difference) <= tolerance + slack ? "steady" : difference > 0 ? "up" : "down";
  return { kind: "compared", current, previous, difference, direction };
}

// ---------------------------------------------------------------------------------------------------------
// Monthly trend

export interface MonthlyTallies {
  /** "YYYY-MM" */
  month: string;
  sums: ElementTallies;
  /** Respondents that month; when absent, the largest element count is used (a lower bound). */
  respondents?: number;
}

export interface TrendPoint {
  month: string;
  /** IKM unit value (25..100), full precision; null for a month without answers. */
  ikmUnit: number | null;
  respondents: number;
}

export interface MonthRange {
  from: string;
  to: string;
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthIndex(month: string): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Expected a month as YYYY-MM, got "${month}"`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** Every month from `from` to `to` inclusive, as "YYYY-MM". */
export function monthsInRange(range: MonthRange): string[] {
  const first = monthIndex(range.from);
  const last = monthIndex(range.to);
  if (first > last) throw new RangeError(`The range ${range.from}..${range.to} runs backwards`);
  return Array.from({ length: last - first + 1 }, (_, offset) => monthLabel(first + offset));
}

function largestCount(sums: ElementTallies): number {
  return Math.max(0, ...ELEMENT_CODES.map((code) => sums[code].count));
}

/**
 * One point per month of the range, in order. Several entries for the same month (e.g. one per service) are
 * pooled by adding their sums; months without data get `ikmUnit: null` and 0 respondents; entries outside the
 * range are ignored.
 */
export function buildMonthlyTrend(
  monthly: readonly MonthlyTallies[],
  range: MonthRange,
  weights: IkmWeights,
): TrendPoint[] {
  const months = monthsInRange(range);
  const pooled = new Map<string, { sums: Record<ElementCode, ElementTally>; respondents: number }>();
  for (const entry of monthly) {
    const month = monthLabel(monthIndex(entry.month));
    const previous = pooled.get(month);
    pooled.set(month, {
      sums: mapElements((code) => ({
        sum: (previous?.sums[code].sum ?? 0) + entry.sums[code].sum,
        count: (previous?.sums[code].count ?? 0) + entry.sums[code].count,
      })),
      respondents: (previous?.respondents ?? 0) + (entry.respondents ?? largestCount(entry.sums)),
    });
  }

  return months.map((month) => {
    const data = pooled.get(month);
    if (!data) return { month, ikmUnit: null, respondents: 0 };
    const outcome = computeIkm(data.sums, weights);
    return {
      month,
      ikmUnit: outcome.kind === "computed" ? outcome.ikmUnit : null,
      respondents: data.respondents,
    };
  });
}
