import { describe, expect, it } from "vitest";
import { pageOf, pageParam } from "./paging";

describe("paging", () => {
  const items = Array.from({ length: 120 }, (_, i) => i + 1);
  it("cuts pages of the given size and counts them", () => {
    expect(pageOf(items, 1, 50)).toMatchObject({ total: 120, page: 1, pageCount: 3 });
    expect(pageOf(items, 3, 50).rows).toEqual(items.slice(100));
  });
  it("shows the last page for a page past the end, and one empty page for nothing", () => {
    expect(pageOf(items, 9, 50).page).toBe(3);
    expect(pageOf([], 2, 50)).toMatchObject({ rows: [], page: 1, pageCount: 1 });
  });
  it("reads the page parameter defensively", () => {
    expect(pageParam("2")).toBe(2);
    expect(pageParam("0")).toBe(1);
    expect(pageParam("-3")).toBe(1);
    expect(pageParam("x")).toBe(1);
    expect(pageParam(null)).toBe(1);
  });
});
