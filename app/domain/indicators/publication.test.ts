import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapElements } from "./elements";
import { computeIkm } from "./ikm";
import { DEFAULT_PUBLIC_MIN_SURVEYS, excludedShare, parsePeriodCode, periodCode, periodPopulation, publishIkm, quickFigure, unitPopulation, wilsonInterval } from "./publication";

/** Tallies of `n` respondents who all answered `score` to every element. */
function uniform(n: number, score: number) {
  const tallies = mapElements(() => ({ count: n, sum: n * score }));
  return { tallies, ikm: computeIkm(tallies) };
}

describe("parsePeriodCode", () => {
  it.each([
    ["2026-Q3", "2026-Q3", "quarter", "2026-07-01", "2026-09-30"],
    ["2026-q1", "2026-Q1", "quarter", "2026-01-01", "2026-03-31"],
    ["2026-Q4", "2026-Q4", "quarter", "2026-10-01", "2026-12-31"],
    ["2026-09", "2026-09", "month", "2026-09-01", "2026-09-30"],
    ["2024-02", "2024-02", "month", "2024-02-01", "2024-02-29"],
    ["2026", "2026", "year", "2026-01-01", "2026-12-31"],
    [" 2026 ", "2026", "year", "2026-01-01", "2026-12-31"],
  ])("%s reads as %s (%s %s..%s)", (input, code, kind, from, to) => {
    expect(parsePeriodCode(input)).toEqual({ ok: true, code, period: { kind, from, to } });
  });

  it.each([
    ["2026-Q5", "malformed"],
    ["2026-Q0", "malformed"],
    ["2026-13", "malformed"],
    ["2026-00", "malformed"],
    ["2026-9", "malformed"],
    ["26", "malformed"],
    ["", "malformed"],
    ["2026-09-01", "malformed"],
    ["kemarin", "malformed"],
    ["1999", "outOfRange"],
    ["2101-Q1", "outOfRange"],
  ])("%j is refused (%s)", (input, reason) => {
    expect(parsePeriodCode(input)).toEqual({ ok: false, reason });
  });

  it("a parsed period prints back as its code", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), (year, month, quarter) => {
        for (const code of [`${year}`, `${year}-${String(month).padStart(2, "0")}`, `${year}-Q${quarter}`]) {
          const parsed = parsePeriodCode(code);
          expect(parsed.ok && periodCode(parsed.period)).toBe(code);
        }
      }),
    );
  });
});

describe("publishIkm: the minimum of full surveys", () => {
  it.each([
    [0, 30, true],
    [29, 30, true],
    [30, 30, false],
    [31, 30, false],
    [9, 10, true],
    [10, 10, false],
    [29, null, true],
    [30, null, false],
  ])("%i full surveys with a minimum of %s: suppressed = %s", (n, minimum, suppressed) => {
    const result = publishIkm({ fullSurveys: n, minimum, population: null, ...uniform(n, 3) });
    expect(result.suppressed).toBe(suppressed);
    expect(result.respondents).toBe(n);
    expect(result.minimum).toBe(minimum ?? DEFAULT_PUBLIC_MIN_SURVEYS);
  });

  it("below the minimum no figure is given, only the count and what is missing", () => {
    const result = publishIkm({ fullSurveys: 29, minimum: 30, population: 400, ...uniform(29, 4) });
    expect(result).toMatchObject({ kind: "suppressed", respondents: 29, missing: 1, sampleRequired: 196 });
    expect(result).not.toHaveProperty("ikm");
    expect(result).not.toHaveProperty("mutu");
    expect(result.elements.every((element) => element.nrr === null && element.answers === 29)).toBe(true);
  });

  it("at the minimum the figure comes with mutu, lowest element and sample status", () => {
    const tallies = mapElements((code) => ({ count: 30, sum: code === "U3" ? 60 : 120 }));
    const result = publishIkm({ fullSurveys: 30, minimum: 30, population: 40, tallies, ikm: computeIkm(tallies) });
    expect(result).toMatchObject({ kind: "published", respondents: 30, mutu: "A", lowest: "U3", sampleRequired: 36, sufficient: false, shortfall: 6 });
    if (result.kind !== "published") throw new Error("expected a published figure");
    // (8 × 4 + 2) / 9 × 25 = 94.44
    expect(result.ikm).toBe(94.44);
    expect(result.elements.find((element) => element.code === "U3")).toEqual({ code: "U3", nrr: 2, answers: 30 });
  });

  it.each([
    [400, 196, 200, true, 0],
    [400, 196, 195, false, 1],
    [null, null, 200, null, null],
  ])("population %s: %s required; %i respondents sufficient = %s", (population, required, n, sufficient, shortfall) => {
    const result = publishIkm({ fullSurveys: n, minimum: 30, population, ...uniform(n, 3) });
    expect(result).toMatchObject({ sampleRequired: required, sufficient, shortfall });
  });

  it("a minimum that is not a positive whole number falls back to 30", () => {
    expect(publishIkm({ fullSurveys: 29, minimum: 0, population: null, ...uniform(29, 3) }).minimum).toBe(30);
  });

  it("no figure whenever the answers give no IKM, even above the minimum", () => {
    const tallies = mapElements(() => ({ count: 0, sum: 0 }));
    expect(publishIkm({ fullSurveys: 40, minimum: 30, population: null, tallies, ikm: computeIkm(tallies) }).suppressed).toBe(true);
  });
});

