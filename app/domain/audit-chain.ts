// Hash chain over the append-only audit log: each entry stores the hash of the one before it, and its own
// hash covers that link and its payload, so an edited, deleted or reordered row breaks the chain.
// A chain proves nothing about its own tail (the last rows could be dropped and the rest still verifies):
// publish or copy the latest hash elsewhere now and then to anchor it.

import { createHash } from "node:crypto";

/** The prevHash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * JSON with object keys sorted at every depth, so equal values always give equal text. Dates become ISO
 * strings (via toJSON); undefined properties are left out, as in JSON. Throws on values JSON cannot carry
 * faithfully (non-finite numbers, bigint, functions, symbols, Maps and other class instances).
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, "$");
}

function serialize(value: unknown, path: string): string {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return serialize((value as { toJSON: () => unknown }).toJSON(), path);
  }
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new TypeError(`${path}: a ${typeof value} has no JSON form`);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => (item === undefined ? "null" : serialize(item, `${path}[${index}]`))).join(",")}]`;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`${path}: only plain objects, arrays and primitives can be hashed`);
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${serialize(record[key], `${path}.${key}`)}`);
  return `{${members.join(",")}}`;
}

/** sha256 (hex) of the previous entry's hash followed by the canonical JSON of this entry's payload. */
export function entryHash(prevHash: string, entry: unknown): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(entry)).digest("hex");
}

/**
 * A stored entry: the payload plus its storage id and the two hashes. Only the payload is hashed; the id is
 * the database's (often assigned on insert), and order is protected by the links instead.
 */
export interface ChainedEntry {
  id: string | number;
  prevHash: string;
  hash: string;
  [field: string]: unknown;
}

export type ChainVerification =
  { ok: true; count: number } | { ok: false; brokenAt: string | number; reason: "altered" | "missing_or_reordered" };

/** The hashes to store with a new payload appended after `previousHash` (GENESIS_HASH for the first). */
export function linkEntry<Payload extends Record<string, unknown>>(
  previousHash: string,
  payload: Payload,
): Payload & { prevHash: string; hash: string } {
  for (const reserved of ["id", "prevHash", "hash"]) {
    // verifyChain hashes everything except these, so a payload carrying one could never verify.
    if (reserved in payload) throw new TypeError(`An audit payload cannot carry "${reserved}"`);
  }
  return { ...payload, prevHash: previousHash, hash: entryHash(previousHash, payload) };
}

/**
 * Checks entries in log order. "missing_or_reordered" names the first entry whose link does not point at
 * the entry before it (an entry before it was deleted or moved, or rewritten and re-hashed); "altered"
 * names the first entry whose payload no longer matches its hash. `anchorHash` lets a caller verify a
 * segment that starts after a known hash.
 */
export function verifyChain(entries: readonly ChainedEntry[], anchorHash: string = GENESIS_HASH): ChainVerification {
  let expectedPrevHash = anchorHash;
  for (const entry of entries) {
    const { id, prevHash, hash, ...payload } = entry;
    if (prevHash !== expectedPrevHash) return { ok: false, brokenAt: id, reason: "missing_or_reordered" };
    if (entryHash(prevHash, payload) !== hash) return { ok: false, brokenAt: id, reason: "altered" };
    expectedPrevHash = hash;
  }
  return { ok: true, count: entries.length };
}
