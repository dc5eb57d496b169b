import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ELEMENT_CODES, type ElementCode, mapElements } from "./elements";
import {
  classifyConvertedValue,
  classifyIkm,
  compareRational,
  computeIkm,
  convertedValueHundredths,
  displayConvertedValue,
  type ElementTallies,
  type ElementTally,
  EQUAL_WEIGHTS,
  type IkmOutcome,
  type Mutu,
  parseWeights,
  rational,
  rationalFromDecimalNumber,
  rationalToNumber,
  type WeightsInput,
} from "./ikm";

function sameTallyEverywhere(sum: number, count: number): ElementTallies {
  return mapElements(() => ({ sum, count }));
}

function tallies(partial: Partial<Record<ElementCode, ElementTally>>): ElementTallies {
  return mapElements((code) => partial[code] ?? { sum: 0, count: 0 });
}

function computed(outcome: IkmOutcome): Extract<IkmOutcome, { kind: "computed" }> {
  if (outcome.kind !== "computed") throw new Error("expected a computed IKM");
  return outcome;
}

const MUTU_ORDER: Record<Mutu, number> = { D: 0, C: 1, B: 2, A: 3 };

describe("exact fractions", () => {
  it.each([
    [0.1, 1n, 10n],
    [0.111, 111n, 1000n],
    [0.5, 1n, 2n],
    [-0.25, -1n, 4n],
    [2, 2n, 1n],
    [0, 0n, 1n],
    [1e-7, 1n, 10_000_000n],
    [1.5e21, 1_500_000_000_000_000_000_000n, 1n],
  ])("reads the number %s as the decimal it prints as", (value, num, den) => {
    expect(rationalFromDecimalNumber(value)).toEqual({ num, den });
  });

  it.each([NaN, Infinity, -Infinity])("refuses %s", (value) => {
    expect(rationalFromDecimalNumber(value)).toBeNull();
  });

  it("reduces fractions and keeps the denominator positive", () => {
    expect(rational(6, -8)).toEqual({ num: -3n, den: 4n });
  });

  it.each([
    [rational(1n, 3n), 1 / 3],
    [rational(17661n, 5000n), 3.5322],
    [rational(10n ** 30n + 1n, 3n * 10n ** 29n), 10 / 3],
    [rational(-(10n ** 40n), 7n), -(1e40 / 7)],
  ])("converts %o to the nearest number (within a couple of ulps)", (value, expected) => {
    expect(Math.abs(rationalToNumber(value) - expected) / Math.abs(expected)).toBeLessThan(4 * Number.EPSILON);
  });
});

describe("parseWeights", () => {
  const ninths = mapElements(() => ({ num: 1, den: 9 }));

  it.each<[string, WeightsInput]>([
    ["exact ninths as fractions", ninths],
    ["decimals that sum to 1 as written", { ...mapElements(() => 0.1), U1: 0.2 }],
    ["a mix of fractions and decimals", { ...mapElements(() => ({ num: 1n, den: 16n })), U1: 0.5 }],
    ["a zero weight", { ...mapElements(() => ({ num: 1, den: 8 })), U9: 0 }],
  ])("accepts %s", (_, input) => {
    expect(parseWeights(input).ok).toBe(true);
  });

  it("rejects the printed 0,111 because nine of them sum to 0.999, not 1", () => {
    expect(parseWeights(mapElements(() => 0.111))).toEqual({ ok: false, reason: "sum_not_one", sum: rational(999, 1000) });
  });

  it.each<[string, unknown, Record<string, unknown>]>([
    ["a negative weight", { ...ninths, U1: { num: 3, den: 9 }, U2: { num: -1, den: 9 } }, { reason: "negative", element: "U2" }],
    ["a zero denominator", { ...ninths, U3: { num: 1, den: 0 } }, { reason: "not_a_number", element: "U3" }],
    ["a fractional numerator", { ...ninths, U3: { num: 0.5, den: 9 } }, { reason: "not_a_number", element: "U3" }],
    ["NaN", { ...ninths, U4: NaN }, { reason: "not_a_number", element: "U4" }],
    ["a missing element", { ...ninths, U5: undefined }, { reason: "not_a_number", element: "U5" }],
    ["an unknown element", { ...ninths, U10: 0 }, { reason: "unknown_element", element: "U10" }],
  ])("rejects %s", (_, input, expected) => {
    expect(parseWeights(input as WeightsInput)).toMatchObject({ ok: false, ...expected });
  });

  it("rejects a record without an element", () => {
    const { U5: _dropped, ...withoutU5 } = ninths;
    expect(parseWeights(withoutU5 as unknown as WeightsInput)).toEqual({
      ok: false,
      reason: "missing_element",
      element: "U5",
    });
  });
});

