import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatRupiah } from "./format";

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
});
