import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "./redirect";

describe("redirect targets after sign-in or a language switch", () => {
  it("keeps a path on this site", () => {
    expect(safeRedirectTarget("/staf?x=1")).toBe("/staf?x=1");
  });
  it("refuses other sites and falls back", () => {
    for (const target of ["//evil.example", "https://evil.example", "/\\evil.example", "", null]) {
      expect(safeRedirectTarget(target, "/staf")).toBe("/staf");
    }
  });
});
