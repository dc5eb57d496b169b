// BerAKHLAK: the seven core values of the ASN (work behaviour, perilaku kerja, PermenPANRB 6/2022).
// Reviews rate each value against the supervisor's expectation with the same three ratings as the assessment.

import type { Rating } from "./predikat";

export const BERAKHLAK_VALUES = [
  "berorientasi_pelayanan",
  "akuntabel",
  "kompeten",
  "harmonis",
  "loyal",
  "adaptif",
  "kolaboratif",
] as const;
export type BerakhlakValue = (typeof BERAKHLAK_VALUES)[number];

export const RATINGS = ["di_atas", "sesuai", "di_bawah"] as const satisfies readonly Rating[];

export function isBerakhlakValue(value: string): value is BerakhlakValue {
  return (BERAKHLAK_VALUES as readonly string[]).includes(value);
}

export function isRating(value: string): value is Rating {
  return (RATINGS as readonly string[]).includes(value);
}

/** Points used to average ratings: di bawah 1, sesuai 2, di atas 3. */
export function ratingPoints(rating: Rating): 1 | 2 | 3 {
  return rating === "di_atas" ? 3 : rating === "sesuai" ? 2 : 1;
}

/** Mean of the points, or null with no ratings. */
export function averagePoints(ratings: readonly Rating[]): number | null {
  if (ratings.length === 0) return null;
  return ratings.reduce((total, rating) => total + ratingPoints(rating), 0) / ratings.length;
}

/** The rating an average of points stands for: ≥ 2.5 di atas, ≥ 1.5 sesuai, else di bawah (nearest rating). */
export function ratingOfAverage(average: number): Rating {
  if (average >= 2.5) return "di_atas";
  if (average >= 1.5) return "sesuai";
  return "di_bawah";
}
