import { describe, expect, it } from "vitest";
import { formatForumDay, formatShortDay, formatStartTime, parseStartTime } from "./forum-day";

describe("forum days", () => {
  it("names the weekday in Indonesian and English, whatever the server's zone", () => {
    expect(formatForumDay("id", "2026-11-23")).toBe("Senin, 23 November 2026");
    expect(formatForumDay("en", "2026-11-23")).toBe("Monday, 23 November 2026");
    expect(formatShortDay("id", "2026-01-05")).toBe("5 Jan 2026");
  });
});

describe("parseStartTime", () => {
  it.each([
    ["09.00", "09:00"],
    ["9.00", "09:00"],
    ["09:30", "09:30"],
    ["pukul 13.15 WIB", "13:15"],
    [" 8:05 ", "08:05"],
  ])("reads %s as %s", (text, expected) => {
    expect(parseStartTime(text)).toBe(expected);
  });

  it.each(["24.00", "09.60", "jam sembilan", "0900", ""])("refuses %s", (text) => {
    expect(parseStartTime(text)).toBeNull();
  });

  it("prints what it reads back in the Indonesian form, which it reads again", () => {
    expect(formatStartTime("id", "09:00")).toBe("09.00");
    expect(parseStartTime(formatStartTime("id", "09:00"))).toBe("09:00");
    expect(formatStartTime("en", "09:00")).toBe("09:00");
  });
});
