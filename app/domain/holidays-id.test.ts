import { describe, expect, it } from "vitest";
import {
  INDONESIAN_HOLIDAYS,
  INDONESIAN_HOLIDAYS_2026,
  INDONESIAN_HOLIDAYS_2027,
  indonesianHolidayCalendar,
} from "./holidays-id";
import { dayOfWeek, isIsoDate, isWorkingDay } from "./working-days";

describe("Indonesian holiday seed list", () => {
  it("holds real dates, in order, each once", () => {
    const dates = INDONESIAN_HOLIDAYS.map((holiday) => holiday.date);
    expect(dates.every(isIsoDate)).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it("has the 17 national holidays and 8 collective-leave days of the 2026 SKB, none estimated", () => {
    const count = (kind: string) => INDONESIAN_HOLIDAYS_2026.filter((holiday) => holiday.kind === kind).length;
    expect(count("libur_nasional")).toBe(17);
    expect(count("cuti_bersama")).toBe(8);
    expect(INDONESIAN_HOLIDAYS_2026.some((holiday) => holiday.estimated)).toBe(false);
  });

  it("keeps each year's entries in that year", () => {
    expect(INDONESIAN_HOLIDAYS_2026.every((holiday) => holiday.date.startsWith("2026-"))).toBe(true);
    expect(INDONESIAN_HOLIDAYS_2027.every((holiday) => holiday.date.startsWith("2027-"))).toBe(true);
  });

  it("marks 2027 lunar holidays and all 2027 cuti bersama as estimates, fixed-date ones as certain", () => {
    const byDate = new Map(INDONESIAN_HOLIDAYS_2027.map((holiday) => [holiday.date, holiday]));
    expect(byDate.get("2027-03-10")?.estimated).toBe(true); // Idulfitri
    expect(byDate.get("2027-08-17")?.estimated).toBe(false); // Proklamasi
    expect(byDate.get("2027-03-26")?.estimated).toBe(false); // Good Friday, from Easter
    expect(
      INDONESIAN_HOLIDAYS_2027.filter((holiday) => holiday.kind === "cuti_bersama").every(
        (holiday) => holiday.estimated,
      ),
    ).toBe(true);
  });

  it.each([
    ["2026-01-01", 4],
    ["2026-03-21", 6],
    ["2026-12-24", 4],
    ["2026-12-25", 5],
    ["2027-01-01", 5],
  ])("%s falls on the weekday the SKB prints (%i)", (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it("builds a working-day calendar, optionally without the estimates", () => {
    expect(isWorkingDay("2026-12-24", indonesianHolidayCalendar())).toBe(false);
    expect(isWorkingDay("2027-03-10", indonesianHolidayCalendar())).toBe(false);
    expect(isWorkingDay("2027-03-10", indonesianHolidayCalendar({ confirmedOnly: true }))).toBe(true);
  });
});
