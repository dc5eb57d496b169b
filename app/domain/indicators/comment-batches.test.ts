import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { batchComments, MIN_BATCH, weekOf } from "./comment-batches";

const c = (week: string, comment: string) => ({ week, comment });

describe("comment batches for an officer", () => {
  it("releases nothing from the week in progress, however many comments it holds", () => {
    const six = ["a", "b", "c", "d", "e", "f"].map((text) => c("2026-11-30", text));
    expect(batchComments(six, "2026-11-30")).toEqual({ batches: [], waiting: 6 });
  });

  it("releases ended weeks once they hold five comments, and counts the rest as waiting", () => {
    const result = batchComments(
      [c("2026-11-02", "ramah"), c("2026-11-09", "lambat"), c("2026-11-09", "bersih"), c("2026-11-16", "antre lama"), c("2026-11-16", "baik"), c("2026-11-23", "sopan"), c("2026-11-30", "cepat")],
      "2026-11-30",
    );
    expect(result.batches).toEqual([{ fromWeek: "2026-11-02", toWeek: "2026-11-16", comments: ["antre lama", "baik", "bersih", "lambat", "ramah"] }]);
    expect(result.waiting).toBe(2);
  });

  it("counts comments, not ratings: four comments among many ratings stay waiting", () => {
    expect(batchComments([c("2026-11-02", "x"), c("2026-11-02", "y"), c("2026-11-09", "z"), c("2026-11-09", "w")], "2026-12-07")).toEqual({ batches: [], waiting: 4 });
  });

  it("never adds to a released batch: a new week's comments start a new batch or wait", () => {
    const first = [..."abcde"].map((text) => c("2026-11-02", text));
    const before = batchComments(first, "2026-11-09");
    const after = batchComments([...first, c("2026-11-09", "f")], "2026-11-16");
    expect(after.batches).toEqual(before.batches);
    expect(after.waiting).toBe(1);
  });

  it("finds Monday for any day", () => {
    expect(weekOf("2026-12-04")).toBe("2026-11-30");
    expect(weekOf("2026-11-30")).toBe("2026-11-30");
    expect(weekOf("2026-12-06")).toBe("2026-11-30");
    expect(weekOf("2027-01-01")).toBe("2026-12-28");
  });

  it("never releases fewer than five, never a week in progress, never loses or invents a comment, and keeps released batches as comments arrive", () => {
    const weeks = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"];
    const item = fc.record({ week: fc.constantFrom(...weeks), comment: fc.string({ minLength: 1 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.constantFrom(...weeks), (comments, current) => {
        const { batches, waiting } = batchComments(comments, current);
        for (const batch of batches) {
          expect(batch.comments.length).toBeGreaterThanOrEqual(MIN_BATCH);
          expect(batch.toWeek < current).toBe(true);
        }
        expect(batches.reduce((total, batch) => total + batch.comments.length, 0) + waiting).toBe(comments.length);
        // A week later, with this week's comments and new ones in the new week, every batch released now stays.
        const next = weeks[weeks.indexOf(current) + 1];
        if (next) {
          const later = batchComments([...comments.filter((x) => x.week <= current), c(next, "baru")], next);
          expect(later.batches.slice(0, batches.length)).toEqual(batches.filter(() => true));
        }
      }),
    );
  });
});
