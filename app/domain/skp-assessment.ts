// What the evidence suggests for the two ratings, and when the supervisor must justify a departure from it.
// Evidence informs the supervisor; it never sets the rating by itself (DOMAIN.md §2, decision).
//
// Every comparison that decides a suggestion is exact (BigInt fractions, as the IKM code): numbers are read as
// the decimals they print as, so targets 5 and 5 with realisations 2 and 7 give a mean share of exactly 9/10,
// which meets expectations. Binary floating point appears only in the `number` fields meant for display.

import { ratingPoints } from "./berakhlak";
import {
  addRational,
  compareRational,
  divideRational,
  multiplyRational,
  rational,
  rationalFromDecimalNumber,
  rationalToNumber,
  ZERO,
  type Rational,
} from "./indicators/ikm";
import { predikatFor, type Predikat, type Rating } from "./predikat";
import type { PortalIndicator } from "./skp";

/** Realisation / target at or above this share suggests "di atas ekspektasi" (110 %). */
export const ABOVE_EXPECTATION_SHARE = 1.1;
/** Below this share the work results suggest "di bawah ekspektasi" (90 %). */
export const BELOW_EXPECTATION_SHARE = 0.9;
/** One result over-achieved cannot hide another one missed: each share counts up to this cap (150 %). */
export const SHARE_CAP = 1.5;
/** A justification, where required, must say something: at least this many characters. */
export const MIN_JUSTIFICATION_LENGTH = 20;

const ABOVE_SHARE = rational(11n, 10n);
const BELOW_SHARE = rational(9n, 10n);
const CAP = rational(3n, 2n);
// Mean rating points (di bawah 1, sesuai 2, di atas 3) read as the nearest rating.
const ABOVE_POINTS = rational(5n, 2n);
const BELOW_POINTS = rational(3n, 2n);

/**
 * Score indicators are citizens' scores on a fixed scale, not counts: dividing a 1–4 score by its target
 * (3.07 / 3 = 102 %) says nothing a share of work done says. A score result is rated on its own scale:
 * below the target di bawah, at or above it sesuai, and at least a tenth of the scale's span above it di atas.
 */
export const SCORE_SCALES: Partial<Record<PortalIndicator, { min: number; max: number }>> = {
  officer_service_score: { min: 1, max: 4 },
  unit_ikm: { min: 25, max: 100 },
};
/** A score this share of its scale's span above the target suggests "di atas ekspektasi". */
export const SCORE_ABOVE_SPAN_SHARE = 0.1;

export function isScoreIndicator(indicator: PortalIndicator | null): boolean {
  return indicator !== null && SCORE_SCALES[indicator] !== undefined;
}

export interface ResultProgress {
  target: number;
  /** null when unknown (a portal indicator that has no value yet). */
  realisation: number | null;
  /** The portal indicator the realisation comes from; a score indicator is compared as a score. */
  portalIndicator?: PortalIndicator | null;
}

export type Suggestion =
  | {
      kind: "suggested";
      rating: Rating;
      /** For display: the mean share of the quantity results, or the mean points when only scores count. */
      basis: number;
      count: number;
      /** What `basis` is (absent in packs frozen before score indicators were rated on their own). */
      basisKind?: "share" | "points";
      /** The exact mean share of the quantity results ("9/10"), when there are any. */
      shareExact?: string;
      quantityCount?: number;
      /** The rating of each score indicator, in the plan's order. */
      scores?: Rating[];
    }
  | { kind: "none" };

function decimal(value: number): Rational {
  const exact = rationalFromDecimalNumber(value);
  if (!exact) throw new RangeError(`${value} is not a finite number`);
  return exact;
}

/** The exact sum of decimals as people typed them (0.1 + 0.2 is 0.3), as the number that prints so. */
export function sumDecimals(values: readonly number[]): number {
  return rationalToNumber(values.reduce<Rational>((total, value) => addRational(total, decimal(value)), ZERO));
}

/** realisation / target exactly, uncapped; null when unknown or the target is not above zero. */
export function exactShare(result: ResultProgress): Rational | null {
  if (result.realisation === null || !(result.target > 0)) return null;
  return divideRational(decimal(result.realisation), decimal(result.target));
}

function ratingOfShare(share: Rational): Rating {
  if (compareRational(share, ABOVE_SHARE) >= 0) return "di_atas";
  if (compareRational(share, BELOW_SHARE) >= 0) return "sesuai";
  return "di_bawah";
}

function ratingOfPoints(points: Rational): Rating {
  if (compareRational(points, ABOVE_POINTS) >= 0) return "di_atas";
  if (compareRational(points, BELOW_POINTS) >= 0) return "sesuai";
  return "di_bawah";
}

