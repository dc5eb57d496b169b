import { describe, expect, it } from "vitest";
import { checkAchievementDay, checkFinaliseDay, finaliseOpensOn } from "./record-timing";

describe("checkAchievementDay", () => {
  it.each([
    ["2026-10-15", "2026-10-15", 7, { ok: true }],
    ["2026-10-08", "2026-10-15", 7, { ok: true }],
    ["2026-10-07", "2026-10-15", 7, { ok: false, reason: "tooOld", earliest: "2026-10-08" }],
    ["2026-10-16", "2026-10-15", 7, { ok: false, reason: "futureDate" }],
    ["2026-10-14", "2026-10-15", 0, { ok: false, reason: "tooOld", earliest: "2026-10-15" }],
    ["2026-02-26", "2026-03-05", 7, { ok: true }],
    ["2026-02-25", "2026-03-05", 7, { ok: false, reason: "tooOld", earliest: "2026-02-26" }],
  ] as const)("an achievement of %s logged on %s with a %i-day window: %o", (day, today, window, expected) => {
    expect(checkAchievementDay(day, today, window)).toEqual(expected);
  });
});

describe("checkFinaliseDay", () => {
  it.each([
    ["2026-09-30", "2026-09-29", 0, { ok: false, reason: "periodNotOver", opensOn: "2026-09-30" }],
    ["2026-09-30", "2026-09-30", 0, { ok: true }],
    ["2026-09-30", "2026-10-02", 0, { ok: true }],
    // The year-end grace applies only to a period ending on 31 December.
    ["2026-09-30", "2026-09-20", 15, { ok: false, reason: "periodNotOver", opensOn: "2026-09-30" }],
    ["2026-12-31", "2026-12-16", 15, { ok: true }],
    ["2026-12-31", "2026-12-15", 15, { ok: false, reason: "periodNotOver", opensOn: "2026-12-16" }],
    ["2026-12-31", "2026-12-30", 0, { ok: false, reason: "periodNotOver", opensOn: "2026-12-31" }],
  ] as const)("a period ending %s, finalised on %s with %i days of year-end grace: %o", (end, today, grace, expected) => {
    expect(checkFinaliseDay(end, today, grace)).toEqual(expected);
  });

  it("opens on the last day itself", () => {
    expect(finaliseOpensOn("2026-03-31", 10)).toBe("2026-03-31");
  });
});
