import { describe, expect, it } from "vitest";
import { officeSearchTerms } from "./office-search";

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
