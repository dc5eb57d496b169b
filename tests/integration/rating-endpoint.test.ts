import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { clientAddress } from "~/http/client-address";
import { handleRatingPost } from "~/http/rating-api.server";
import { freshDemoDatabase } from "./database";

// POST /api/ratings/<code> as the production server answers it: node:http, ahead of the framework.
describe("the rating endpoint", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  const counter = await db
    .selectFrom("counters")
    .select(["id", "public_code"])
    .where("name", "=", "Loket 1 KTP-el")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const service = await db.selectFrom("counter_services").select("service_id").where("counter_id", "=", counter.id).executeTakeFirstOrThrow();

  const loopback = (address: string) => address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
  const server = http.createServer((request, response) => {
    if (handleRatingPost(request, response, loopback)) return;
    response.writeHead(599).end("not handled");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  afterAll(async () => {
    server.close();
    await closeDatabase();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } });
  const quick = (fields: Record<string, string> = {}) =>
    new URLSearchParams({ idempotencyKey: randomUUID(), serviceId: String(service.service_id), officer: "unknown", kind: "quick", quickScore: "4", ...fields });

  it("stores a rating, answers 201 after the commit, and 200 for the same rating sent again", async () => {
    const body = quick({ comment: "Pelayanan cepat" });
    const first = await post(`/api/ratings/${counter.public_code}`, body.toString(), { "X-Forwarded-For": "10.9.0.1" });
    expect(first.status).toBe(201);
    const answer = (await first.json()) as { ok: boolean; ratingId: number; thankYou: string };
    expect(answer.ok).toBe(true);
    expect(answer.thankYou).toBe(`/l/${counter.public_code}/terima-kasih?t=${body.get("idempotencyKey")}`);
    const stored = await db.selectFrom("ratings").select(["id", "comment", "ip_hash"]).where("idempotency_key", "=", body.get("idempotencyKey")!).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ id: answer.ratingId, comment: "Pelayanan cepat" });
    expect(stored.ip_hash).not.toContain("10.9.0.1");

    const again = await post(`/api/ratings/${counter.public_code}`, body.toString(), { "X-Forwarded-For": "10.9.0.1" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, duplicate: true, ratingId: answer.ratingId });
  });

  it("answers bad input with translation keys per field and stores nothing", async () => {
    const body = quick({ quickScore: "7", comment: "x".repeat(1_001) });
    const response = await post(`/api/ratings/${counter.public_code}`, body.toString());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, errors: { quickScore: "ratings.errors.score", comment: "ratings.errors.commentTooLong" } });
    expect(await db.selectFrom("ratings").select("id").where("idempotency_key", "=", body.get("idempotencyKey")!).execute()).toEqual([]);
  });

  it("refuses an unknown counter and an oversized body, and leaves other requests to the framework", async () => {
    expect((await post("/api/ratings/zzzzzzzz", quick().toString())).status).toBe(404);
    expect((await post(`/api/ratings/${counter.public_code}`, quick({ comment: "x".repeat(20_000) }).toString())).status).toBe(413);
    const multipart = new FormData();
    for (const [key, value] of quick()) multipart.append(key, value);
    expect((await fetch(`${base}/api/ratings/${counter.public_code}`, { method: "POST", body: multipart })).status).toBe(599);
    expect((await fetch(`${base}/api/ratings/${counter.public_code}`)).status).toBe(599);
  });

  it("keeps the visit time of a rating queued offline: counted on the visit's day, received now", async () => {
    const visited = new Date(Date.now() - 26 * 3_600_000);
    const body = quick({ visitedAt: visited.toISOString(), comment: "Antre kemarin, terkirim hari ini" });
    const before = Date.now();
    expect((await post(`/api/ratings/${counter.public_code}`, body.toString(), { "X-Forwarded-For": "10.9.0.2" })).status).toBe(201);
    const stored = await db
      .selectFrom("ratings")
      .innerJoin("agencies", "agencies.id", "ratings.agency_id")
      .select(["ratings.submitted_at", "ratings.received_at", sql<string>`to_char((ratings.submitted_at at time zone agencies.time_zone)::date, 'YYYY-MM-DD')`.as("visit_day"), sql<string>`to_char((now() at time zone agencies.time_zone)::date, 'YYYY-MM-DD')`.as("today")])
      .where("idempotency_key", "=", body.get("idempotencyKey")!)
      .executeTakeFirstOrThrow();
    expect(stored.submitted_at.toISOString()).toBe(visited.toISOString());
    expect(stored.received_at.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(stored.visit_day).not.toBe(stored.today);
    const rollup = await db
      .selectFrom("rating_daily")
      .select(sql<number>`sum(n)::int`.as("n"))
      .where("counter_id", "=", counter.id)
      .where(sql<string>`to_char(day, 'YYYY-MM-DD')`, "=", stored.visit_day)
      .executeTakeFirstOrThrow();
    expect(rollup.n).toBeGreaterThanOrEqual(1);
  });

  it("refuses a visit time older than a week or far in the future, and stores nothing", async () => {
    for (const [visitedAt, error] of [
      [new Date(Date.now() - 8 * 86_400_000).toISOString(), "ratings.errors.visitTooOld"],
      [new Date(Date.now() + 86_400_000).toISOString(), "ratings.errors.visitTime"],
      ["kemarin", "ratings.errors.visitTime"],
    ] as const) {
      const body = quick({ visitedAt });
      const response = await post(`/api/ratings/${counter.public_code}`, body.toString(), { "X-Forwarded-For": "10.9.0.3" });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ ok: false, errors: { _form: error } });
      expect(await db.selectFrom("ratings").select("id").where("idempotency_key", "=", body.get("idempotencyKey")!).execute()).toEqual([]);
    }
  });

  it("counts an address behind the proxy towards its own daily limit", async () => {
    const sameAddress = { "X-Forwarded-For": "10.9.9.9" };
    const answers = [];
    // 40 a day per address (the default); cookie-less phones each count as a new device.
    for (let i = 0; i < 41; i++) answers.push((await post(`/api/ratings/${counter.public_code}`, quick().toString(), sameAddress)).status);
    expect(answers.filter((status) => status === 201)).toHaveLength(40);
    expect(answers.at(-1)).toBe(429);
  });

  it("refuses a NUL character in a comment as a field error (not a database error), and stores nothing", async () => {
    const body = quick({ comment: "Bagus\u0000" });
    const response = await post(`/api/ratings/${counter.public_code}`, body.toString(), { "X-Forwarded-For": "10.9.0.77" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, errors: { comment: "form.invalid" } });
    expect(await db.selectFrom("ratings").select("id").where("idempotency_key", "=", body.get("idempotencyKey")!).execute()).toEqual([]);
  });

  it("answers 503 with Retry-After while the database cannot be reached, so the offline queue sends it again", async () => {
    await closeDatabase();
    process.env.DATABASE_URL = "postgres://suara:none@127.0.0.1:1/suara";
    try {
      const body = quick({ comment: "Terkirim saat basis data mati" });
      const response = await post(`/api/ratings/${counter.public_code}`, body.toString(), { "X-Forwarded-For": "10.9.0.78" });
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("15");
      expect(await response.json()).toEqual({ ok: false, errors: { _form: "errors.unavailable.body" } });
    } finally {
      await closeDatabase();
      process.env.DATABASE_URL = url;
    }
  });
});

describe("the client's address behind a proxy", () => {
  const loopback = (address: string) => address === "127.0.0.1";
  it("is the socket's peer when that is not a trusted proxy, whatever the header claims", () => {
    expect(clientAddress("203.0.113.7", "10.0.0.1", loopback)).toBe("203.0.113.7");
  });
  it("is the last hop before the trusted proxies", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1, 203.0.113.7", loopback)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "198.51.100.1, 127.0.0.1", loopback)).toBe("198.51.100.1");
    expect(clientAddress("127.0.0.1", undefined, loopback)).toBe("127.0.0.1");
  });
});
