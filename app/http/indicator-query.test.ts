import { describe, expect, it } from "vitest";
import { parseIndicatorQuery } from "./indicator-query";

const SETTINGS = { minimumRatings: 10 };

describe("indicator filters from the address bar", () => {
  it("default to this quarter, all ratings, a minimum of ten", () => {
    expect(parseIndicatorQuery(new URLSearchParams(), "2026-11-23", SETTINGS)).toEqual({
      period: { kind: "quarter", from: "2026-10-01", to: "2026-12-31" },
      verifiedOnly: false,
      population: null,
      minimumRatings: 10,
      today: "2026-11-23",
      refused: null,
    });
  });
  it("read a custom range, verified-only and a population", () => {
    const query = parseIndicatorQuery(new URLSearchParams("periode=custom&dari=2026-01-01&sampai=2026-03-15&terverifikasi=1&populasi=1200"), "2026-11-23", SETTINGS);
    expect(query).toMatchObject({ period: { kind: "custom", from: "2026-01-01", to: "2026-03-15" }, verifiedOnly: true, population: 1200 });
  });
  it("take the minimum for ranking officers from the agency's setting, never from ?min=", () => {
    expect(parseIndicatorQuery(new URLSearchParams("min=1"), "2026-11-23", { minimumRatings: 25 }).minimumRatings).toBe(25);
  });
  it("refuse impossible days and unbounded custom periods", () => {
    for (const search of ["periode=custom&dari=2026-02-30&sampai=2026-03-15", "periode=custom&dari=0001-01-01&sampai=9999-12-31", "periode=custom&dari=2010-01-01&sampai=2026-01-01", "tanggal=2026-02-30"]) {
      expect(parseIndicatorQuery(new URLSearchParams(search), "2026-11-23", SETTINGS).period).toEqual({ kind: "quarter", from: "2026-10-01", to: "2026-12-31" });
    }
  });
  it.each([
    { name: "a reversed range", search: "dari=2026-09-30&sampai=2026-07-01", errors: { sampai: "indicators.rangeErrors.reversed" } },
    { name: "a range without an end", search: "dari=2026-07-01&sampai=", errors: { sampai: "indicators.rangeErrors.missing" } },
    { name: "a range without a start", search: "sampai=2026-07-01", errors: { dari: "indicators.rangeErrors.missing" } },
    { name: "an impossible day", search: "dari=2026-02-30&sampai=2026-03-15", errors: { dari: "indicators.rangeErrors.invalid" } },
    { name: "a range over five years", search: "dari=2010-01-01&sampai=2026-01-01", errors: { sampai: "indicators.rangeErrors.tooLong" } },
  ])("refuse $name with a reason next to the field, keeping what was typed", ({ search, errors }) => {
    const query = parseIndicatorQuery(new URLSearchParams(`periode=custom&${search}`), "2026-11-23", SETTINGS);
    expect(query.refused?.errors).toEqual(errors);
    expect(query.refused?.dari).toBe(new URLSearchParams(search).get("dari") ?? "");
    expect(query.period).toEqual({ kind: "quarter", from: "2026-10-01", to: "2026-12-31" });
  });
  it.each([
    { search: "periode=month&bulan=2026-02", period: { kind: "month", from: "2026-02-01", to: "2026-02-28" } },
    { search: "periode=quarter&triwulan=2026-Q3", period: { kind: "quarter", from: "2026-07-01", to: "2026-09-30" } },
    { search: "periode=year&tahun=2025", period: { kind: "year", from: "2025-01-01", to: "2025-12-31" } },
    // The form sends every period's field; only the chosen one counts.
    { search: "periode=year&bulan=2026-02&triwulan=2026-Q3&tahun=2024&dari=2026-01-01&sampai=2026-01-31", period: { kind: "year", from: "2024-01-01", to: "2024-12-31" } },
    { search: "periode=month&tanggal=2026-05-17", period: { kind: "month", from: "2026-05-01", to: "2026-05-31" } },
    { search: "periode=quarter&triwulan=2026-Q5", period: { kind: "quarter", from: "2026-10-01", to: "2026-12-31" } },
  ])("read the period named by its own field: $search", ({ search, period }) => {
    const query = parseIndicatorQuery(new URLSearchParams(search), "2026-11-23", SETTINGS);
    expect(query.period).toEqual(period);
    expect(query.refused).toBeNull();
  });
  it("fall back instead of failing on nonsense", () => {
    const query = parseIndicatorQuery(new URLSearchParams("periode=decade&tanggal=2026-13-01&populasi=-4&dari=x"), "2026-11-23", SETTINGS);
    expect(query.period).toEqual({ kind: "quarter", from: "2026-10-01", to: "2026-12-31" });
    expect(query.population).toBeNull();
  });
});
