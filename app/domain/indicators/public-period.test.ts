import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  lastCompleteQuarterOf,
  PICKER_QUARTERS,
  PICKER_YEARS,
  publicPeriodOf,
  publicPeriodOptions,
} from "./public-period";

describe("publicPeriodOf", () => {
  it.each([
    // today, asked, shown code, chosen, running
    ["2026-12-04", null, "2026-Q3", false, false],
    ["2026-12-04", "", "2026-Q3", false, false],
    ["2026-12-04", "  ", "2026-Q3", false, false],
    ["2026-10-01", undefined, "2026-Q3", false, false],
    ["2026-09-30", null, "2026-Q2", false, false],
    ["2026-01-15", null, "2025-Q4", false, false],
    ["2026-12-04", "2026-Q2", "2026-Q2", true, false],
    ["2026-12-04", "2026-q1", "2026-Q1", true, false],
    ["2026-12-04", "2025", "2025", true, false],
    ["2026-12-04", "2026-09", "2026-09", true, false],
    ["2026-12-04", "2026-Q4", "2026-Q4", true, true],
    ["2026-12-04", "2026", "2026", true, true],
    ["2026-12-04", "2026-12", "2026-12", true, true],
    ["2026-12-31", "2026-Q4", "2026-Q4", true, true],
  ])("on %s, %j shows %s (chosen %s, running %s)", (today, asked, code, chosen, running) => {
    const result = publicPeriodOf(asked, today);
    expect(result).toMatchObject({ ok: true, code, chosen, running });
  });

  it.each([
    ["2026-12-04", "2027", "future"],
    ["2026-12-04", "2027-Q1", "future"],
    ["2026-09-30", "2026-Q4", "future"],
    ["2026-12-04", "2026-Q5", "malformed"],
    ["2026-12-04", "kemarin", "malformed"],
    ["2026-12-04", "1999", "outOfRange"],
  ])("on %s, %j is refused (%s) and the last complete quarter stands in", (today, asked, reason) => {
    expect(publicPeriodOf(asked, today)).toEqual({ ok: false, reason, fallback: publicPeriodOf(null, today) });
  });

  it("the default has always ended before today, and the quarter after it has not", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2005-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (date) => {
          const today = date.toISOString().slice(0, 10);
          const last = lastCompleteQuarterOf(today);
          expect(last.to < today).toBe(true);
          expect(last.kind).toBe("quarter");
          const following = new Date(`${last.to}T00:00:00Z`);
          following.setUTCDate(following.getUTCDate() + 1);
          expect(following.toISOString().slice(0, 10) <= today).toBe(true);
        },
      ),
    );
  });
});

describe("publicPeriodOptions", () => {
  it("lists the last eight complete quarters, then the last three complete years", () => {
    expect(publicPeriodOptions("2026-12-04").map((option) => option.code)).toEqual([
      "2026-Q3",
      "2026-Q2",
      "2026-Q1",
      "2025-Q4",
      "2025-Q3",
      "2025-Q2",
      "2025-Q1",
      "2024-Q4",
      "2025",
      "2024",
      "2023",
    ]);
  });

  it("puts a period asked for by its code first when the list does not hold it", () => {
    const month = publicPeriodOf("2026-09", "2026-12-04");
    const running = publicPeriodOf("2026-Q4", "2026-12-04");
    if (!month.ok || !running.ok) throw new Error("expected periods");
    expect(publicPeriodOptions("2026-12-04", month.period)[0]!.code).toBe("2026-09");
    expect(publicPeriodOptions("2026-12-04", running.period)[0]!.code).toBe("2026-Q4");
    expect(publicPeriodOptions("2026-12-04", month.period)).toHaveLength(PICKER_QUARTERS + PICKER_YEARS + 1);
    const listed = publicPeriodOf("2025", "2026-12-04");
    if (!listed.ok) throw new Error("expected a period");
    expect(publicPeriodOptions("2026-12-04", listed.period)).toHaveLength(PICKER_QUARTERS + PICKER_YEARS);
  });

  it("every option is a period that has ended", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2005-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (date) => {
          const today = date.toISOString().slice(0, 10);
          for (const option of publicPeriodOptions(today)) {
            expect(option.period.to < today).toBe(true);
            expect(publicPeriodOf(option.code, today)).toMatchObject({ ok: true, chosen: true, running: false });
          }
        },
      ),
    );
  });
});
