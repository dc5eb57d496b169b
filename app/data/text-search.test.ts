import { describe, expect, it } from "vitest";
import { containing, searchWords } from "./text-search.server";

describe("search boxes", () => {
  it("split what was typed into at most six lower-case words", () => {
    expect(searchWords("  Loket   KTP-el ")).toEqual(["loket", "ktp-el"]);
    expect(searchWords("")).toEqual([]);
    expect(searchWords("a b c d e f g h")).toHaveLength(6);
  });
  it("take LIKE's wildcards as typed", () => {
    expect(containing("50%_off\\")).toBe("%50\\%\\_off\\\\%");
    expect(containing("antrean")).toBe("%antrean%");
  });
});
