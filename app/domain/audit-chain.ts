// Hash chain over the append-only audit log: each entry stores the hash of the one before it, and its own
// hash covers that link and its payload, so an edited, deleted or reordered row breaks the chain.
// Entries are hashed with an HMAC whose key the database does not hold, so whoever can write the table cannot
// forge a valid entry or re-chain the log. A chain proves nothing about its own tail (the last rows could be
// dropped and the rest still verifies): signed checkpoints of the head, kept outside the database, anchor it.

import { createHash, createHmac } from "node:crypto";

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

/**
 * The hash of an entry: HMAC-SHA256 under `key` of the previous entry's hash followed by the canonical JSON of this
 * entry's payload; without a key, plain sha256 (entries written before the log was keyed).
 */
export function entryHash(prevHash: string, entry: unknown, key?: string): string {
  const digest = key === undefined ? createHash("sha256") : createHmac("sha256", key);
  return digest.update(prevHash).update(canonicalJson(entry)).digest("hex");
}

/** A signed statement of the log's head at a moment: kept outside the database, it catches a cut-off tail. */
export interface AuditCheckpoint {
  id: number;
  hash: string;
  count: number;
  at: string;
  signature: string;
}

export function signCheckpoint(head: Omit<AuditCheckpoint, "signature">, key: string): AuditCheckpoint {
  return { ...head, signature: checkpointSignature(head, key) };
}

export function checkpointIsGenuine(checkpoint: AuditCheckpoint, key: string): boolean {
  const { signature, ...head } = checkpoint;
  return typeof signature === "string" && signature === checkpointSignature(head, key);
}

function checkpointSignature(head: Omit<AuditCheckpoint, "signature">, key: string): string {
  return createHmac("sha256", key).update("audit-checkpoint\u0000").update(canonicalJson({ id: head.id, hash: head.hash, count: head.count, at: head.at })).digest("hex");
}

export type CheckpointVerification = { ok: true } | { ok: false; reason: "checkpoint_forged" | "tail_removed" };

/**
 * Whether the stored log still holds what the latest checkpoint saw: the entry it names, with the same hash, and
 * as many entries up to it. `stored` is the stored entry with the checkpoint's id (or undefined), `countUpTo` the
 * number of entries up to and including it.
 */
export function verifyCheckpoint(checkpoint: AuditCheckpoint, key: string, stored: { hash: string } | undefined, countUpTo: number): CheckpointVerification {
  if (!checkpointIsGenuine(checkpoint, key)) return { ok: false, reason: "checkpoint_forged" };
  if (!stored || stored.hash !== checkpoint.hash || countUpTo !== checkpoint.count) return { ok: false, reason: "tail_removed" };
  return { ok: true };
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
  { ok: true; count: number } | { ok: false; brokenAt: string | number; reason: "altered" | "missing_or_reordered" | "unkeyed_after_keyed" };

/** The hashes to store with a new payload appended after `previousHash` (GENESIS_HASH for the first). */
export function linkEntry<Payload extends Record<string, unknown>>(
  previousHash: string,
  payload: Payload,
  key?: string,
): Payload & { prevHash: string; hash: string } {
  for (const reserved of ["id", "prevHash", "hash"]) {
    // verifyChain hashes everything except these, so a payload carrying one could never verify.
    if (reserved in payload) throw new TypeError(`An audit payload cannot carry "${reserved}"`);
  }
  return { ...payload, prevHash: previousHash, hash: entryHash(previousHash, payload, key) };
}

/**
 * Checks entries in log order. "missing_or_reordered" names the first entry whose link does not point at
 * the entry before it (an entry before it was deleted or moved, or rewritten and re-hashed); "altered"
 * names the first entry whose payload no longer matches its hash. `anchorHash` lets a caller verify a
 * segment that starts after a known hash.
 */
export function verifyChain(entries: readonly ChainedEntry[], anchorHash: string = GENESIS_HASH, key?: string): ChainVerification {
  let expectedPrevHash = anchorHash;
  let keyedSeen = false;
  for (const entry of entries) {
    const { id, prevHash, hash, ...payload } = entry;
    if (prevHash !== expectedPrevHash) return { ok: false, brokenAt: id, reason: "missing_or_reordered" };
    // With a key, an entry must carry the HMAC; plain sha256 is accepted only for entries from before the key,
    // never after a keyed one (else anyone could append or re-chain unkeyed entries at the tail).
    const keyed = key !== undefined && entryHash(prevHash, payload, key) === hash;
    if (!keyed) {
      if (entryHash(prevHash, payload) !== hash) return { ok: false, brokenAt: id, reason: "altered" };
      if (keyedSeen) return { ok: false, brokenAt: id, reason: "unkeyed_after_keyed" };
    }
    if (keyed) keyedSeen = true;
    expectedPrevHash = hash;
  }
  return { ok: true, count: entries.length };
}
