import { describe, expect, it } from "vitest";
import { formatDate, formatDay, formatDayRange, formatMonth, formatNumber, formatRupiah } from "./format";

describe("locale formatting", () => {
  it("writes Indonesian decimals with a comma and English with a point", () => {
    expect(formatNumber("id", 88.305, 2)).toBe("88,31");
    expect(formatNumber("en", 1234.5, 1)).toBe("1,234.5");
    expect(formatNumber("id", 1234.5, 1)).toBe("1.234,5");
  });
  it("writes dates in the reader's language", () => {
    expect(formatDate("id", "2026-08-17T03:00:00Z")).toBe("17 Agustus 2026");
    expect(formatDate("en", "2026-08-17T03:00:00Z")).toBe("17 August 2026");
  });
  it("writes rupiah without cents", () => {
    expect(formatRupiah("id", 50000).replace(/\s/g, " ")).toMatch(/^Rp\s?50\.000$/);
  });
  it("writes days, months and ranges as Indonesians do, never as ISO", () => {
    expect(formatDay("id", "2026-10-31")).toBe("31 Okt 2026");
    expect(formatDay("id", new Date("2026-10-31T17:30:00Z"), "Asia/Jakarta")).toBe("1 Nov 2026");
    expect(formatMonth("id", "2026-01")).toBe("Jan 2026");
    expect(formatDayRange("id", "2026-07-01", "2026-09-30")).toBe("1 Jul – 30 Sep 2026");
    expect(formatDayRange("id", "2025-12-01", "2026-01-30")).toBe("1 Des 2025 – 30 Jan 2026");
  });
});
