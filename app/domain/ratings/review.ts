import type { RatingStatus } from "../../../db/tables/ratings";

// Who may move a rating in or out of the figures. Only a rating the abuse checks flagged can be excluded (or kept);
// an excluded one can be put back. A valid rating never leaves the figures by a reviewer's choice: the only other
// way out is an officer's contest, upheld, which removes the officer's attribution (contests.server.ts).

export type ReviewDecision = "keep" | "exclude";

export type ReviewOutcome = { ok: true; status: RatingStatus } | { ok: false; reason: "not_flagged" };

export function reviewTransition(current: RatingStatus, decision: ReviewDecision): ReviewOutcome {
  if (current === "flagged") return { ok: true, status: decision === "keep" ? "valid" : "excluded" };
  if (current === "excluded" && decision === "keep") return { ok: true, status: "valid" };
  return { ok: false, reason: "not_flagged" };
}
