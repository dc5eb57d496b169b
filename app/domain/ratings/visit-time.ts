// When a citizen's visit happened: the phone stamps the moment "Kirim" was tapped, and a rating queued offline
// carries that stamp when it arrives hours later. The figures count the visit's day, not the arrival's.

/** A queued rating older than this is refused: a phone left in a drawer for weeks is not this period's evidence. */
export const MAX_VISIT_AGE_MS = 7 * 24 * 3_600_000;
/** Phones' clocks run a little fast or slow; a stamp this far in the future is taken as "now". */
export const CLOCK_SKEW_MS = 10 * 60_000;

export type VisitTime = { kind: "ok"; at: Date } | { kind: "too_old" } | { kind: "invalid" };

/** The visit time to store for a claimed stamp (ISO text or absent), given the server's `now`. */
export function visitTimeOf(claimed: string | undefined, now: Date): VisitTime {
  if (claimed === undefined || claimed === "") return { kind: "ok", at: now };
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(claimed)) return { kind: "invalid" };
  const at = new Date(claimed);
  if (!Number.isFinite(at.getTime())) return { kind: "invalid" };
  if (at.getTime() > now.getTime()) return at.getTime() - now.getTime() <= CLOCK_SKEW_MS ? { kind: "ok", at: now } : { kind: "invalid" };
  if (now.getTime() - at.getTime() > MAX_VISIT_AGE_MS) return { kind: "too_old" };
  return { kind: "ok", at };
}
