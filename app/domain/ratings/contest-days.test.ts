import { describe, expect, it } from "vitest";
import { contestableDayRange, isContestableDay } from "./contest-days";

describe("which days' ratings an officer may contest", () => {
  it("runs from eight weeks before this week's Monday to last Sunday", () => {
    expect(contestableDayRange("2026-12-09")).toEqual({ from: "2026-10-12", through: "2026-12-06" });
  });

  it.each([
    ["2026-12-06", "2026-12-09", true], // last Sunday: its week has ended
    ["2026-12-07", "2026-12-09", false], // this week's Monday: the week is still running
    ["2026-12-09", "2026-12-09", false], // today
    ["2026-12-10", "2026-12-09", false], // a day to come
    ["2026-10-12", "2026-12-09", true], // the window's first day
    ["2026-10-11", "2026-12-09", false], // one day too far back
    ["2026-12-06", "2026-12-07", true], // on Monday, the week just ended opens
    ["2026-12-06", "2026-12-06", false], // but not on its own Sunday
  ])("%s on %s: %s", (day, today, expected) => {
    expect(isContestableDay(day, today)).toBe(expected);
  });
});
