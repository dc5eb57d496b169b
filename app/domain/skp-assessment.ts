// What the evidence suggests for the two ratings, and when the supervisor must justify a departure from it.
// Evidence informs the supervisor; it never sets the rating by itself (DOMAIN.md §2, decision).

import { averagePoints, ratingOfAverage } from "./berakhlak";
import { predikatFor, type Predikat, type Rating } from "./predikat";

/** Realisation / target at or above this share suggests "di atas ekspektasi". */
export const ABOVE_EXPECTATION_SHARE = 1.1;
/** Below this share the work results suggest "di bawah ekspektasi". */
export const BELOW_EXPECTATION_SHARE = 0.9;
/** One result over-achieved cannot hide another one missed: each share counts up to this cap. */
export const SHARE_CAP = 1.5;
/** A justification, where required, must say something: at least this many characters. */
export const MIN_JUSTIFICATION_LENGTH = 20;

export interface ResultProgress {
  target: number;
  /** null when unknown (a portal indicator that has no value yet). */
  realisation: number | null;
}

export type Suggestion = { kind: "suggested"; rating: Rating; basis: number; count: number } | { kind: "none" };

/**
 * Hasil kerja: the mean of realisation/target over the results that have a target above zero and a known
 * realisation, each share capped at 150 %. ≥ 110 % di atas, ≥ 90 % sesuai, below di bawah.
 */
export function suggestHasilKerja(results: readonly ResultProgress[]): Suggestion {
  const shares = results
    .filter((result) => result.target > 0 && result.realisation !== null)
    .map((result) => Math.min(SHARE_CAP, (result.realisation as number) / result.target));
  if (shares.length === 0) return { kind: "none" };
  const basis = shares.reduce((total, share) => total + share, 0) / shares.length;
  const rating: Rating =
    basis >= ABOVE_EXPECTATION_SHARE ? "di_atas" : basis >= BELOW_EXPECTATION_SHARE ? "sesuai" : "di_bawah";
  return { kind: "suggested", rating, basis, count: shares.length };
}

/**
 * Perilaku: the mean of every 360 rating (self, peers, supervisor, all seven values) on points 1–3,
 * read as the nearest rating (≥ 2.5 di atas, ≥ 1.5 sesuai).
 */
export function suggestPerilaku(reviewRatings: readonly Rating[]): Suggestion {
  const basis = averagePoints(reviewRatings);
  if (basis === null) return { kind: "none" };
  return { kind: "suggested", rating: ratingOfAverage(basis), basis, count: reviewRatings.length };
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
