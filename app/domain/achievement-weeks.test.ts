import { describe, expect, it } from "vitest";
import {
  daysOfWeek,
  reportWeekState,
  requestedWeek,
  resultsToDate,
  summariseWeek,
  weeklySummaries,
  weekStartOf,
  type DailyEntry,
} from "./achievement-weeks";
import { isIsoDate } from "./working-days";

const entry = (achievedOn: string, resultId: number | null = null, quantity: number | null = null): DailyEntry => ({
  achievedOn,
  resultId,
  quantity,
});

describe("the week of a day", () => {
  it.each([
    ["2026-12-07", "2026-12-07"], // a Monday is its own week's start
    ["2026-12-13", "2026-12-07"], // Sunday belongs to the week before it
    ["2026-12-10", "2026-12-07"],
    ["2027-01-01", "2026-12-28"], // a week across the year's end
    ["2024-03-01", "2024-02-26"], // across a leap February
  ])("%s lies in the week of Monday %s", (day, monday) => {
    expect(weekStartOf(day)).toBe(monday);
  });

  it("has seven days from Monday to Sunday", () => {
    expect(daysOfWeek("2026-12-28")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
  });

  it.each([
    [null, "2026-12-09", "2026-12-07"],
    ["2026-11-20", "2026-12-09", "2026-11-16"],
    ["not-a-day", "2026-12-09", "2026-12-07"],
    ["2026-02-30", "2026-12-09", "2026-12-07"],
  ])("the parameter %s on %s asks for the week of %s", (parameter, today, monday) => {
    expect(requestedWeek(parameter, today, isIsoDate)).toBe(monday);
  });
});

describe("a weekly summary assembled from daily entries", () => {
  it("counts entries per day, the days logged, and sums each result's quantities exactly", () => {
    const summary = summariseWeek(
      [
        entry("2026-12-07", 1, 0.1),
        entry("2026-12-07", 1, 0.2),
        entry("2026-12-09", 2, 5),
        entry("2026-12-09", null, null),
        entry("2026-12-13", 2, null),
        entry("2026-12-06", 1, 100), // Sunday of the week before
        entry("2026-12-14", 1, 100), // Monday of the week after
      ],
      "2026-12-07",
    );
    expect(summary.weekEnd).toBe("2026-12-13");
    expect(summary.entries).toBe(5);
    expect(summary.daysLogged).toBe(3);
    expect(summary.perDay.map((day) => day.entries)).toEqual([2, 0, 2, 0, 0, 0, 1]);
    expect(summary.perResult).toEqual([
      { resultId: 1, quantity: 0.3, entries: 2 },
      { resultId: 2, quantity: 5, entries: 2 },
    ]);
  });

  it("is empty for a week without entries", () => {
    const summary = summariseWeek([entry("2026-12-01", 1, 3)], "2026-12-07");
    expect(summary).toMatchObject({ entries: 0, daysLogged: 0, perResult: [] });
  });

  it.each([
    // entries, period, today, expected week starts (newest first)
    [[], { start: "2026-01-01", end: "2026-12-31" }, "2026-10-14", ["2026-10-12"]],
    [["2026-10-01"], { start: "2026-01-01", end: "2026-12-31" }, "2026-10-14", ["2026-10-12", "2026-10-05", "2026-09-28"]],
    [["2026-12-02"], { start: "2026-12-01", end: "2026-12-31" }, "2027-02-01", ["2026-12-28", "2026-12-21", "2026-12-14", "2026-12-07", "2026-11-30"]],
    [[], { start: "2026-12-01", end: "2026-12-31" }, "2026-11-20", []],
    [[], { start: "2026-12-01", end: "2026-12-31" }, "2026-12-01", ["2026-11-30"]],
    // an entry outside the period does not stretch the list
    [["2025-06-02"], { start: "2026-12-01", end: "2026-12-31" }, "2026-12-08", ["2026-12-07"]],
  ])("entries on %j in period %j on %s give the weeks %j", (days, period, today, weeks) => {
    expect(weeklySummaries(days.map((day) => entry(day)), period, today).map((week) => week.weekStart)).toEqual(weeks);
  });

  it("keeps an empty week between two logged ones", () => {
    const weeks = weeklySummaries(
      [entry("2026-10-01", 1, 2), entry("2026-10-15", 1, 3)],
      { start: "2026-10-01", end: "2026-12-31" },
      "2026-10-16",
    );
    expect(weeks.map((week) => [week.weekStart, week.entries])).toEqual([
      ["2026-10-12", 1],
      ["2026-10-05", 0],
      ["2026-09-28", 1],
    ]);
  });
});

describe("results moving toward their targets", () => {
  const results = [
    { id: 1, target: 5, portal: false },
    { id: 2, target: 0, portal: false },
    { id: 3, target: 3.3, portal: true },
  ];

  it.each([
    // entries, through, expected [resultId, realised, share]
    [[entry("2026-12-07", 1, 2), entry("2026-12-08", 1, 2.5)], "2026-12-13", [[1, 4.5, 0.9], [2, 0, null]]],
    [[entry("2026-12-07", 1, 2), entry("2026-12-15", 1, 5)], "2026-12-13", [[1, 2, 0.4], [2, 0, null]]],
    [[entry("2026-12-07", 1, 0.1), entry("2026-12-07", 1, 0.2), entry("2026-12-07", 1, 5.2)], "2026-12-07", [[1, 5.5, 1.1], [2, 0, null]]],
    [[entry("2026-12-07", 1, 8), entry("2026-12-07", 2, 3)], "2026-12-07", [[1, 8, 1.6], [2, 3, null]]],
  ])("entries %j through %s give %j (portal results left out)", (entries, through, expected) => {
    expect(resultsToDate(results, entries, through).map((r) => [r.resultId, r.realised, r.share])).toEqual(expected);
  });
});

describe("a direct report's week", () => {
  it.each([
    [false, 0, "noPlan"],
    [false, 3, "noPlan"],
    [true, 0, "nothingLogged"],
    [true, 1, "logged"],
  ] as const)("approved plan %s with %i entries is %s", (plan, entries, state) => {
    expect(reportWeekState(plan, { entries })).toBe(state);
  });
});
