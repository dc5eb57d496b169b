// What the public and open data may see of a unit's or a service's results (DOMAIN.md §1.6): an IKM is
// published only when it rests on at least the agency's minimum of full surveys; below it only the count is
// shown. Above it the figure comes with its mutu, the respondents, the Krejcie–Morgan sample required for the
// period's population and whether the sample is sufficient. Quick ratings are their own figure: the share of
// satisfied ratings with a Wilson interval.

import { ELEMENT_CODES, type ElementCode } from "./elements";
import type { ElementTally, IkmOutcome, KinerjaKey, Mutu } from "./ikm";
import { periodContaining, type Period } from "./period";
import { calendarDaysBetween } from "../working-days";
import { requiredSampleSize } from "./sample-size";

/** The agency's minimum of full surveys before publishing, when it has not set one. */
export const DEFAULT_PUBLIC_MIN_SURVEYS = 30;

/** A quick rating of 3 ("puas") or 4 ("sangat puas") on the four faces counts as satisfied. */
export const SATISFIED_QUICK_SCORE = 3;

/** z for a two-sided 95 % interval. */
const Z_95 = 1.959963984540054;

// ---------------------------------------------------------------------------------------------------------
// Period codes

export type PeriodCodeResult = { ok: true; code: string; period: Period } | { ok: false; reason: "malformed" | "outOfRange" };

const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2100;

/**
 * Reads a public period code: "2026-Q3" (a quarter), "2026-09" (a month) or "2026" (a year). Anything else, a
 * month 13 or a quarter 5, is refused, never guessed.
 */
export function parsePeriodCode(input: string): PeriodCodeResult {
  const text = input.trim().toUpperCase();
  const match = /^(\d{4})(?:-(?:Q([1-4])|(\d{2})))?$/.exec(text);
  if (!match) return { ok: false, reason: "malformed" };
  const year = Number(match[1]);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return { ok: false, reason: "outOfRange" };
  if (match[2]) {
    const quarter = Number(match[2]);
    const firstMonth = String((quarter - 1) * 3 + 1).padStart(2, "0");
    return { ok: true, code: `${year}-Q${quarter}`, period: periodContaining("quarter", `${year}-${firstMonth}-01`) };
  }
  if (match[3]) {
    const month = Number(match[3]);
    if (month < 1 || month > 12) return { ok: false, reason: "malformed" };
    return { ok: true, code: `${year}-${match[3]}`, period: periodContaining("month", `${year}-${match[3]}-01`) };
  }
  return { ok: true, code: `${year}`, period: periodContaining("year", `${year}-01-01`) };
}

