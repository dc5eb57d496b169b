import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { LIMITS } from "~/data/rate-limits.server";
import { clientAddress } from "~/http/client-address";
import { freshDemoDatabase } from "./database";
import { serveRoutes } from "./route-harness";

// Every limit counts the client the trusted proxy saw, never the address a client writes into X-Forwarded-For.
describe("limits on the real client address", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);
  const tracking = await import("~/routes/pengaduan.lacak.$code");
  const forum = await import("~/routes/forum.$forumId");
  const server = await serveRoutes([
    { path: "/pengaduan/lacak/:code", module: tracking },
    { path: "/forum/:forumId", module: forum },
  ]);

  it("refuses tracking lookups after the limit even when each carries a fresh X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      // What the proxy passes on: the client's own header, then the address the proxy saw.
      statuses.push(await server.request("/pengaduan/lacak/ABCD-EFGH-J", { headers: { "X-Forwarded-For": `10.${i >> 8}.${i & 255}.1, 203.0.113.7` } }));
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(200 - LIMITS.tracking.limit);
    expect(statuses.slice(0, LIMITS.tracking.limit).every((status) => status !== 429)).toBe(true);
  });

  it("does not put clients without the header in one bucket", async () => {
    for (let i = 0; i < LIMITS.tracking.limit; i++) await server.request("/pengaduan/lacak/ABCD-EFGH-J", { from: "127.0.0.2" });
    expect(await server.request("/pengaduan/lacak/ABCD-EFGH-J", { from: "127.0.0.2" })).toBe(429);
    expect(await server.request("/pengaduan/lacak/ABCD-EFGH-J", { from: "127.0.0.3" })).not.toBe(429);
  });

  it("holds forum input to five an hour per address whatever X-Forwarded-For says", async () => {
    const open = await db.selectFrom("forums").select("id").orderBy("id").executeTakeFirstOrThrow();
    await db.updateTable("forums").set({ input_open: true, held_on: "2099-01-01" }).where("id", "=", open.id).execute();
    const before = await db.selectFrom("forum_items").select(db.fn.countAll<number>().as("n")).where("forum_id", "=", open.id).executeTakeFirstOrThrow();
    for (let i = 0; i < 12; i++) {
      await server.request(`/forum/${open.id}`, { headers: { "X-Forwarded-For": `10.1.1.${i}, 203.0.113.8` }, form: { body: `Antrean terlalu panjang ${i}` } });
    }
    const after = await db.selectFrom("forum_items").select(db.fn.countAll<number>().as("n")).where("forum_id", "=", open.id).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(5);
  });

  it("walks X-Forwarded-For from the proxy back to the first untrusted hop", () => {
    const loopback = (address: string) => address.startsWith("127.");
    expect(clientAddress("203.0.113.7", "10.0.0.1", loopback)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "198.51.100.1, 203.0.113.7", loopback)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "198.51.100.1, 127.0.0.1", loopback)).toBe("198.51.100.1");
    expect(clientAddress("127.0.0.1", undefined, loopback)).toBe("127.0.0.1");
  });
});
