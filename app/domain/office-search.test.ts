import { describe, expect, it } from "vitest";
import { MAX_SEARCH_NAMES, officeSearchTerms, parseSearchNames } from "./office-search";

describe("officeSearchTerms", () => {
  it.each([
    ["", []],
    ["   ", []],
    ["Dukcapil", [["dukcapil", "kependudukan"]]],
    ["DISDUKCAPIL", [["disdukcapil", "kependudukan"]]],
    ["capil", [["capil", "pencatatan sipil"]]],
    ["Dinkes", [["dinkes", "kesehatan"]]],
    ["puskesmas Pandan", [["puskesmas"], ["pandan"]]],
    ["dukcapil  pariaman", [["dukcapil", "kependudukan"], ["pariaman"]]],
  ])("%j → %j", (query, terms) => {
    expect(officeSearchTerms(query)).toEqual(terms);
  });

  it("reads at most six words", () => {
    expect(officeSearchTerms("a b c d e f g h")).toHaveLength(6);
  });
});

describe("parseSearchNames", () => {
  it.each([
    ["", []],
    ["Mal Pelayanan Publik", ["Mal Pelayanan Publik"]],
    [" Mal  Pelayanan , capil pandan;KANTOR BIRU\nKantor biru,, ", ["Mal Pelayanan", "capil pandan", "KANTOR BIRU"]],
  ])("%j → %j", (text, names) => {
    expect(parseSearchNames(text)).toEqual({ ok: true, names });
  });

  it("refuses a name over 80 characters and more than the maximum of names", () => {
    expect(parseSearchNames(`Pendek, ${"a".repeat(81)}`)).toEqual({ ok: false, refusal: "tooLong" });
    expect(parseSearchNames("a".repeat(80))).toEqual({ ok: true, names: ["a".repeat(80)] });
    const names = Array.from({ length: MAX_SEARCH_NAMES + 1 }, (_, i) => `Nama ${i}`);
    expect(parseSearchNames(names.slice(0, -1).join(", "))).toMatchObject({ ok: true });
    expect(parseSearchNames(names.join(", "))).toEqual({ ok: false, refusal: "tooMany" });
  });
});
