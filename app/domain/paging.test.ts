import { describe, expect, it } from "vitest";
import { pageFromDatabase, pageOf, pageParam, pageWindow } from "./paging";

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

describe("pages counted in the database", () => {
  it("clamps the page and skips the rows before it", () => {
    expect(pageWindow(120, 2, 50)).toEqual({ page: 2, pageCount: 3, offset: 50 });
    expect(pageWindow(120, 9, 50)).toEqual({ page: 3, pageCount: 3, offset: 100 });
    expect(pageWindow(0, 4, 50)).toEqual({ page: 1, pageCount: 1, offset: 0 });
  });
  it("asks for the rows of the page only", async () => {
    const asked: [number, number][] = [];
    const paged = await pageFromDatabase(3, 50, async () => 120, async (limit, offset) => (asked.push([limit, offset]), [offset]));
    expect(asked).toEqual([[50, 100]]);
    expect(paged).toEqual({ rows: [100], total: 120, page: 3, pageCount: 3, pageSize: 50 });
  });
});
