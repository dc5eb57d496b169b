import { describe, expect, it } from "vitest";
import { periodContaining, previousPeriod, twelveMonthsEnding } from "./period";

describe("reporting periods", () => {
  it("finds the month, quarter and year of a day", () => {
    expect(periodContaining("month", "2026-02-14")).toEqual({ kind: "month", from: "2026-02-01", to: "2026-02-28" });
    expect(periodContaining("month", "2028-02-14").to).toBe("2028-02-29");
    expect(periodContaining("quarter", "2026-11-23")).toEqual({ kind: "quarter", from: "2026-10-01", to: "2026-12-31" });
    expect(periodContaining("year", "2026-11-23")).toEqual({ kind: "year", from: "2026-01-01", to: "2026-12-31" });
  });
  it("steps back one period across a year end", () => {
    expect(previousPeriod(periodContaining("quarter", "2026-01-05"))).toEqual({ kind: "quarter", from: "2025-10-01", to: "2025-12-31" });
    expect(previousPeriod({ kind: "custom", from: "2026-03-01", to: "2026-03-10" })).toEqual({ kind: "custom", from: "2026-02-19", to: "2026-02-28" });
  });
  it("names twelve months ending in a given month", () => {
    expect(twelveMonthsEnding("2026-11-23")).toEqual({ from: "2025-12", to: "2026-11" });
  });
});
