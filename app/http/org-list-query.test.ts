import { describe, expect, it } from "vitest";
import { orgListQuery } from "./org-list-query";

const read = (search: string) => orgListQuery(new URLSearchParams(search), [4, 7]);

describe("the organisation lists' filters", () => {
  it.each([
    ["", { query: "", unitId: null, withRetired: false, page: 1 }],
    ["q=loket&unit=7&semua=1&halaman=3", { query: "loket", unitId: 7, withRetired: true, page: 3 }],
    ["unit=9", { query: "", unitId: null, withRetired: false, page: 1 }],
    ["unit=abc&semua=ya&halaman=-2", { query: "", unitId: null, withRetired: false, page: 1 }],
  ])("?%s", (search, expected) => {
    expect(read(search)).toEqual(expected);
  });
  it("keeps at most 100 characters of the words", () => {
    expect(read(`q=${"a".repeat(300)}`).query).toHaveLength(100);
  });
});
