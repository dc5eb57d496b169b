import { afterAll, describe, expect, it, vi } from "vitest";
import { createDatabase } from "../../db/connect";
import { freshDemoDatabase } from "./database";

// Several app processes behind a load balancer: each holds its own memory and its own pool. Two copies of the
// modules (each with its own counter cache) and two pools stand for two processes; what one changes, the other
// must not keep serving.
describe("the counter-code cache across processes", async () => {
  const { db, url } = await freshDemoDatabase();
  const poolA = createDatabase(url, 2);
  const poolB = createDatabase(url, 2);
  afterAll(async () => {
    await poolA.destroy();
    await poolB.destroy();
  });
  async function processModules() {
    vi.resetModules();
    return { ratings: await import("~/data/ratings.server"), counters: await import("~/data/org-admin/counters.server") };
  }
  const a = await processModules();
  const b = await processModules();
  const actor = (await db.selectFrom("users").select("id").where("username", "=", "admin").executeTakeFirstOrThrow()).id;
  const counters = await db.selectFrom("counters").select(["id", "public_code", "name"]).where("retired_at", "is", null).orderBy("id").limit(3).execute();

  it("keeps the two caches apart (the copies really are two processes' memories)", () => {
    expect(a.ratings.counterByCode).not.toBe(b.ratings.counterByCode);
  });

  it("stops serving a code on process A once process B gave the counter a new code", async () => {
    const counter = counters[0]!;
    expect((await a.ratings.counterByCode(poolA, counter.public_code))?.id).toBe(counter.id);
    const outcome = await b.counters.regenerateCounterCode(poolB, actor, counter.id);
    if (!outcome.ok || !outcome.code) throw new Error("no new code");
    expect(await a.ratings.counterByCode(poolA, counter.public_code)).toBeUndefined();
    expect((await a.ratings.counterByCode(poolA, outcome.code))?.id).toBe(counter.id);
  });

  it("stops serving a retired counter on process A, and serves a rename at once", async () => {
    const [, renamed, retired] = counters;
    expect((await a.ratings.counterByCode(poolA, renamed!.public_code))?.name).toBe(renamed!.name);
    expect((await a.ratings.counterByCode(poolA, retired!.public_code))?.id).toBe(retired!.id);
    await poolB.updateTable("counters").set({ name: "Loket Baru" }).where("id", "=", renamed!.id).execute();
    await b.counters.retireCounter(poolB, actor, retired!.id, new Date());
    expect((await a.ratings.counterByCode(poolA, renamed!.public_code))?.name).toBe("Loket Baru");
    expect(await a.ratings.counterByCode(poolA, retired!.public_code)).toBeUndefined();
  });

  it("answers from memory while nothing changed (one version read, no second lookup)", async () => {
    const counter = counters[1]!;
    const first = await a.ratings.counterByCode(poolA, counter.public_code);
    expect(await a.ratings.counterByCode(poolA, counter.public_code)).toBe(first);
  });
});
