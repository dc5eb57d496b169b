import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo";
import { signIn } from "~/data/users.server";
import { hitLimit, LIMITS } from "~/data/rate-limits.server";
import { freshDatabase, freshDemoDatabase } from "./database";

// Attacks on sign-in as an outside test ran them: parallel guesses, a locked account's answer time, spraying.
describe("sign-in under attack", async () => {
  const { db } = await freshDemoDatabase();
  const now = new Date("2026-11-23T02:00:00Z");
  let address = 0;
  const fresh = () => ({ clientAddress: `198.51.100.${++address}` });

  it("counts parallel guesses atomically: after 8 at once the right password is refused", async () => {
    const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(db, "moderator", `wrong-${i}`, now, fresh())));
    expect(guesses.every((result) => !result.ok)).toBe(true);
    expect((await signIn(db, "moderator", DEMO_PASSWORD, now, fresh())).ok).toBe(false);
    expect((await signIn(db, "moderator", DEMO_PASSWORD, new Date(now.getTime() + 15 * 60_000 + 1), fresh())).ok).toBe(true);
  });

  it("answers a locked account in about the time of a wrong password (the decoy hash is checked)", async () => {
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const timed = async (username: string) => {
      const start = performance.now();
      await signIn(db, username, "wrong-password", now, fresh());
      return performance.now() - start;
    };
    const open: number[] = [];
    for (let i = 0; i < 4; i++) open.push(await timed("petugas"));
    // petugas is now one attempt short of the lock; lock it and time the locked answers.
    await timed("petugas");
    const locked: number[] = [];
    for (let i = 0; i < 5; i++) locked.push(await timed("petugas"));
    expect(median(locked)).toBeGreaterThan(median(open) * 0.5);
  });

  it("limits sign-in attempts per address across accounts (password spraying)", async () => {
    const sprayer = { clientAddress: "203.0.113.99" };
    const answers = [];
    for (let i = 0; i < LIMITS.signIn.limit + 3; i++) answers.push(await signIn(db, `user-${i}`, "Password123", now, sprayer));
    expect(answers.slice(0, LIMITS.signIn.limit).every((answer) => !answer.ok && answer.reason === undefined)).toBe(true);
    expect(answers.slice(LIMITS.signIn.limit)).toEqual([{ ok: false, reason: "rate_limited" }, { ok: false, reason: "rate_limited" }, { ok: false, reason: "rate_limited" }]);
    // Right passwords do not use up the limit; another address is not affected.
    const office = { clientAddress: "203.0.113.101" };
    for (let i = 0; i < LIMITS.signIn.limit + 5; i++) expect((await signIn(db, "supervisor", DEMO_PASSWORD, now, office)).ok).toBe(true);
    expect((await signIn(db, "admin", DEMO_PASSWORD, now, { clientAddress: "203.0.113.100" })).ok).toBe(true);
  });
});

describe("the shared rate limiter", async () => {
  const { db } = await freshDatabase();
  const limit = { bucket: "test", limit: 60, windowSeconds: 600 };
  const at = new Date("2026-11-23T02:01:00Z");

  it("allows exactly the limit when many requests arrive at once", async () => {
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => hitLimit(db, limit, "198.51.100.7", at)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(60);
    const refused = outcomes.find((o) => !o.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBe(540);
  });

  it("keeps addresses and limits apart, starts again in the next window, and stores no address", async () => {
    expect((await hitLimit(db, limit, "198.51.100.8", at)).allowed).toBe(true);
    expect((await hitLimit(db, { ...limit, bucket: "other" }, "198.51.100.7", at)).allowed).toBe(true);
    expect((await hitLimit(db, limit, "198.51.100.7", new Date("2026-11-23T02:10:00Z"))).allowed).toBe(true);
    const keys = await db.selectFrom("rate_limits").select("key_hash").execute();
    expect(keys.every((row) => /^[0-9a-f]{32}$/.test(row.key_hash) && !row.key_hash.includes("198.51"))).toBe(true);
  });
});
