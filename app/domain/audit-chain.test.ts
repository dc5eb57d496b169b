import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, entryHash, GENESIS_HASH, linkEntry, verifyChain, type ChainedEntry } from "./audit-chain";

interface AuditPayload extends Record<string, unknown> {
  at: string;
  actorUserId: number | null;
  action: string;
  subjectType: string;
  subjectId: string;
  after: unknown;
}

const payloads: AuditPayload[] = [
  {
    at: "2026-01-05T03:00:00.000Z",
    actorUserId: null,
    action: "complaint.submitted",
    subjectType: "complaint",
    subjectId: "LPR-1",
    after: { status: "diterima" },
  },
  {
    at: "2026-01-05T04:00:00.000Z",
    actorUserId: 7,
    action: "complaint.verified",
    subjectType: "complaint",
    subjectId: "LPR-1",
    after: { status: "terverifikasi", visibility: "anonim" },
  },
  {
    at: "2026-01-06T02:00:00.000Z",
    actorUserId: 7,
    action: "complaint.forwarded",
    subjectType: "complaint",
    subjectId: "LPR-1",
    after: { status: "diteruskan", unitId: 42 },
  },
  {
    at: "2026-01-08T09:30:00.000Z",
    actorUserId: 12,
    action: "assessment.finalized",
    subjectType: "assessment",
    subjectId: "91",
    after: { predikat: "baik" },
  },
];

/** A chain as the database would return it: ids from a sequence, hashes linked. */
function buildChain(items: readonly AuditPayload[]): ChainedEntry[] {
  const chain: ChainedEntry[] = [];
  let previousHash = GENESIS_HASH;
  items.forEach((payload, index) => {
    const linked = linkEntry(previousHash, payload);
    chain.push({ id: index + 1, ...linked });
    previousHash = linked.hash;
  });
  return chain;
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: "x" } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
  });

  it("gives the same text for the same value however it was built", () => {
    const plain = fc.jsonValue();
    fc.assert(
      fc.property(plain, (value) => {
        const reparsed: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJson(reparsed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(reparsed);
      }),
    );
  });

  it("writes dates as ISO strings and leaves out undefined properties", () => {
    expect(canonicalJson({ at: new Date("2026-01-05T03:00:00Z"), gone: undefined })).toBe(
      '{"at":"2026-01-05T03:00:00.000Z"}',
    );
  });

  it.each([
    ["NaN", { score: Number.NaN }],
    ["Infinity", [Number.POSITIVE_INFINITY]],
    ["a bigint", { id: 1n }],
    ["a Map", { roles: new Map([["a", 1]]) }],
    ["a function", { run: () => 1 }],
  ])("refuses %s rather than hash a lossy form", (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

describe("entryHash", () => {
  it("is sha256 hex over the previous hash and the canonical JSON", () => {
    const expected = createHash("sha256").update(`${GENESIS_HASH}{"a":1,"b":2}`).digest("hex");
    expect(entryHash(GENESIS_HASH, { b: 2, a: 1 })).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("depends on the previous hash", () => {
    expect(entryHash(GENESIS_HASH, { a: 1 })).not.toBe(entryHash("f".repeat(64), { a: 1 }));
  });
});

describe("verifyChain", () => {
  it("accepts a valid chain and counts it", () => {
    expect(verifyChain(buildChain(payloads))).toEqual({ ok: true, count: 4 });
  });

  it("accepts an empty chain", () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it("accepts a chain read back with its keys in another order (as from jsonb)", () => {
    const reread = buildChain(payloads).map((entry) => JSON.parse(canonicalJson(entry)) as ChainedEntry);
    expect(verifyChain(reread)).toEqual({ ok: true, count: 4 });
  });

  it("names the entry whose payload was altered", () => {
    const chain = buildChain(payloads);
    chain[1] = { ...chain[1]!, after: { status: "terverifikasi", visibility: "public" } };
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAt: 2, reason: "altered" });
  });

  it("catches a change deep in a nested payload", () => {
    const chain = buildChain(payloads);
    chain[2] = { ...chain[2]!, after: { status: "diteruskan", unitId: 43 } };
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAt: 3, reason: "altered" });
  });

  it("catches a deleted middle entry at the entry after the gap", () => {
    const chain = buildChain(payloads);
    chain.splice(1, 1);
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAt: 3, reason: "missing_or_reordered" });
  });

  it("catches a deleted first entry", () => {
    expect(verifyChain(buildChain(payloads).slice(1))).toEqual({
      ok: false,
      brokenAt: 2,
      reason: "missing_or_reordered",
    });
  });

  it("catches swapped entries", () => {
    const chain = buildChain(payloads);
    const [first, second, ...rest] = chain;
    expect(verifyChain([second!, first!, ...rest])).toEqual({ ok: false, brokenAt: 2, reason: "missing_or_reordered" });
  });

  it("catches an entry rewritten and re-hashed, at the next link", () => {
    const chain = buildChain(payloads);
    const forged = linkEntry(chain[0]!.hash, { ...payloads[1]!, actorUserId: 99 });
    chain[1] = { id: 2, ...forged };
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAt: 3, reason: "missing_or_reordered" });
  });

  it("verifies a segment from a known anchor hash", () => {
    const chain = buildChain(payloads);
    expect(verifyChain(chain.slice(2), chain[1]!.hash)).toEqual({ ok: true, count: 2 });
  });

  it("will not link a payload that carries a reserved field", () => {
    expect(() => linkEntry(GENESIS_HASH, { id: 5, action: "x" })).toThrow(TypeError);
  });
});
