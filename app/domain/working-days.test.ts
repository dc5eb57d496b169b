import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  createHolidayCalendar,
  dueStatus,
  endOfLocalDay,
  startOfLocalDay,
  isIsoDate,
  isWorkingDay,
  localDateOf,
  NO_HOLIDAYS,
  workingDaysBetween,
} from "./working-days";

// Written out here (not imported from holidays-id.ts) so these tests do not move when the seed list does.
const calendar = createHolidayCalendar([
  "2026-01-01", // Tahun Baru
  "2026-01-16", // Isra Mikraj (Friday)
  "2026-03-18", // cuti bersama Nyepi
  "2026-03-19", // Nyepi
  "2026-03-20", // cuti bersama Idulfitri
  "2026-03-21", // Idulfitri (Saturday)
  "2026-03-22", // Idulfitri (Sunday)
  "2026-03-23", // cuti bersama Idulfitri
  "2026-03-24", // cuti bersama Idulfitri
  "2026-04-03", // Wafat Yesus Kristus
  "2026-12-24", // cuti bersama Natal
  "2026-12-25", // Natal
  "2027-01-01", // Tahun Baru
]);

/** An instant given as local WIB wall-clock time (UTC+7). */
function wib(localDateTime: string): Date {
  return new Date(`${localDateTime}+07:00`);
}

