import { describe, expect, it } from "vitest";
import { reviewsForOfficer, type ReviewLine } from "./peer-reviews";

const line = (reviewerId: number, kind: ReviewLine["kind"], rating: ReviewLine["rating"], value = "berorientasi_pelayanan"): ReviewLine => ({ reviewerId, kind, value, rating });

describe("reviewsForOfficer", () => {
  it.each([
    [0, "withheld"],
    [1, "withheld"],
    [2, "withheld"],
    [3, "shown"],
    [5, "shown"],
  ] as const)("with %i peers answered the peers' part is %s", (peers, kind) => {
    const reviews = [line(1, "self", "di_atas"), line(2, "supervisor", "sesuai"), ...Array.from({ length: peers }, (_, i) => line(10 + i, "peer", "sesuai"))];
    const seen = reviewsForOfficer(reviews);
    expect(seen.peers.kind).toBe(kind);
    expect(seen.peers.answered).toBe(peers);
    expect(seen.individual.map((r) => r.kind)).toEqual(["self", "supervisor"]);
  });

  it("shows counts per value, with no reviewer named", () => {
    const seen = reviewsForOfficer([line(10, "peer", "sesuai"), line(11, "peer", "di_atas"), line(12, "peer", "sesuai"), line(12, "peer", "di_bawah", "kolaboratif")]);
    expect(seen.peers).toEqual({
      kind: "shown",
      answered: 3,
      counts: { berorientasi_pelayanan: { di_atas: 1, sesuai: 2, di_bawah: 0 }, kolaboratif: { di_atas: 0, sesuai: 0, di_bawah: 1 } },
    });
    expect(JSON.stringify(seen.peers)).not.toMatch(/reviewerId|1[012]/);
  });
});
