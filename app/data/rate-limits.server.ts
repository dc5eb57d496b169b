import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { keyedHash } from "~/platform/keyed-hash.server";

// One rate limiter for the whole portal: fixed windows counted in PostgreSQL (no process state, so every process
// behind a load balancer sees the same count). Keys are keyed hashes of the client's address (or whatever the
// limit counts); the raw value is never stored.

export interface RateLimit {
  /** Which limit ("tracking", "forum-input", "sign-in"); limits never share counts. */
  bucket: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export const LIMITS = {
  // A tracking code has 44 bits; 60 lookups in 10 minutes per address keeps guessing hopeless.
  tracking: { bucket: "tracking", limit: 60, windowSeconds: 600 },
  // Public input before a forum: five an hour per address, all forums together.
  forumInput: { bucket: "forum-input", limit: 5, windowSeconds: 3600 },
  // Failed sign-ins per address (password spraying across accounts); the per-account lockout is separate.
  signIn: { bucket: "sign-in", limit: 20, windowSeconds: 900 },
  // Wrong current passwords on the password-change page, per account: a session left open on a shared computer
  // must not become a way to guess the password (and so reach the account after the session ends).
  passwordChange: { bucket: "password-change", limit: 5, windowSeconds: 900 },
  // The open-data API and downloads: 600 requests in 10 minutes per address (one a second on average).
  openData: { bucket: "open-data", limit: 600, windowSeconds: 600 },
} as const satisfies Record<string, RateLimit>;

export type LimitOutcome = { allowed: true; count: number } | { allowed: false; count: number; retryAfterSeconds: number };

/**
 * Counts one request against a limit, atomically (one upsert), and says whether it is allowed. A client without a
 * known address is counted under "unknown" rather than let through.
 */
export async function hitLimit(db: Kysely<Database>, limit: RateLimit, subject: string | null, now: Date): Promise<LimitOutcome> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const key = keyedHash(`limit:${limit.bucket}`, subject ?? "unknown");
  const row = await db
    .insertInto("rate_limits")
    .values({ bucket: limit.bucket, key_hash: key, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(["bucket", "key_hash", "window_start"]).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
    .returning("hits")
    .executeTakeFirstOrThrow();
  if (row.hits === 1) {
    // The first hit of a new window prunes this limit's windows that have ended.
    await db.deleteFrom("rate_limits").where("bucket", "=", limit.bucket).where("window_start", "<", new Date(windowStart.getTime() - windowMs)).execute();
  }
  if (row.hits <= limit.limit) return { allowed: true, count: row.hits };
  return { allowed: false, count: row.hits, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
}

/** Takes back one counted request (a limit on failures counts every attempt first, then refunds a success). */
export async function refundHit(db: Kysely<Database>, limit: RateLimit, subject: string | null, now: Date): Promise<void> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  await db
    .updateTable("rate_limits")
    .set({ hits: sql`greatest(hits - 1, 0)` })
    .where("bucket", "=", limit.bucket)
    .where("key_hash", "=", keyedHash(`limit:${limit.bucket}`, subject ?? "unknown"))
    .where("window_start", "=", windowStart)
    .execute();
}

/** Drops every window that ended more than a day ago (scheduled). */
export async function pruneRateLimits(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom("rate_limits").where("window_start", "<", new Date(now.getTime() - 86_400_000)).execute();
}
