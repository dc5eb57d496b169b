import { describe, expect, it } from "vitest";
import { averagePoints, BERAKHLAK_VALUES, isBerakhlakValue, isRating, ratingOfAverage } from "./berakhlak";

describe("BerAKHLAK values and ratings", () => {
  it("has the seven core values", () => {
    expect(BERAKHLAK_VALUES).toHaveLength(7);
    expect(isBerakhlakValue("akuntabel")).toBe(true);
    expect(isBerakhlakValue("jujur")).toBe(false);
  });

  it("accepts only the three ratings", () => {
    expect(["di_atas", "sesuai", "di_bawah", "baik", ""].map(isRating)).toEqual([true, true, true, false, false]);
  });

  it.each([
    [3, "di_atas"],
    [2.5, "di_atas"],
    [2.49, "sesuai"],
    [1.5, "sesuai"],
    [1.49, "di_bawah"],
    [1, "di_bawah"],
  ] as const)("reads a mean of %s points as %s", (average, rating) => {
    expect(ratingOfAverage(average)).toBe(rating);
  });

  it("averages points, and has no average without ratings", () => {
    expect(averagePoints(["di_atas", "di_bawah"])).toBe(2);
    expect(averagePoints([])).toBeNull();
  });
});
