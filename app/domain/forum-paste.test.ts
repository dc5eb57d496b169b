import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanLine, MAX_PASTE_LINES, parsePaste } from "./forum-paste";

describe("cleanLine", () => {
  it.each([
    ["- Antrean KTP terlalu lama", "Antrean KTP terlalu lama"],
    ["• petugas ramah", "petugas ramah"],
    ["12. Biaya fotokopi dipungut", "Biaya fotokopi dipungut"],
    ["3) Parkir sempit", "Parkir sempit"],
    ["  a. ruang tunggu panas  ", "ruang tunggu panas"],
    ["2026 anggaran naik", "2026 anggaran naik"],
    ["-5 derajat", "-5 derajat"],
  ])("%j becomes %j", (line, expected) => {
    expect(cleanLine(line)).toBe(expected);
  });
});

describe("parsePaste", () => {
  it("keeps one input per non-blank line, in order", () => {
    expect(parsePaste("- satu\n\n  \r\n2. dua\rtiga")).toEqual({ kind: "ok", items: ["satu", "dua", "tiga"] });
  });

  it("says a paste of blank lines is empty", () => {
    expect(parsePaste("\n \n- \n")).toEqual({ kind: "empty" });
  });

  it("refuses 5,000 lines whole, naming the limit", () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `masukan ${i}`).join("\n");
    expect(parsePaste(text)).toEqual({ kind: "tooManyLines", lines: 5_000, limit: MAX_PASTE_LINES });
  });

  it("accepts exactly the limit", () => {
    const text = Array.from({ length: MAX_PASTE_LINES }, (_, i) => `masukan ${i}`).join("\n");
    const result = parsePaste(text);
    expect(result.kind === "ok" && result.items.length).toBe(MAX_PASTE_LINES);
  });

  it("names the lines over 2,000 characters", () => {
    expect(parsePaste(`pendek\n${"a".repeat(2_001)}\nlagi`)).toEqual({ kind: "tooLong", lineNumbers: [2], limit: 2_000 });
  });

  it("never yields an empty or untrimmed input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parsePaste(text);
        if (result.kind !== "ok") return;
        for (const item of result.items) {
          expect(item.length).toBeGreaterThan(0);
          expect(item).toBe(item.trim());
        }
      }),
    );
  });
});
