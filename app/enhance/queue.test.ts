import { describe, expect, it } from "vitest";
import { backoffMs, enqueue, flushQueue, readQueue, retryAfterMs, type QueuedRating, type QueueStorage } from "./queue";

function memoryStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

const rating = (key: string): QueuedRating => ({ key, url: "/api/ratings/abc", fields: [["idempotencyKey", key]], visitedAt: "2026-10-31T03:00:00.000Z", attempts: 0, notBefore: 0 });
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

describe("the rating queue on the device", () => {
  it("keeps every rating under its own key, once", () => {
    const storage = memoryStorage();
    enqueue(storage, rating("a"));
    enqueue(storage, rating("b"));
    enqueue(storage, rating("a"));
    expect(readQueue(storage).map((item) => item.key)).toEqual(["b", "a"]);
  });

  it("takes over the queue of the earlier page, keeping each rating's key", () => {
    const storage = memoryStorage();
    storage.setItem("suara.pendingRatings", JSON.stringify([{ url: "/api/ratings/abc", fields: [["idempotencyKey", "k1"], ["kind", "quick"]], savedAt: "2026-10-30T01:00:00Z" }]));
    expect(readQueue(storage)).toEqual([{ key: "k1", url: "/api/ratings/abc", fields: [["idempotencyKey", "k1"], ["kind", "quick"]], visitedAt: "2026-10-30T01:00:00Z", attempts: 0, notBefore: 0 }]);
    expect(storage.getItem("suara.pendingRatings")).toBeNull();
  });

  it("removes what the server stored or refused for good, and keeps the rest with a pause", async () => {
    const storage = memoryStorage();
    ["stored", "duplicate", "refused", "unavailable", "later"].forEach((key) => enqueue(storage, rating(key)));
    const answers: Record<string, Response> = {
      stored: json(201, { ok: true, thankYou: "/l/abc/terima-kasih?t=stored" }),
      duplicate: json(200, { ok: true, duplicate: true, thankYou: "/l/abc/terima-kasih?t=duplicate" }),
      refused: json(429, { ok: false, errors: { _form: "ratings.errors.overLimit" } }),
      unavailable: json(503, { ok: false }, { "Retry-After": "30" }),
    };
    const sent: string[] = [];
    const fetcher = (async (_url: string, init: RequestInit) => {
      const key = new URLSearchParams(init.body as URLSearchParams).get("idempotencyKey")!;
      sent.push(key);
      return answers[key]!;
    }) as unknown as typeof fetch;
    const report = await flushQueue(storage, fetcher, () => 1_000_000, () => 1);
    expect(sent).toEqual(["stored", "duplicate", "refused", "unavailable"]); // stops at the first failure
    expect(report).toEqual({ stored: 2, refused: [{ key: "refused", errors: { _form: "ratings.errors.overLimit" } }], nextAttemptAt: 1_000_000 });
    const left = readQueue(storage);
    expect(left.map((item) => [item.key, item.attempts, item.notBefore])).toEqual([
      ["unavailable", 1, 1_030_000],
      ["later", 0, 0],
    ]);
  });

  it("counts a page that is not the endpoint's JSON (a captive portal, a proxy's error) as not sent", async () => {
    const storage = memoryStorage();
    enqueue(storage, rating("a"));
    const fetcher = (async () => new Response("<html>Login Wi-Fi</html>", { status: 200, headers: { "Content-Type": "text/html" } })) as unknown as typeof fetch;
    const report = await flushQueue(storage, fetcher, () => 0, () => 0);
    expect(report.stored).toBe(0);
    expect(readQueue(storage).map((item) => item.attempts)).toEqual([1]);
  });

  it("doubles the pause up to five minutes, with jitter", () => {
    expect([1, 2, 3, 10].map((attempts) => backoffMs(attempts, 1))).toEqual([2_000, 4_000, 8_000, 300_000]);
    expect(backoffMs(1, 0)).toBe(1_000);
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(retryAfterMs("120", 0)).toBe(120_000);
    expect(retryAfterMs("Sat, 31 Oct 2026 03:00:10 GMT", Date.parse("2026-10-31T03:00:00Z"))).toBe(10_000);
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});
