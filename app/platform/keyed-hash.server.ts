import { createHmac } from "node:crypto";
import { env } from "~/platform/env.server";

// Addresses, device ids and rating fingerprints are kept only as keyed hashes (HMAC-SHA256). The key comes from
// the environment (HASH_SALT), so a copy of the database alone cannot test guesses ("is this 10.1.2.3?").

const DEVELOPMENT_KEY = "development-only-hash-key";

const DEVELOPMENT_AUDIT_KEY = "development-only-audit-key-change-me-0123456789";

/** The audit log's HMAC key (AUDIT_KEY); a fixed one in development and tests. */
export function auditKey(): string {
  return env().AUDIT_KEY ?? DEVELOPMENT_AUDIT_KEY;
}

/** The HMAC key for pseudonymous hashes. */
export function hashKey(): string {
  return env().HASH_SALT ?? DEVELOPMENT_KEY;
}

/**
 * HMAC-SHA256 of a value under a purpose ("ip", "device", "forum", "sign-in", …), hex, cut to `length` characters.
 * The purpose keeps one value's hashes apart across uses.
 */
export function keyedHash(purpose: string, value: string, length = 32, key = hashKey()): string {
  return createHmac("sha256", key).update(purpose).update("\u0000").update(value).digest("hex").slice(0, length);
}