/** A score indicator's own rule: below the target di bawah; ≥ target + a tenth of the span di atas. */
export function rateScore(indicator: PortalIndicator, target: number, score: number): Rating {
  const scale = SCORE_SCALES[indicator];
  if (!scale) throw new RangeError(`${indicator} is not a score indicator`);
  const span = addRational(decimal(scale.max), multiplyRational(decimal(scale.min), rational(-1n)));
  const above = addRational(decimal(target), multiplyRational(span, decimal(SCORE_ABOVE_SPAN_SHARE)));
  const value = decimal(score);
  if (compareRational(value, above) >= 0) return "di_atas";
  if (compareRational(value, decimal(target)) >= 0) return "sesuai";
  return "di_bawah";
}

/**
 * Hasil kerja. Quantity results (and shares such as complaints followed up on time): the mean of
 * realisation/target over the results with a target above zero and a known realisation, each capped at 150 %;
 * ≥ 110 % di atas, ≥ 90 % sesuai, below di bawah. Score results are rated on their own scale (rateScore).
 * With both kinds, the quantity rating counts once per quantity result and each score rating once, and the
 * mean points are read as the nearest rating (≥ 2.5 di atas, ≥ 1.5 sesuai).
 */
export function suggestHasilKerja(results: readonly ResultProgress[]): Suggestion {
  const known = results.filter((result) => result.target > 0 && result.realisation !== null);
  const scores: Rating[] = [];
  const shares: Rational[] = [];
  for (const result of known) {
    const indicator = result.portalIndicator ?? null;
    if (indicator !== null && isScoreIndicator(indicator)) {
      scores.push(rateScore(indicator, result.target, result.realisation as number));
    } else {
      const share = exactShare(result) as Rational;
      shares.push(compareRational(share, CAP) > 0 ? CAP : share);
    }
  }
  const count = shares.length + scores.length;
  if (count === 0) return { kind: "none" };
  if (shares.length > 0) {
    const mean = divideRational(
      shares.reduce((total, share) => addRational(total, share), ZERO),
      rational(shares.length),
    );
    const quantityRating = ratingOfShare(mean);
    const points = [...shares.map(() => quantityRating), ...scores].map((rating) => ratingPoints(rating));
    const rating = scores.length === 0 ? quantityRating : ratingOfPoints(meanOf(points));
    return {
      kind: "suggested",
      rating,
      basis: rationalToNumber(mean),
      basisKind: "share",
      shareExact: `${mean.num}/${mean.den}`,
      quantityCount: shares.length,
      scores,
      count,
    };
  }
  const mean = meanOf(scores.map((rating) => ratingPoints(rating)));
  return {
    kind: "suggested",
    rating: ratingOfPoints(mean),
    basis: rationalToNumber(mean),
    basisKind: "points",
    quantityCount: 0,
    scores,
    count,
  };
}

function meanOf(points: readonly number[]): Rational {
  return rational(
    points.reduce((total, value) => total + value, 0),
    points.length,
  );
}

/**
 * Perilaku: the mean of every 360 rating (self, peers, supervisor, all seven values) on points 1–3,
 * read as the nearest rating (≥ 2.5 di atas, ≥ 1.5 sesuai), compared exactly.
 */
export function suggestPerilaku(reviewRatings: readonly Rating[]): Suggestion {
  if (reviewRatings.length === 0) return { kind: "none" };
  const mean = meanOf(reviewRatings.map((rating) => ratingPoints(rating)));
  return { kind: "suggested", rating: ratingOfPoints(mean), basis: rationalToNumber(mean), count: reviewRatings.length };
}

/** A justification is required when the rating departs from the suggestion, or when nothing is suggested. */
export function justificationRequired(rating: Rating, suggestion: Suggestion): boolean {
  return suggestion.kind === "none" || suggestion.rating !== rating;
}

export interface AssessmentInput {
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  justificationHasilKerja: string;
  justificationPerilaku: string;
}

export type AssessmentCheck =
  | { ok: true; predikat: Predikat }
  | {
      ok: false;
      errors: Partial<Record<"justificationHasilKerja" | "justificationPerilaku", "justificationRequired">>;
    };

/** Checks the justifications against the suggestions; on success gives the predikat of the matrix. */
export function checkAssessment(
  input: AssessmentInput,
  suggestions: { hasilKerja: Suggestion; perilaku: Suggestion },
): AssessmentCheck {
  const errors: Partial<Record<"justificationHasilKerja" | "justificationPerilaku", "justificationRequired">> = {};
  if (
    justificationRequired(input.ratingHasilKerja, suggestions.hasilKerja) &&
    input.justificationHasilKerja.trim().length < MIN_JUSTIFICATION_LENGTH
  ) {
    errors.justificationHasilKerja = "justificationRequired";
  }
  if (
    justificationRequired(input.ratingPerilaku, suggestions.perilaku) &&
    input.justificationPerilaku.trim().length < MIN_JUSTIFICATION_LENGTH
  ) {
    errors.justificationPerilaku = "justificationRequired";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, predikat: predikatFor(input.ratingHasilKerja, input.ratingPerilaku) };
}
