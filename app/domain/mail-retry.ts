// When an unsent e-mail is tried again. A mail server that refuses or is unreachable is retried with growing
// waits for about a day; after the last attempt the mail is marked failed (kept, with its error, for the log).

/** Minutes to wait after the n-th failed attempt (1-based). */
export const RETRY_WAIT_MINUTES = [1, 5, 15, 60, 240, 720] as const;
export const MAX_ATTEMPTS = RETRY_WAIT_MINUTES.length + 1;

/** How long a worker holds a claimed mail before another worker may take it (a crashed worker's lease). */
export const CLAIM_SECONDS = 120;

export type RetryDecision = { kind: "retry"; at: Date } | { kind: "give_up" };

/** What to do after attempt number `attempts` (1-based, counting the one that just failed) failed at `at`. */
export function afterFailedAttempt(attempts: number, at: Date): RetryDecision {
  if (attempts >= MAX_ATTEMPTS) return { kind: "give_up" };
  const wait = RETRY_WAIT_MINUTES[Math.min(Math.max(0, attempts - 1), RETRY_WAIT_MINUTES.length - 1)] ?? 1;
  return { kind: "retry", at: new Date(at.getTime() + wait * 60_000) };
}
