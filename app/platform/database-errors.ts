// What a failed query says about its cause, read from node-postgres' errors. Two kinds matter at the edge: the
// database cannot be reached (answer 503 with Retry-After, the client tries again), and the database refused a
// value as malformed (answer 400: it is the request's fault, not the portal's).

/** SQLSTATE classes and codes of an unreachable or restarting server (PostgreSQL manual, appendix A). */
const UNAVAILABLE_CODES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006"]);
const UNAVAILABLE_NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EPIPE", "EHOSTUNREACH"]);
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/];

/** Seconds a client should wait before trying again when the database is down (the readiness probe's own pace). */
export const RETRY_AFTER_SECONDS = 15;

export type DatabaseFailure = "unavailable" | "bad_value" | null;

export function databaseFailure(error: unknown): DatabaseFailure {
  if (typeof error !== "object" || error === null) return null;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === "string") {
    if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_NETWORK.has(code)) return "unavailable";
    // Class 22, data exception: a number out of range, a NUL byte, an impossible date that got this far.
    if (/^22[0-9A-Z]{3}$/.test(code)) return "bad_value";
  }
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return "unavailable";
  // An AggregateError (every address of a host refused) carries the network errors inside.
  if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => databaseFailure(inner) === "unavailable")) return "unavailable";
  return null;
}