describe("classifyConvertedValue", () => {
  it.each<[bigint | number, Mutu, string]>([
    [10000n, "A", "sangat_baik"],
    [8831n, "A", "sangat_baik"],
    [8830n, "B", "baik"],
    [7661, "B", "baik"],
    [7660, "C", "kurang_baik"],
    [6500, "C", "kurang_baik"],
    [6499n, "D", "tidak_baik"],
    [2500, "D", "tidak_baik"],
  ])("classifies %s hundredths as %s (%s)", (hundredths, mutu, kinerja) => {
    expect(classifyConvertedValue(hundredths)).toEqual({ mutu, kinerja });
  });

  it("refuses a value that was not rounded to hundredths", () => {
    expect(() => classifyConvertedValue(8830.5)).toThrow(RangeError);
  });

  it("is monotonic: a higher converted value never gets a lower category", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12_000 }), fc.integer({ min: 0, max: 12_000 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(MUTU_ORDER[classifyConvertedValue(low).mutu]).toBeLessThanOrEqual(
          MUTU_ORDER[classifyConvertedValue(high).mutu],
        );
      }),
    );
  });
});

describe("convertedValueHundredths and displayConvertedValue", () => {
  it.each([
    [rational(17661n, 5000n), 8831n, 88.31],
    [rational(883n, 250n), 8830n, 88.3],
    [rational(12999n, 5000n), 6500n, 65],
    [rational(64994999n, 25000000n), 6499n, 64.99],
    [rational(4n), 10000n, 100],
    [rational(1n), 2500n, 25],
    [rational(28n, 9n), 7778n, 77.78],
  ])("rounds %o × 25 half-up to %s hundredths", (ikm, hundredths, display) => {
    expect(convertedValueHundredths(ikm)).toBe(hundredths);
    expect(displayConvertedValue(hundredths)).toBe(display);
  });
});

