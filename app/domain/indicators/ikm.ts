// Indeks Kepuasan Masyarakat (IKM): the unit's satisfaction index from the SKM answers. PermenPANRB 14/2017.
//
// Everything that decides a category is computed exactly with BigInt fractions: NRR_i = sum_i / count_i,
// IKM = Σ w_i · NRR_i, and the converted value IKM × 25 is rounded half-up to hundredths before it is
// classified. Binary floating point only appears in the `number` fields meant for display and charts, so
// no unit is ever moved across a category boundary by rounding error (e.g. exactly 88.305 is A).

import { ELEMENT_CODES, type ElementCode, isElementCode, mapElements } from "./elements";

// ---------------------------------------------------------------------------------------------------------
// Exact fractions

/** An exact fraction, always reduced, with a positive denominator. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function bigAbs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = bigAbs(a);
  let y = bigAbs(b);
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  const n = toBigIntStrict(num, "numerator");
  const d = toBigIntStrict(den, "denominator");
  if (d === 0n) throw new RangeError("A fraction cannot have a zero denominator");
  const divisor = gcd(n, d);
  const sign = d < 0n ? -1n : 1n;
  return { num: (sign * n) / divisor, den: (sign * d) / divisor };
}

function toBigIntStrict(value: bigint | number, what: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`The ${what} ${value} is not a safe integer`);
  return BigInt(value);
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

export function addRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function multiplyRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function divideRational(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError("Division by zero");
  return rational(a.num * b.den, a.den * b.num);
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareRational(a: Rational, b: Rational): number {
  const difference = a.num * b.den - b.num * a.den;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/** The nearest JS number (within one unit in the last place) to an exact fraction. */
export function rationalToNumber(value: Rational): number {
  const { num, den } = value;
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  // Both parts exact as doubles: a single IEEE division is correctly rounded.
  if (bigAbs(num) <= limit && den <= limit) return Number(num) / Number(den);
  const magnitude = bigAbs(num);
  // Otherwise keep at least 64 significant bits in an integer quotient, then scale by a power of two.
  let shift = Math.max(0, 64 - (bitLength(magnitude) - bitLength(den)));
  let result = Number((magnitude << BigInt(shift)) / den);
  while (shift > 0) {
    const step = Math.min(shift, 1000);
    result /= 2 ** step;
    shift -= step;
  }
  return num < 0n ? -result : result;
}

/**
 * A number read as the decimal it prints as (its shortest round-trip form), so 0.1 means exactly 1/10 and
 * weights such as 0.1 + 0.2 + 0.7 sum to exactly 1, as the administrator who typed them intended.
 */
export function rationalFromDecimalNumber(value: number): Rational | null {
  if (!Number.isFinite(value)) return null;
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return null;
  const [, sign = "", whole = "0", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText) - fraction.length;
  const digits = BigInt(sign + whole + fraction);
  return exponent >= 0 ? rational(digits * 10n ** BigInt(exponent)) : rational(digits, 10n ** BigInt(-exponent));
}

// ---------------------------------------------------------------------------------------------------------
// Weights

/** Weight of one element as an exact fraction or a decimal number. */
export type WeightValue = number | { readonly num: number | bigint; readonly den: number | bigint };

export type WeightsInput = Readonly<Record<ElementCode, WeightValue>>;

declare const validatedWeights: unique symbol;

/** Weights checked by `parseWeights`: exact, non-negative, one per element, summing to exactly 1. */
export type IkmWeights = Readonly<Record<ElementCode, Rational>> & { readonly [validatedWeights]: true };

export type WeightsProblem =
  | { ok: false; reason: "missing_element"; element: ElementCode }
  | { ok: false; reason: "unknown_element"; element: string }
  | { ok: false; reason: "not_a_number"; element: ElementCode }
  | { ok: false; reason: "negative"; element: ElementCode }
  | { ok: false; reason: "sum_not_one"; sum: Rational };

export type WeightsResult = { ok: true; weights: IkmWeights } | WeightsProblem;

function weightToRational(value: unknown): Rational | null {
  if (typeof value === "number") return rationalFromDecimalNumber(value);
  if (typeof value !== "object" || value === null) return null;
  const { num, den } = value as { num?: unknown; den?: unknown };
  const isInteger = (part: unknown): part is number | bigint =>
    typeof part === "bigint" || (typeof part === "number" && Number.isSafeInteger(part));
  if (!isInteger(num) || !isInteger(den) || BigInt(den) === 0n) return null;
  return rational(num, den);
}

