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

  it("hides a comment removed after its batch was released, keeping the batch where it was", () => {
    const first = [..."abcde"].map((text) => c("2026-11-02", text));
    const later = [..."fghij"].map((text) => c("2026-11-09", text));
    const before = batchComments([...first, ...later], "2026-11-16");
    // A contest upheld in the week after release removes "a": the first batch shows four, the second is unchanged.
    const after = batchComments([{ ...first[0]!, removedWeek: "2026-11-09" }, ...first.slice(1), ...later], "2026-11-16");
    expect(after.batches.map(({ fromWeek, toWeek }) => [fromWeek, toWeek])).toEqual(before.batches.map(({ fromWeek, toWeek }) => [fromWeek, toWeek]));
    expect(after.batches[0]!.comments).toEqual(["b", "c", "d", "e"]);
    expect(after.batches[1]).toEqual(before.batches[1]);
  });

  it("does not count a comment removed before its batch was released", () => {
    const week = [..."abcde"].map((text) => c("2026-11-02", text));
    const result = batchComments([{ ...week[0]!, removedWeek: "2026-11-02" }, ...week.slice(1)], "2026-11-16");
    expect(result).toEqual({ batches: [], waiting: 4 });
  });

  it("finds Monday for any day", () => {
    expect(weekOf("2026-12-04")).toBe("2026-11-30");
    expect(weekOf("2026-11-30")).toBe("2026-11-30");
    expect(weekOf("2026-12-06")).toBe("2026-11-30");
    expect(weekOf("2027-01-01")).toBe("2026-12-28");
  });

  it("never releases fewer than five, never a week in progress, never loses or invents a comment, and keeps released batches as comments arrive and leave", () => {
    const weeks = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09"];
    const item = fc.record({ week: fc.constantFrom(...weeks.slice(0, -1)), comment: fc.string({ minLength: 1 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.constantFrom(...weeks.slice(0, -1)), fc.array(fc.nat(), { maxLength: 8 }), (all, current, removals) => {
        // What exists at `current`: comments that joined up to this week.
        const comments = all.filter((x) => x.week <= current);
        const { batches, waiting } = batchComments(comments, current);
        for (const batch of batches) {
          expect(batch.comments.length).toBeGreaterThanOrEqual(MIN_BATCH);
          expect(batch.toWeek < current).toBe(true);
        }
        expect(batches.reduce((total, batch) => total + batch.comments.length, 0) + waiting).toBe(comments.length);
        // A week later: new comments join in the new week, and some comments are removed during it.
        const next = weeks[weeks.indexOf(current) + 1]!;
        const removed = new Set(removals.map((n) => n % Math.max(1, comments.length)));
        const later = [...comments.map((x, i) => (removed.has(i) ? { ...x, removedWeek: next } : x)), c(next, "baru")];
        const again = batchComments(later, next);
        for (const [i, batch] of batches.entries()) {
          const now = again.batches[i]!;
          expect([now.fromWeek, now.toWeek]).toEqual([batch.fromWeek, batch.toWeek]);
          // A released batch only ever loses comments, never gains one.
          const left = [...batch.comments];
          for (const text of now.comments) {
            const at = left.indexOf(text);
            expect(at).toBeGreaterThanOrEqual(0);
            left.splice(at, 1);
          }
        }
        expect(again.batches.flatMap((batch) => batch.comments)).not.toContain("baru");
      }),
    );
  });
});
