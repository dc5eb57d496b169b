import type { Rating } from "./predikat";

// What the reviewed officer sees of the 360 peer reviews: never who wrote which. Peers appear only as counts per
// value once at least PEER_AGGREGATE_MINIMUM of them answered (fewer would let the officer guess who said what);
// their written reasons stay with the supervisor, who sees every review with its author.

export const PEER_AGGREGATE_MINIMUM = 3;

export interface ReviewLine {
  reviewerId: number;
  kind: "self" | "peer" | "supervisor";
  value: string;
  rating: Rating;
}

export type PeerSummary =
  | { kind: "shown"; answered: number; counts: Record<string, Record<Rating, number>> }
  | { kind: "withheld"; answered: number; minimum: number };

/** The reviews the officer sees individually (their own and the supervisor's) and the peers' summary. */
export function reviewsForOfficer<R extends ReviewLine>(reviews: readonly R[]): { individual: R[]; peers: PeerSummary } {
  const peerLines = reviews.filter((review) => review.kind === "peer");
  const answered = new Set(peerLines.map((review) => review.reviewerId)).size;
  const individual = reviews.filter((review) => review.kind !== "peer");
  if (answered < PEER_AGGREGATE_MINIMUM) return { individual, peers: { kind: "withheld", answered, minimum: PEER_AGGREGATE_MINIMUM } };
  const counts: Record<string, Record<Rating, number>> = {};
  for (const line of peerLines) {
    const row = (counts[line.value] ??= { di_atas: 0, sesuai: 0, di_bawah: 0 });
    row[line.rating] += 1;
  }
  return { individual, peers: { kind: "shown", answered, counts } };
}
