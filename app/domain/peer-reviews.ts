import { z } from "zod";
import { BERAKHLAK_VALUES, RATINGS, type BerakhlakValue } from "./berakhlak";
import type { Rating } from "./predikat";

// What the reviewed officer sees of the 360 peer reviews: never who wrote which. Peers appear only as counts per
// value once at least PEER_AGGREGATE_MINIMUM of them answered (fewer would let the officer guess who said what);
// their written reasons stay with the supervisor, who sees every review with its author.
// A peer answers either with their account or, without one, through a one-time link (peerLinkState).

export const PEER_AGGREGATE_MINIMUM = 3;

export interface ReviewLine {
  /** Who wrote the review: `officer:<id>` or `link:<id>` (a peer without an account). */
  reviewerKey: string;
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
  const answered = new Set(peerLines.map((review) => review.reviewerKey)).size;
  const individual = reviews.filter((review) => review.kind !== "peer");
  if (answered < PEER_AGGREGATE_MINIMUM) return { individual, peers: { kind: "withheld", answered, minimum: PEER_AGGREGATE_MINIMUM } };
  const counts: Record<string, Record<Rating, number>> = {};
  for (const line of peerLines) {
    const row = (counts[line.value] ??= { di_atas: 0, sesuai: 0, di_bawah: 0 });
    row[line.rating] += 1;
  }
  return { individual, peers: { kind: "shown", answered, counts } };
}

/** How long a peer's one-time link stays usable after it was made. */
export const PEER_LINK_VALID_DAYS = 14;

export function peerLinkExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + PEER_LINK_VALID_DAYS * 24 * 60 * 60 * 1000);
}

export type PeerLinkState = "open" | "used" | "expired" | "closed";

/**
 * Whether a peer's link can still take a review: once answered it is spent; past its expiry it is dead; and it
 * closes with the period's reviews (the plan no longer approved, or its assessment finalised).
 */
export function peerLinkState(
  link: { expiresAt: Date; usedAt: Date | null },
  plan: { reviewsOpen: boolean },
  now: Date,
): PeerLinkState {
  if (link.usedAt !== null) return "used";
  if (now.getTime() >= link.expiresAt.getTime()) return "expired";
  if (!plan.reviewsOpen) return "closed";
  return "open";
}

/** The 360 review form: a rating and a short reason for each of the seven values, sent at once. */
export const behaviourReviewSchema = z.object(
  Object.fromEntries(
    BERAKHLAK_VALUES.flatMap((value) => [
      [`rating_${value}`, z.enum(RATINGS)],
      [`justification_${value}`, z.string().trim().min(1, "form.required").max(500, "form.tooLong")],
    ]),
  ),
) as unknown as z.ZodType<Record<string, string>>;

export type BehaviourReview = Record<BerakhlakValue, { rating: Rating; justification: string }>;

export function behaviourReviewOf(parsed: Record<string, string>): BehaviourReview {
  return Object.fromEntries(
    BERAKHLAK_VALUES.map((value) => [value, { rating: parsed[`rating_${value}`] as Rating, justification: parsed[`justification_${value}`] ?? "" }]),
  ) as BehaviourReview;
}

/** The assessor invites a peer without an account: a name, and an e-mail address to send the link to if known. */
export const peerInviteSchema = z.object({
  peerName: z.string().trim().min(1, "form.required").max(120, "form.tooLong"),
  peerEmail: z
    .string()
    .trim()
    .max(254, "form.tooLong")
    .optional()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value), "assessments.errors.peerEmail"),
});
