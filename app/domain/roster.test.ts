import { describe, expect, it } from "vitest";
import { expandShifts, parseLocalTime, parseWeekdays, patternProblem, patternsOverlap, type WeeklyPattern } from "./roster";

describe("parseWeekdays", () => {
  it.each([
    ["Senin;Rabu", [1, 3]],
    ["senin, selasa", [1, 2]],
    ["Senin-Jumat", [1, 2, 3, 4, 5]],
    ["Senin s.d. Kamis", [1, 2, 3, 4]],
    ["Jum'at;Sabtu;Minggu", [5, 6, 7]],
    ["SABTU", [6]],
    ["Senen", null],
    ["Jumat-Senin", null],
    ["", null],
  ])("%s → %j", (text, expected) => expect(parseWeekdays(text)).toEqual(expected));
});

describe("parseLocalTime", () => {
  it.each([
    ["08:00", false, "08:00"],
    ["8.30", false, "08:30"],
    ["07:30:00", false, "07:30"],
    ["24:00", true, "24:00"],
    ["24:00", false, null],
    ["25:00", true, null],
    ["08:60", false, null],
    ["jam 8", false, null],
  ])("%s (end of day %s) → %s", (text, endOfDay, expected) => expect(parseLocalTime(text, endOfDay)).toBe(expected));
});

const base: WeeklyPattern<string> = { officer: "a", weekdays: [1, 2, 3, 4, 5], starts: "08:00", ends: "12:00", validFrom: "2026-01-01", validTo: "2026-12-31" };

describe("patternsOverlap", () => {
  it.each([
    ["the same hours", {}, true],
    ["back to back", { starts: "12:00", ends: "16:00" }, false],
    ["one hour shared", { starts: "11:00", ends: "13:00" }, true],
    ["other weekdays", { weekdays: [6, 7] }, false],
    ["later dates", { validFrom: "2027-01-01", validTo: "2027-06-30" }, false],
    ["a shared weekend only, no shared weekday in the dates", { weekdays: [1], validFrom: "2026-12-31", validTo: "2027-01-03" }, false],
    ["a shared Thursday in the shared dates", { weekdays: [4], validFrom: "2026-12-31", validTo: "2027-01-03" }, true],
  ] as const)("%s → %s", (_, change, expected) => expect(patternsOverlap(base, { ...base, ...change })).toBe(expected));
});

describe("patternProblem", () => {
  it.each([
    [{}, null],
    [{ ends: "07:00" }, "endsBeforeStarts"],
    [{ ends: "08:00" }, "endsBeforeStarts"],
    [{ validTo: "2025-12-31" }, "validToBeforeFrom"],
    [{ validTo: "2030-01-01" }, "tooLong"],
    [{ validFrom: "2026-02-30" }, "badDate"],
  ] as const)("%j → %s", (change, expected) => expect(patternProblem({ ...base, ...change })).toBe(expected));
});

describe("expandShifts", () => {
  it("puts a WIB office shift at 01:00–05:00 UTC on the pattern's weekdays only", () => {
    const shifts = expandShifts([{ ...base, id: 7, validFrom: "2026-12-04", validTo: "2026-12-08" }], [], "Asia/Jakarta");
    // Friday 4, (Sat 5, Sun 6 skipped), Monday 7, Tuesday 8 December 2026
    expect(shifts.map((shift) => [shift.startsAt.toISOString(), shift.endsAt.toISOString(), shift.patternId])).toEqual([
      ["2026-12-04T01:00:00.000Z", "2026-12-04T05:00:00.000Z", 7],
      ["2026-12-07T01:00:00.000Z", "2026-12-07T05:00:00.000Z", 7],
      ["2026-12-08T01:00:00.000Z", "2026-12-08T05:00:00.000Z", 7],
    ]);
  });

  it("uses the agency's zone: 08:00 WIT is 23:00 UTC the day before", () => {
    const [shift] = expandShifts([{ ...base, validFrom: "2026-12-07", validTo: "2026-12-07" }], [], "Asia/Jayapura");
    expect(shift?.startsAt.toISOString()).toBe("2026-12-06T23:00:00.000Z");
  });

  it("takes an absent officer's shift out that day and adds the replacement's", () => {
    const shifts = expandShifts(
      [{ ...base, validFrom: "2026-12-07", validTo: "2026-12-08" }],
      [{ id: 3, date: "2026-12-08", absent: "a", replacement: { officer: "b", starts: "09:00", ends: "12:00" } }],
      "Asia/Jakarta",
    );
    expect(shifts.map((shift) => [shift.officer, shift.startsAt.toISOString(), shift.exceptionId])).toEqual([
      ["a", "2026-12-07T01:00:00.000Z", null],
      ["b", "2026-12-08T02:00:00.000Z", 3],
    ]);
  });
});

describe("newPatternProblem", () => {
  it("names the counter of an overlapping shift of the same officer", async () => {
    const { newPatternProblem } = await import("./roster");
    expect(newPatternProblem(base, [{ ...base, starts: "11:00", ends: "15:00", counterName: "Loket 2" }])).toEqual({ reason: "overlap", counterName: "Loket 2" });
    expect(newPatternProblem(base, [{ ...base, starts: "12:00", ends: "15:00", counterName: "Loket 2" }])).toBeNull();
    expect(newPatternProblem({ ...base, ends: "07:00" }, [])).toEqual({ reason: "endsBeforeStarts" });
  });
});