describe("period population from the stored yearly figure", () => {
  it.each([
    [3650, "2026-07-01", "2026-09-30", 920], // 92 of 365 days
    [1200, "2026-09-01", "2026-09-30", 99], // 30/365 × 1200 = 98.6
    [1200, "2026-01-01", "2026-12-31", 1200],
    [366, "2024-02-01", "2024-02-29", 29], // leap year
    [null, "2026-01-01", "2026-12-31", null],
  ])("%s a year over %s..%s → %s", (users, from, to, expected) => {
    expect(periodPopulation(users, { from, to })).toBe(expected);
  });

  it("a unit adds its services, leaving out those without a figure", () => {
    const year = { from: "2026-01-01", to: "2026-12-31" };
    expect(unitPopulation([1000, null, 200], year)).toBe(1200);
    expect(unitPopulation([null, null], year)).toBeNull();
    expect(unitPopulation([], year)).toBeNull();
  });
});

describe("quick ratings: share satisfied with a Wilson interval", () => {
  it.each([
    // Worked values of the Wilson score interval at 95 %.
    [8, 10, 0.4902, 0.9433],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [50, 100, 0.4038, 0.5962],
  ])("%i of %i → [%f, %f]", (successes, total, low, high) => {
    const interval = wilsonInterval(successes, total)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it("the interval always holds the observed share and stays within 0..1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (total, fraction) => {
        const successes = Math.floor(total * fraction);
        const interval = wilsonInterval(successes, total)!;
        const share = successes / total;
        expect(interval.low).toBeGreaterThanOrEqual(0);
        expect(interval.high).toBeLessThanOrEqual(1);
        expect(interval.low).toBeLessThanOrEqual(share + 1e-12);
        expect(interval.high).toBeGreaterThanOrEqual(share - 1e-12);
      }),
    );
  });

  it("no observations, no interval; an impossible count throws", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
  });

  it.each([
    [29, 20, 30, true],
    [30, 24, 30, false],
    [0, 0, 30, true],
  ])("%i quick ratings (%i satisfied), minimum %i: suppressed = %s", (ratings, satisfied, minimum, suppressed) => {
    const figure = quickFigure(ratings, satisfied, minimum);
    expect(figure.suppressed).toBe(suppressed);
    expect(figure.ratings).toBe(ratings);
    expect(figure.satisfiedShare).toBe(suppressed ? null : satisfied / ratings);
    expect(figure.interval === null).toBe(suppressed);
  });
});

describe("excludedShare", () => {
  it.each([
    [0, 0, null],
    [0, 40, 0],
    [4, 40, 0.1],
    [40, 40, 1],
  ])("%i excluded of %i received is %s", (excluded, received, share) => {
    expect(excludedShare(excluded, received)).toBe(share);
  });

  it.each([
    [5, 4],
    [-1, 4],
    [1.5, 4],
  ])("refuses %d of %d", (excluded, received) => {
    expect(() => excludedShare(excluded, received)).toThrow(RangeError);
  });
});
