import { describe, expect, it } from "vitest";
import { StatementBatcher } from "./statement-batcher";

/** A fake statement that records each batch and answers when released. */
function recorder(fail: (item: string) => boolean = () => false) {
  const batches: string[][] = [];
  const pending: (() => void)[] = [];
  const run = (items: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push(items);
      pending.push(() => (items.some(fail) ? reject(new Error("bad item")) : resolve(items.map((item) => `stored ${item}`))));
    });
  const releaseAll = async () => {
    while (pending.length > 0) {
      pending.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, run, releaseAll };
}

describe("StatementBatcher", () => {
  it("sends a lone item at once, and what arrives meanwhile together in the next batch", async () => {
    const db = recorder();
    const batcher = new StatementBatcher(db.run, { maxInFlight: 1, maxBatch: 64 });
    const answers = ["a", "b", "c", "d"].map((item) => batcher.submit(item));
    expect(db.batches).toEqual([["a"]]);
    await db.releaseAll();
    expect(await Promise.all(answers)).toEqual(["stored a", "stored b", "stored c", "stored d"]);
    expect(db.batches).toEqual([["a"], ["b", "c", "d"]]);
  });

  it("answers no one before their own batch has returned", async () => {
    const db = recorder();
    const batcher = new StatementBatcher(db.run, { maxInFlight: 1, maxBatch: 64 });
    let answered = false;
    void batcher.submit("a").then(() => (answered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    await db.releaseAll();
    expect(answered).toBe(true);
  });

  it("keeps items with the same key apart and caps a batch's size", async () => {
    const db = recorder();
    const batcher = new StatementBatcher(db.run, { maxInFlight: 1, maxBatch: 2, key: (item: string) => item[0]! });
    const answers = ["x1", "y1", "x2", "z1", "y2"].map((item) => batcher.submit(item));
    await db.releaseAll();
    await Promise.all(answers);
    expect(db.batches).toEqual([["x1"], ["y1", "x2"], ["z1", "y2"]]);
  });

  it("fails only the bad item of a batch; its neighbours are written alone", async () => {
    const db = recorder((item) => item === "bad");
    const batcher = new StatementBatcher(db.run, { maxInFlight: 1, maxBatch: 64 });
    const first = batcher.submit("first");
    const rest = ["good", "bad", "fine"].map((item) => batcher.submit(item).then((value) => value, (error: Error) => error.message));
    await db.releaseAll();
    expect(await first).toBe("stored first");
    expect(await Promise.all(rest)).toEqual(["stored good", "bad item", "stored fine"]);
  });
});