/** The end of a WIB calendar day, as the instant addWorkingDays returns. */
function endOfWibDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+07:00`);
}

describe("isWorkingDay", () => {
  it.each([
    ["2026-01-05", true, "an ordinary Monday"],
    ["2026-01-10", false, "a Saturday"],
    ["2026-01-11", false, "a Sunday"],
    ["2026-01-16", false, "a national holiday on a Friday"],
    ["2026-03-23", false, "collective leave (cuti bersama)"],
    ["2026-12-24", false, "Christmas Eve collective leave"],
    ["2026-12-31", true, "New Year's Eve, a Thursday"],
    ["2027-01-01", false, "New Year's Day"],
  ])("%s is %s (%s)", (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });
});

describe("addWorkingDays: the submission day never counts; due at the end of the n-th working day after", () => {
  it.each([
    ["Monday morning, 3 days", wib("2026-01-05T10:00"), 3, "2026-01-08"],
    ["Thursday, 1 day, over a Friday holiday and a weekend", wib("2026-01-15T09:00"), 1, "2026-01-19"],
    ["submitted on a holiday, 1 day", wib("2026-01-16T10:00"), 1, "2026-01-19"],
    ["submitted on a holiday, 3 days", wib("2026-01-16T10:00"), 3, "2026-01-21"],
    ["submitted on a Saturday, 1 day", wib("2026-01-10T09:00"), 1, "2026-01-12"],
    ["Friday evening WIB (Friday midday UTC), 1 day", wib("2026-01-09T19:00"), 1, "2026-01-12"],
    ["Friday evening WIB, 5 days", wib("2026-01-09T19:00"), 5, "2026-01-19"],
    ["Wednesday before cuti bersama and Natal, 3 days", wib("2026-12-23T10:00"), 3, "2026-12-30"],
    ["Wednesday before Natal, 5 days, across New Year", wib("2026-12-23T10:00"), 5, "2027-01-04"],
    ["New Year's Eve, 1 day", wib("2026-12-31T16:00"), 1, "2027-01-04"],
    ["Nyepi and Idulfitri week, 10 days", wib("2026-03-16T10:00"), 10, "2026-04-07"],
    ["zero days: the end of the submission day", wib("2026-01-05T10:00"), 0, "2026-01-05"],
  ])("%s", (_label, start, days, dueDate) => {
    expect(addWorkingDays(start, days, calendar)).toEqual(endOfWibDay(dueDate));
  });

  it("counts from the Jakarta day, not the UTC day: 01:00 WIB Wednesday is still Tuesday in UTC", () => {
    const start = new Date("2026-01-13T18:00:00Z"); // Wednesday 01:00 WIB
    expect(localDateOf(start)).toBe("2026-01-14");
    expect(addWorkingDays(start, 1, calendar)).toEqual(endOfWibDay("2026-01-15"));
    expect(addWorkingDays(start, 1, calendar, "UTC")).toEqual(new Date("2026-01-14T23:59:59.999Z"));
  });

  it("uses the agency's zone: 23:30 WIB Tuesday is already Wednesday in WITA and WIT", () => {
    const start = new Date("2026-01-13T16:30:00Z");
    expect(addWorkingDays(start, 1, calendar, "Asia/Jakarta")).toEqual(new Date("2026-01-14T16:59:59.999Z"));
    expect(addWorkingDays(start, 1, calendar, "Asia/Makassar")).toEqual(new Date("2026-01-15T15:59:59.999Z"));
    expect(addWorkingDays(start, 1, calendar, "Asia/Jayapura")).toEqual(new Date("2026-01-15T14:59:59.999Z"));
  });

  it("refuses a negative or fractional number of days", () => {
    expect(() => addWorkingDays(wib("2026-01-05T10:00"), -1, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays(wib("2026-01-05T10:00"), 1.5, calendar)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it.each([
    ["same day", wib("2026-01-05T08:00"), wib("2026-01-05T17:00"), 0],
    ["Friday evening to Monday morning", wib("2026-01-09T19:00"), wib("2026-01-12T08:00"), 1],
    ["Friday to Sunday", wib("2026-01-09T19:00"), wib("2026-01-11T12:00"), 0],
    ["across Natal and New Year", wib("2026-12-23T10:00"), wib("2027-01-04T10:00"), 5],
    ["backwards", wib("2026-01-12T10:00"), wib("2026-01-05T10:00"), 0],
  ])("%s", (_label, from, to, expected) => {
    expect(workingDaysBetween(from, to, calendar)).toBe(expected);
  });

  it("is the inverse of addWorkingDays", () => {
    const instant = fc.date({
      min: new Date("2025-06-01T00:00:00Z"),
      max: new Date("2027-06-30T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), (start, days) => {
        const due = addWorkingDays(start, days, calendar);
        expect(workingDaysBetween(start, due, calendar)).toBe(days);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
        if (days > 0) expect(isWorkingDay(localDateOf(due), calendar)).toBe(true);
      }),
    );
  });
});

describe("dueStatus", () => {
  const due = endOfWibDay("2026-01-12");
  it.each([
    ["the day before", wib("2026-01-11T20:00"), "ok"],
    ["the morning of the due day", wib("2026-01-12T08:00"), "due_today"],
    ["the due instant itself", due, "due_today"],
    ["one millisecond after", new Date(due.getTime() + 1), "late"],
    ["the next morning", wib("2026-01-13T08:00"), "late"],
  ] as const)("%s is %s", (_label, now, expected) => {
    expect(dueStatus(due, now)).toBe(expected);
  });
});

describe("calendar-day helpers", () => {
  it("recognises real dates only", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-1-05")).toBe(false);
  });

  it("adds and subtracts calendar days across month and year ends", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(calendarDaysBetween("2026-12-25", "2027-01-01")).toBe(7);
  });

  it("ends a WIB day at 16:59:59.999 UTC", () => {
    expect(endOfLocalDay("2026-01-05")).toEqual(new Date("2026-01-05T16:59:59.999Z"));
  });

  it("starts a day at local midnight: 17:00 UTC the day before in WIB, 15:00 in WIT", () => {
    expect(startOfLocalDay("2026-01-05")).toEqual(new Date("2026-01-04T17:00:00.000Z"));
    expect(startOfLocalDay("2026-01-05", "Asia/Jayapura")).toEqual(new Date("2026-01-04T15:00:00.000Z"));
    expect(startOfLocalDay("2026-03-01")).toEqual(new Date("2026-02-28T17:00:00.000Z"));
  });

  it("ends a day correctly in a zone with daylight saving", () => {
    expect(endOfLocalDay("2026-03-29", "Europe/Amsterdam")).toEqual(new Date("2026-03-29T21:59:59.999Z"));
  });

  it("refuses a malformed holiday date", () => {
    expect(() => createHolidayCalendar(["2026-13-01"])).toThrow(RangeError);
  });

  it("treats only weekends as days off without a calendar", () => {
    expect(isWorkingDay("2026-01-01", NO_HOLIDAYS)).toBe(true);
  });
});