describe("computeIkm", () => {
  it("worked example: 100 respondents, B (Baik), U3 lowest", () => {
    const result = computed(
      computeIkm(
        tallies({
          U1: { sum: 345, count: 100 },
          U2: { sum: 320, count: 100 },
          U3: { sum: 290, count: 100 },
          U4: { sum: 380, count: 100 },
          U5: { sum: 310, count: 100 },
          U6: { sum: 330, count: 100 },
          U7: { sum: 350, count: 100 },
          U8: { sum: 300, count: 100 },
          U9: { sum: 305, count: 100 },
        }),
      ),
    );
    // Σ NRR = 29.30, IKM = 29.30 / 9 = 3.2555…, × 25 = 81.3888… → 81.39
    expect(result.nrr.U1).toBe(3.45);
    expect(result.ikmExact).toEqual(rational(293n, 90n));
    expect(result.ikm).toBeCloseTo(3.255555555555556, 15);
    expect(result.ikmUnit).toBeCloseTo(81.38888888888889, 13);
    expect(result.ikmUnitHundredths).toBe(8139);
    expect(result.ikmUnitRounded).toBe(81.39);
    expect(result).toMatchObject({ mutu: "B", kinerja: "baik", lowest: "U3", weightsRenormalised: false });
  });

  it.each<[string, number, number, Mutu, number]>([
    ["88.305 rounds up to 88.31: A", 17661, 5000, "A", 8831],
    ["88.30: B", 883, 250, "B", 8830],
    ["76.605 rounds up to 76.61: B", 15321, 5000, "B", 7661],
    ["65.00: C", 13, 5, "C", 6500],
    ["64.995 rounds up to 65.00: C", 12999, 5000, "C", 6500],
    ["64.994999 rounds down to 64.99: D", 64994999, 25000000, "D", 6499],
  ])("boundary %s", (_, sum, count, mutu, hundredths) => {
    // Every element has the same NRR, so with exact 1/9 weights the IKM equals it exactly.
    const result = computed(computeIkm(sameTallyEverywhere(sum, count)));
    expect(result.ikmExact).toEqual(rational(sum, count));
    expect(result.ikmUnitHundredths).toBe(hundredths);
    expect(result.mutu).toBe(mutu);
  });

  it("classifies 88.305 as A where a floating-point sum of nine ninths would give 88.30 (B)", () => {
    let naive = 0;
    for (let index = 0; index < 9; index += 1) naive += (1 / 9) * (17661 / 5000);
    expect(Math.round(naive * 25 * 100)).toBe(8830);
    expect(computed(computeIkm(sameTallyEverywhere(17661, 5000))).mutu).toBe("A");
  });

  it("renormalises the weights over answered elements and ignores unanswered ones for the lowest", () => {
    const result = computed(
      computeIkm({ ...sameTallyEverywhere(30, 10), U1: { sum: 40, count: 10 }, U9: { sum: 0, count: 0 } }),
    );
    // (4 + 7 × 3) / 8 = 3.125 → 78.125 → 78.13
    expect(result.ikmExact).toEqual(rational(25n, 8n));
    expect(result.ikmUnitRounded).toBe(78.13);
    expect(result.nrr.U9).toBeNull();
    expect(result.nrrExact.U9).toBeNull();
    expect(result.answeredElements).toEqual(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8"]);
    expect(result.weightsRenormalised).toBe(true);
    expect(result.lowest).toBe("U2");
  });

  it("breaks ties for the lowest element by code order", () => {
    const result = computed(
      computeIkm({ ...sameTallyEverywhere(35, 10), U4: { sum: 6, count: 2 }, U7: { sum: 30, count: 10 } }),
    );
    expect(result.lowest).toBe("U4");
  });

  it("compares NRRs exactly for the lowest element (2/3 of 4 vs 0.6666…)", () => {
    const result = computed(
      computeIkm({
        ...sameTallyEverywhere(4, 1),
        U2: { sum: 200_000_000_001, count: 75_000_000_000 },
        U5: { sum: 8, count: 3 },
      }),
    );
    expect(result.lowest).toBe("U5");
  });

  it("returns empty when nobody answered", () => {
    expect(computeIkm(sameTallyEverywhere(0, 0))).toEqual({ kind: "empty" });
  });

  it("applies custom weights", () => {
    const parsed = parseWeights({ ...mapElements(() => ({ num: 1, den: 16 })), U1: { num: 1, den: 2 } });
    if (!parsed.ok) throw new Error("weights should be valid");
    const result = computed(computeIkm({ ...sameTallyEverywhere(2, 1), U1: { sum: 4, count: 1 } }, parsed.weights));
    // 1/2 × 4 + 8 × 1/16 × 2 = 3 → 75.00
    expect(result.ikmExact).toEqual(rational(3n));
    expect(result.mutu).toBe("C");
  });

  it("returns empty when only zero-weight elements were answered", () => {
    const parsed = parseWeights({ ...mapElements(() => ({ num: 1, den: 8 })), U9: 0 });
    if (!parsed.ok) throw new Error("weights should be valid");
    expect(computeIkm(tallies({ U9: { sum: 4, count: 1 } }), parsed.weights)).toEqual({ kind: "empty" });
  });

  it.each<[string, ElementTally]>([
    ["a sum above 4 × count", { sum: 41, count: 10 }],
    ["a sum below count", { sum: 9, count: 10 }],
    ["a negative count", { sum: 0, count: -1 }],
    ["a fractional sum", { sum: 30.5, count: 10 }],
    ["answers without a count", { sum: 3, count: 0 }],
  ])("throws on impossible tallies: %s", (_, tally) => {
    expect(() => computeIkm({ ...sameTallyEverywhere(30, 10), U3: tally })).toThrow(RangeError);
  });

  const tallyArbitrary = fc
    .integer({ min: 0, max: 100_000 })
    .chain((count) => fc.record({ count: fc.constant(count), sum: fc.integer({ min: count, max: 4 * count }) }));
  const talliesArbitrary = fc.record(
    Object.fromEntries(ELEMENT_CODES.map((code) => [code, tallyArbitrary])) as Record<
      ElementCode,
      fc.Arbitrary<ElementTally>
    >,
  );

  it("keeps the IKM index within 1..4 and the category consistent with the rounded value", () => {
    fc.assert(
      fc.property(talliesArbitrary, (input) => {
        const outcome = computeIkm(input);
        const anyAnswered = ELEMENT_CODES.some((code) => input[code].count > 0);
        expect(outcome.kind).toBe(anyAnswered ? "computed" : "empty");
        if (outcome.kind !== "computed") return;
        expect(compareRational(outcome.ikmExact, rational(1n))).toBeGreaterThanOrEqual(0);
        expect(compareRational(outcome.ikmExact, rational(4n))).toBeLessThanOrEqual(0);
        expect(outcome.ikm).toBeGreaterThanOrEqual(1);
        expect(outcome.ikm).toBeLessThanOrEqual(4);
        expect(outcome.ikmUnitHundredths).toBeGreaterThanOrEqual(2500);
        expect(outcome.ikmUnitHundredths).toBeLessThanOrEqual(10_000);
        expect(Math.abs(outcome.ikmUnitRounded - outcome.ikmUnit)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(classifyIkm(outcome.ikmExact).mutu).toBe(outcome.mutu);
      }),
    );
  });

  it("keeps the IKM between the lowest and highest NRR under any valid weights", () => {
    const positiveWeights = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 9, maxLength: 9 });
    fc.assert(
      fc.property(talliesArbitrary, positiveWeights, (input, rawWeights) => {
        const total = rawWeights.reduce((sum, weight) => sum + weight, 0);
        const parsed = parseWeights(mapElements((code) => ({ num: rawWeights[Number(code.slice(1)) - 1] ?? 0, den: total })));
        if (!parsed.ok) throw new Error("weights should be valid");
        const outcome = computeIkm(input, parsed.weights);
        if (outcome.kind !== "computed") return;
        const nrrs = ELEMENT_CODES.flatMap((code) => outcome.nrrExact[code] ?? []);
        const lowestNrr = outcome.nrrExact[outcome.lowest];
        if (lowestNrr === null) throw new Error("the lowest element must have answers");
        const highestNrr = nrrs.reduce((high, nrr) => (compareRational(nrr, high) > 0 ? nrr : high));
        expect(compareRational(lowestNrr, outcome.ikmExact)).toBeLessThanOrEqual(0);
        expect(compareRational(outcome.ikmExact, highestNrr)).toBeLessThanOrEqual(0);
        for (const nrr of nrrs) expect(compareRational(lowestNrr, nrr)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("uses exact 1/9 weights by default", () => {
    for (const code of ELEMENT_CODES) expect(EQUAL_WEIGHTS[code]).toEqual(rational(1n, 9n));
  });
});
