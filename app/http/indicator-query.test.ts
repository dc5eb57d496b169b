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
  it("fall back instead of failing on nonsense", () => {
    const query = parseIndicatorQuery(new URLSearchParams("periode=decade&tanggal=2026-13-01&populasi=-4&dari=x"), "2026-11-23", SETTINGS);
    expect(query.period).toEqual({ kind: "quarter", from: "2026-10-01", to: "2026-12-31" });
    expect(query.population).toBeNull();
  });
});