/**
 * Validates custom weights. A unit may re-weight the elements as long as the weights sum to 1
 * (PermenPANRB 14/2017); the sum is checked exactly, so 0.111 × 9 = 0.999 is rejected.
 */
export function parseWeights(input: WeightsInput): WeightsResult {
  for (const key of Object.keys(input)) {
    if (!isElementCode(key)) return { ok: false, reason: "unknown_element", element: key };
  }
  const parsed: Partial<Record<ElementCode, Rational>> = {};
  let sum = ZERO;
  for (const code of ELEMENT_CODES) {
    if (!Object.hasOwn(input, code)) return { ok: false, reason: "missing_element", element: code };
    const weight = weightToRational(input[code]);
    if (weight === null) return { ok: false, reason: "not_a_number", element: code };
    if (weight.num < 0n) return { ok: false, reason: "negative", element: code };
    parsed[code] = weight;
    sum = addRational(sum, weight);
  }
  if (compareRational(sum, ONE) !== 0) return { ok: false, reason: "sum_not_one", sum };
  return { ok: true, weights: parsed as IkmWeights };
}

/** The regulation's default: exactly 1/9 per element (printed as "0,111" only as a label). */
export const EQUAL_WEIGHTS: IkmWeights = mapElements(() => rational(1n, 9n)) as IkmWeights;

// ---------------------------------------------------------------------------------------------------------
// Classification

/** Mutu pelayanan (service quality category). */
export type Mutu = "A" | "B" | "C" | "D";

/** Kinerja unit pelayanan (unit performance); a translation key, the label lives in the locale files. */
export type KinerjaKey = "sangat_baik" | "baik" | "kurang_baik" | "tidak_baik";

export interface Classification {
  mutu: Mutu;
  kinerja: KinerjaKey;
}

// Lower bounds of the converted value (NIK) in hundredths. PermenPANRB 14/2017, with DOMAIN.md's decision
// to classify the value rounded to 2 decimals so the printed bands leave no gaps.
export const CATEGORY_LOWER_BOUNDS_HUNDREDTHS: ReadonlyArray<{ min: bigint } & Classification> = [
  { min: 8831n, mutu: "A", kinerja: "sangat_baik" },
  { min: 7661n, mutu: "B", kinerja: "baik" },
  { min: 6500n, mutu: "C", kinerja: "kurang_baik" },
];

const LOWEST_CATEGORY: Classification = { mutu: "D", kinerja: "tidak_baik" };

/** Category of a converted value already rounded to hundredths (8831 means 88.31). */
export function classifyConvertedValue(hundredths: bigint | number): Classification {
  if (typeof hundredths === "number" && !Number.isSafeInteger(hundredths)) {
    throw new RangeError(`Expected a whole number of hundredths, got ${hundredths}; round first`);
  }
  const value = BigInt(hundredths);
  const band = CATEGORY_LOWER_BOUNDS_HUNDREDTHS.find((candidate) => value >= candidate.min);
  return band ? { mutu: band.mutu, kinerja: band.kinerja } : { ...LOWEST_CATEGORY };
}

/** IKM (1..4) × 25 rounded half-up to hundredths, exactly: 3.5322 → 8831n (88.305 rounds up to 88.31). */
export function convertedValueHundredths(ikm: Rational): bigint {
  const scaled = multiplyRational(ikm, rational(2500n));
  // Half-up for a non-negative fraction: floor(x + 1/2) = floor((2·num + den) / (2·den)).
  if (scaled.num < 0n) throw new RangeError("The IKM cannot be negative");
  return (2n * scaled.num + scaled.den) / (2n * scaled.den);
}

/** The rounded converted value as a number for display: 8831n → 88.31. */
export function displayConvertedValue(hundredths: bigint | number): number {
  return Number(hundredths) / 100;
}

export function classifyIkm(ikm: Rational): Classification {
  return classifyConvertedValue(convertedValueHundredths(ikm));
}

// ---------------------------------------------------------------------------------------------------------
// IKM

/** Sum and count of the integer answers (1..4) to one element. */
export interface ElementTally {
  sum: number;
  count: number;
}

export type ElementTallies = Readonly<Record<ElementCode, ElementTally>>;

