import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "./redirect";

describe("redirect targets after sign-in or a language switch", () => {
  it("keeps a path on this site", () => {
    expect(safeRedirectTarget("/staf?x=1")).toBe("/staf?x=1");
    expect(safeRedirectTarget("/staf/indikator/3?periode=bulan#tabel")).toBe("/staf/indikator/3?periode=bulan#tabel");
  });

  it("refuses other sites and falls back", () => {
    for (const target of ["//evil.example", "https://evil.example", "/\\evil.example", "", null, "staf"]) {
      expect(safeRedirectTarget(target, "/staf")).toBe("/staf");
    }
  });

  it("refuses paths a browser resolves to another site, and control characters", () => {
    for (const target of ["/%09/evil.example", "/\t/evil.example", "/%2F/evil.example", "/%5Cevil.example", "/staf\nSet-Cookie: x=1", "/staf%0d%0aX: y", "/%E0%A4%A", "/\u0000"]) {
      expect(safeRedirectTarget(target, "/staf")).toBe("/staf");
    }
  });

  it("never answers anything a browser would take to another origin, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `/${s}`), fc.webUrl(), fc.string().map((s) => `/${encodeURIComponent(s)}`)), (input) => {
        const target = safeRedirectTarget(input, "/staf");
        expect(new URL(target, "https://portal.example").origin).toBe("https://portal.example");
        expect(target).not.toMatch(/[\u0000-\u001f\u007f]/);
      }),
    );
    // Generating URLs is slow on a busy machine; the property, not the clock, is under test.
  }, 30_000);
});
