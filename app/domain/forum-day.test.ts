import { describe, expect, it } from "vitest";
import { formatForumDay, formatShortDay } from "./forum-day";

describe("forum days", () => {
  it("names the weekday in Indonesian and English, whatever the server's zone", () => {
    expect(formatForumDay("id", "2026-11-23")).toBe("Senin, 23 November 2026");
    expect(formatForumDay("en", "2026-11-23")).toBe("Monday, 23 November 2026");
    expect(formatShortDay("id", "2026-01-05")).toBe("5 Jan 2026");
  });
});
