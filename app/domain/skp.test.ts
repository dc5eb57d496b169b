import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { nextPeriod, parseDecimal, periodContaining, periodFromStart, planAllows, statusAfter } from "./skp";

describe("SKP periods", () => {
  it.each([
    ["monthly", "2026-02-14", "2026-02-01", "2026-02-28"],
    ["monthly", "2028-02-29", "2028-02-01", "2028-02-29"],
    ["quarterly", "2026-11-24", "2026-10-01", "2026-12-31"],
    ["quarterly", "2026-04-01", "2026-04-01", "2026-06-30"],
    ["annual", "2026-07-15", "2026-01-01", "2026-12-31"],
  ] as const)("a %s period containing %s runs %s to %s", (kind, date, start, end) => {
    expect(periodContaining(kind, date)).toEqual({ kind, start, end });
  });

  it("follows a quarter with the next one, across the year end", () => {
    expect(nextPeriod(periodContaining("quarterly", "2026-11-24"))).toEqual({
      kind: "quarterly",
      start: "2027-01-01",
      end: "2027-03-31",
    });
  });

  it("accepts only the first day of a period as its start", () => {
    expect(periodFromStart("quarterly", "2026-10-01").ok).toBe(true);
    expect(periodFromStart("quarterly", "2026-11-01").ok).toBe(false);
    expect(periodFromStart("monthly", "2026-13-01").ok).toBe(false);
    expect(periodFromStart("annual", "not a date").ok).toBe(false);
  });

  it("tiles time: each period ends the day before the next begins", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("monthly", "quarterly", "annual" as const),
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        (kind, year, month) => {
          const period = periodContaining(kind, `${year}-${String(month).padStart(2, "0")}-15`);
          const next = nextPeriod(period);
          const dayAfter = new Date(`${period.end}T00:00:00Z`);
          dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
          expect(next.start).toBe(dayAfter.toISOString().slice(0, 10));
        },
      ),
    );
  });
});

describe("targets typed by a person", () => {
  it.each([
    ["75", 75],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["12,5", 12.5],
    ["1.500", 1500],
    ["1.5", 1.5],
    [" 100 ", 100],
    ["0", 0],
  ])("reads %s as %s", (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(["", "seratus", "12a", "-5", "1,2,3.4.5", "5,", "1e5", "Infinity"])("refuses %j", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe("the plan's life cycle", () => {
  it.each([
    ["draft", "edit", true],
    ["draft", "submit", true],
    ["draft", "approve", false],
    ["submitted", "edit", false],
    ["submitted", "approve", true],
    ["submitted", "return", true],
    ["returned", "edit", true],
    ["returned", "submit", true],
    ["returned", "approve", false],
    ["approved", "edit", false],
    ["approved", "return", false],
  ] as const)("%s allows %s: %s", (status, action, allowed) => {
    expect(planAllows(status, action)).toBe(allowed);
  });

  it("names the status each step leads to", () => {
    expect([statusAfter("submit"), statusAfter("approve"), statusAfter("return")]).toEqual([
      "submitted",
      "approved",
      "returned",
    ]);
  });
});