/** The public code of a month, quarter or year ("2026-Q3"); a custom range has none. */
export function periodCode(period: Period): string | null {
  const [year, month] = period.from.split("-");
  if (period.kind === "year") return `${year}`;
  if (period.kind === "month") return `${year}-${month}`;
  if (period.kind === "quarter") return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Population and sample

/** Days in the calendar year of a day ("YYYY-MM-DD"). */
function daysInYear(day: string): number {
  const year = Number(day.slice(0, 4));
  return calendarDaysBetween(`${year}-01-01`, `${year}-12-31`) + 1;
}

/**
 * The service users expected in the period: the stored yearly figure scaled to the period's length, rounded to
 * the nearest user. Null when no yearly figure is stored.
 */
export function periodPopulation(usersPerYear: number | null, period: Pick<Period, "from" | "to">): number | null {
  if (usersPerYear === null || !Number.isFinite(usersPerYear) || usersPerYear < 0) return null;
  const days = calendarDaysBetween(period.from, period.to) + 1;
  return Math.round((usersPerYear * days) / daysInYear(period.from));
}

/**
 * A unit's population is the sum of its services' (each scaled); services without a stored figure are left out,
 * and with none stored at all the population is unknown (null).
 */
export function unitPopulation(usersPerYear: readonly (number | null)[], period: Pick<Period, "from" | "to">): number | null {
  const known = usersPerYear.map((users) => periodPopulation(users, period)).filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
}

// ---------------------------------------------------------------------------------------------------------
// The published IKM

export interface PublishedElement {
  code: ElementCode;
  /** Nilai rata-rata (1..4); null when withheld or nobody answered. */
  nrr: number | null;
  /** How many respondents answered this element. */
  answers: number;
}

export interface PublicationInput {
  fullSurveys: number;
  /** The agency's `public_min_surveys`; null or undefined → the default of 30. */
  minimum?: number | null;
  ikm: IkmOutcome;
  tallies: Readonly<Record<ElementCode, ElementTally>>;
  /** Service users expected in the period (Krejcie–Morgan's N); null when not stored. */
  population: number | null;
}

export type PublishedIkm =
  | {
      kind: "published";
      suppressed: false;
      respondents: number;
      minimum: number;
      ikm: number;
      mutu: Mutu;
      kinerja: KinerjaKey;
      lowest: ElementCode;
      elements: PublishedElement[];
      population: number | null;
      /** Krejcie–Morgan sample for the population; null when the population is unknown. */
      sampleRequired: number | null;
      /** Respondents ≥ the required sample; null when it cannot be said (unknown population). */
      sufficient: boolean | null;
      shortfall: number | null;
    }
  | {
      kind: "suppressed";
      suppressed: true;
      respondents: number;
      minimum: number;
      /** How many more full surveys the figure needs before it is shown. */
      missing: number;
      elements: PublishedElement[];
      population: number | null;
      sampleRequired: number | null;
    };

export function minimumOrDefault(minimum: number | null | undefined): number {
  return minimum !== null && minimum !== undefined && Number.isSafeInteger(minimum) && minimum > 0 ? minimum : DEFAULT_PUBLIC_MIN_SURVEYS;
}

/** Applies the publication rule: the figure only from `minimum` full surveys up, never a partial figure below it. */
export function publishIkm(input: PublicationInput): PublishedIkm {
  const minimum = minimumOrDefault(input.minimum);
  const sampleRequired = input.population === null ? null : requiredSampleSize(input.population);
  const answers = (code: ElementCode) => input.tallies[code].count;
  if (input.fullSurveys < minimum || input.ikm.kind !== "computed") {
    return {
      kind: "suppressed",
      suppressed: true,
      respondents: input.fullSurveys,
      minimum,
      missing: Math.max(0, minimum - input.fullSurveys),
      elements: ELEMENT_CODES.map((code) => ({ code, nrr: null, answers: answers(code) })),
      population: input.population,
      sampleRequired,
    };
  }
  const { ikm } = input;
  return {
    kind: "published",
    suppressed: false,
    respondents: input.fullSurveys,
    minimum,
    ikm: ikm.ikmUnitRounded,
    mutu: ikm.mutu,
    kinerja: ikm.kinerja,
    lowest: ikm.lowest,
    elements: ELEMENT_CODES.map((code) => ({ code, nrr: ikm.nrr[code] === null ? null : Math.round(ikm.nrr[code]! * 1000) / 1000, answers: answers(code) })),
    population: input.population,
    sampleRequired,
    sufficient: sampleRequired === null ? null : input.fullSurveys >= sampleRequired,
    shortfall: sampleRequired === null ? null : Math.max(0, sampleRequired - input.fullSurveys),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Quick ratings

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for a proportion (95 % by default); null with no observations. */
export function wilsonInterval(successes: number, total: number, z: number = Z_95): Interval | null {
  if (!Number.isSafeInteger(total) || total < 0 || !Number.isSafeInteger(successes) || successes < 0 || successes > total) {
    throw new RangeError(`Impossible proportion ${successes}/${total}`);
  }
  if (total === 0) return null;
  const p = successes / total;
  const z2 = z * z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (z / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface QuickFigure {
  ratings: number;
  /** Share (0..1) of quick ratings that were satisfied; null below the minimum. */
  satisfiedShare: number | null;
  interval: Interval | null;
  suppressed: boolean;
}

/** Quick ratings as their own figure, under the same minimum as the IKM. */
export function quickFigure(ratings: number, satisfied: number, minimum?: number | null): QuickFigure {
  const interval = wilsonInterval(satisfied, ratings);
  if (ratings < minimumOrDefault(minimum) || interval === null) return { ratings, satisfiedShare: null, interval: null, suppressed: true };
  return { ratings, satisfiedShare: satisfied / ratings, interval, suppressed: false };
}

// ---------------------------------------------------------------------------------------------------------
// Excluded ratings

/** Ratings staff took out, as a share (0..1) of all received in the period; null when none were received. */
export function excludedShare(excluded: number, received: number): number | null {
  if (!Number.isSafeInteger(excluded) || !Number.isSafeInteger(received) || excluded < 0 || excluded > received) {
    throw new RangeError(`Impossible share ${excluded}/${received}`);
  }
  return received === 0 ? null : excluded / received;
}
