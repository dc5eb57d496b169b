import { describe, expect, it } from "vitest";
import { peerLinkExpiry, peerLinkState, reviewsForOfficer, type ReviewLine } from "./peer-reviews";

const line = (reviewer: string, kind: ReviewLine["kind"], rating: ReviewLine["rating"], value = "berorientasi_pelayanan"): ReviewLine => ({ reviewerKey: reviewer, kind, value, rating });

describe("reviewsForOfficer", () => {
  it.each([
    [0, "withheld"],
    [1, "withheld"],
    [2, "withheld"],
    [3, "shown"],
    [5, "shown"],
  ] as const)("with %i peers answered the peers' part is %s", (peers, kind) => {
    const reviews = [line("officer:1", "self", "di_atas"), line("officer:2", "supervisor", "sesuai"), ...Array.from({ length: peers }, (_, i) => line(`officer:${10 + i}`, "peer", "sesuai"))];
    const seen = reviewsForOfficer(reviews);
    expect(seen.peers.kind).toBe(kind);
    expect(seen.peers.answered).toBe(peers);
    expect(seen.individual.map((r) => r.kind)).toEqual(["self", "supervisor"]);
  });

  it("shows counts per value, with no reviewer named", () => {
    const seen = reviewsForOfficer([line("officer:10", "peer", "sesuai"), line("link:11", "peer", "di_atas"), line("officer:12", "peer", "sesuai"), line("officer:12", "peer", "di_bawah", "kolaboratif")]);
    expect(seen.peers).toEqual({
      kind: "shown",
      answered: 3,
      counts: { berorientasi_pelayanan: { di_atas: 1, sesuai: 2, di_bawah: 0 }, kolaboratif: { di_atas: 0, sesuai: 0, di_bawah: 1 } },
    });
    expect(JSON.stringify(seen.peers)).not.toMatch(/officer|link|1[012]/);
  });

  it("counts a peer with an account and a peer through a link as two, and one officer's seven values as one", () => {
    const values = ["berorientasi_pelayanan", "akuntabel", "kompeten"];
    const reviews = [
      ...values.map((value) => line("officer:10", "peer", "sesuai", value)),
      ...values.map((value) => line("link:10", "peer", "sesuai", value)),
    ];
    expect(reviewsForOfficer(reviews).peers).toEqual({ kind: "withheld", answered: 2, minimum: 3 });
    expect(reviewsForOfficer([...reviews, line("link:11", "peer", "di_atas")]).peers.kind).toBe("shown");
  });
});

describe("peerLinkState", () => {
  const created = new Date("2026-03-02T02:00:00Z");
  const expiresAt = peerLinkExpiry(created);

  it("lasts 14 days to the minute", () => {
    expect(expiresAt.toISOString()).toBe("2026-03-16T02:00:00.000Z");
  });

  it.each([
    ["just made", created, null, true, "open"],
    ["a minute before expiry", new Date("2026-03-16T01:59:00Z"), null, true, "open"],
    ["at expiry", new Date("2026-03-16T02:00:00Z"), null, true, "expired"],
    ["answered, even before expiry", new Date("2026-03-03T00:00:00Z"), new Date("2026-03-02T09:00:00Z"), true, "used"],
    ["answered and expired", new Date("2026-04-01T00:00:00Z"), new Date("2026-03-02T09:00:00Z"), true, "used"],
    ["the period's reviews closed", new Date("2026-03-03T00:00:00Z"), null, false, "closed"],
  ] as const)("%s", (_, now, usedAt, reviewsOpen, state) => {
    expect(peerLinkState({ expiresAt, usedAt }, { reviewsOpen }, now)).toBe(state);
  });
});
