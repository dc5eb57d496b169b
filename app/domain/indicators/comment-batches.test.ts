import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { batchComments, MIN_BATCH } from "./comment-batches";

describe("comment batches for an officer", () => {
  it("holds back comments until five ratings have gathered, across weeks", () => {
    const result = batchComments([
      { week: "2026-11-02", comment: "ramah" },
      { week: "2026-11-02", comment: null },
      { week: "2026-11-09", comment: "lambat" },
      { week: "2026-11-09", comment: null },
      { week: "2026-11-16", comment: "antre lama" },
      { week: "2026-11-23", comment: "baik" },
    ]);
    expect(result.batches).toEqual([{ fromWeek: "2026-11-02", toWeek: "2026-11-16", ratings: 5, comments: ["antre lama", "lambat", "ramah"] }]);
    expect(result.withheld).toBe(1);
  });

  it("shows nothing from three ratings", () => {
    expect(batchComments([{ week: "2026-11-02", comment: "x" }, { week: "2026-11-02", comment: "y" }, { week: "2026-11-09", comment: "z" }])).toEqual({ batches: [], withheld: 3 });
  });

  it("never releases a batch of fewer than five ratings and never loses or invents a comment", () => {
    const rating = fc.record({ week: fc.constantFrom("2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"), comment: fc.option(fc.string({ minLength: 1 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 40 }), (ratings) => {
        const { batches, withheld } = batchComments(ratings);
        for (const batch of batches) expect(batch.ratings).toBeGreaterThanOrEqual(MIN_BATCH);
        const shown = batches.reduce((total, batch) => total + batch.comments.length, 0);
        expect(shown + withheld).toBe(ratings.filter((r) => r.comment).length);
      }),
    );
  });
});