export type IkmOutcome =
  | { kind: "empty" }
  | {
      kind: "computed";
      /** NRR per element (nilai rata-rata, 1..4), null when nobody answered it. */
      nrr: Record<ElementCode, number | null>;
      nrrExact: Record<ElementCode, Rational | null>;
      /** IKM index, 1..4. */
      ikm: number;
      ikmExact: Rational;
      /** IKM unit value (nilai konversi), IKM × 25, full precision. */
      ikmUnit: number;
      ikmUnitExact: Rational;
      /** IKM unit value rounded half-up to hundredths: 8831 means 88.31. */
      ikmUnitHundredths: number;
      /** IKM unit value rounded to 2 decimals, for display. */
      ikmUnitRounded: number;
      mutu: Mutu;
      kinerja: KinerjaKey;
      /** Unsur terendah: the element with the lowest NRR, the priority for follow-up. */
      lowest: ElementCode;
      /** Elements that entered the index (answered and carrying weight). */
      answeredElements: ElementCode[];
      /** True when some weighted element had no answers and the remaining weights were scaled up. */
      weightsRenormalised: boolean;
    };

function assertValidTally(code: ElementCode, tally: ElementTally): void {
  const { sum, count } = tally;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`${code}: count must be a non-negative integer, got ${count}`);
  }
  if (!Number.isSafeInteger(sum) || sum < count || sum > 4 * count) {
    throw new RangeError(`${code}: sum ${sum} is impossible for ${count} answers on the 1..4 scale`);
  }
}

export function emptyTallies(): Record<ElementCode, ElementTally> {
  return mapElements(() => ({ sum: 0, count: 0 }));
}

/**
 * IKM of a unit from per-element sums and counts. PermenPANRB 14/2017:
 * NRR_i = sum_i / count_i, IKM = Σ w_i · NRR_i, IKM unit = IKM × 25.
 *
 * Decision: when some elements have no answers, the IKM is computed over the answered elements with their
 * weights renormalised (w_i / Σ answered w), so the index stays on the 1..4 scale instead of being dragged
 * towards 0 by a missing element; `weightsRenormalised` tells the report to say so. With no answered
 * (weighted) element the outcome is `{ kind: "empty" }`. Tallies that are impossible for 1..4 answers throw.
 */
export function computeIkm(tallies: ElementTallies, weights: IkmWeights = EQUAL_WEIGHTS): IkmOutcome {
  const nrrExact = mapElements((code): Rational | null => {
    const tally = tallies[code];
    assertValidTally(code, tally);
    return tally.count === 0 ? null : rational(tally.sum, tally.count);
  });

  const answeredElements = ELEMENT_CODES.filter((code) => nrrExact[code] !== null && weights[code].num > 0n);
  if (answeredElements.length === 0) return { kind: "empty" };

  let weightedSum = ZERO;
  let answeredWeight = ZERO;
  for (const code of answeredElements) {
    const nrr = nrrExact[code];
    if (nrr === null) continue;
    weightedSum = addRational(weightedSum, multiplyRational(weights[code], nrr));
    answeredWeight = addRational(answeredWeight, weights[code]);
  }
  const ikmExact = divideRational(weightedSum, answeredWeight);
  const ikmUnitExact = multiplyRational(ikmExact, rational(25n));
  const hundredths = convertedValueHundredths(ikmExact);
  const { mutu, kinerja } = classifyConvertedValue(hundredths);

  // Ties go to the earlier code, so the report is stable; elements without answers have no NRR to compare.
  // A zero-weight element that was answered can still be the lowest: it is reported, just not weighted.
  let lowest: { code: ElementCode; nrr: Rational } | null = null;
  for (const code of ELEMENT_CODES) {
    const nrr = nrrExact[code];
    if (nrr !== null && (lowest === null || compareRational(nrr, lowest.nrr) < 0)) lowest = { code, nrr };
  }
  if (lowest === null) return { kind: "empty" };

  return {
    kind: "computed",
    nrr: mapElements((code) => {
      const nrr = nrrExact[code];
      return nrr === null ? null : rationalToNumber(nrr);
    }),
    nrrExact,
    ikm: rationalToNumber(ikmExact),
    ikmExact,
    ikmUnit: rationalToNumber(ikmUnitExact),
    ikmUnitExact,
    ikmUnitHundredths: Number(hundredths),
    ikmUnitRounded: displayConvertedValue(hundredths),
    mutu,
    kinerja,
    lowest: lowest.code,
    answeredElements,
    weightsRenormalised: compareRational(answeredWeight, ONE) !== 0,
  };
}
