import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { hitLimit, LIMITS } from "~/data/rate-limits.server";
import { clientAddressOf } from "~/http/client-address";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";

// How every open-data answer leaves the portal: counted against the per-address limit, with an ETag and a few
// minutes of public caching, open to other origins (it is public data), errors as application/problem+json.

/** Public caching: results change at most as ratings arrive, and pages show finished periods. */
export const CACHE_CONTROL = "public, max-age=300";

const COMMON_HEADERS = {
  "Cache-Control": CACHE_CONTROL,
  "Access-Control-Allow-Origin": "*",
  "X-Content-Type-Options": "nosniff",
};

const TITLES: Record<number, string> = { 400: "Bad Request", 404: "Not Found", 429: "Too Many Requests" };

export function problem(status: 400 | 404 | 429, detail: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", title: TITLES[status], status, detail }), {
    status,
    headers: {
      "Content-Type": "application/problem+json; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

/** Thrown by a handler to answer with a problem. */
export class ProblemError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Parses path or query values with a schema; a failure answers 400 with the schema's first message. */
export function parseOr400<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ProblemError(400, result.error.issues.map((issue) => issue.message).join("; "));
  return result.data as z.output<S>;
}

export function notFound(what: string): never {
  throw new ProblemError(404, `${what} not found`);
}

function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Whether the client's If-None-Match already names this ETag (weak comparison, as RFC 9110 asks for GET). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

export interface OpenDataBody {
  body: string | Uint8Array;
  contentType: string;
  fileName?: string;
  /** What the ETag is computed from when the body itself varies by the moment it is written (XLSX). */
  etagSource?: string;
}

/**
 * Runs an open-data handler: rate limit first (429 with Retry-After), then the handler; its answer gets the
 * ETag (304 when the client has it) and caching headers. A ProblemError becomes its problem answer.
 */
export async function openData(
  request: Request,
  context: AppLoadContext | undefined,
  handler: () => Promise<OpenDataBody>,
): Promise<Response> {
  const limit = await hitLimit(db(), LIMITS.openData, clientAddressOf(context), now());
  if (!limit.allowed)
    return problem(
      429,
      `At most ${LIMITS.openData.limit} requests per ${LIMITS.openData.windowSeconds / 60} minutes per address`,
      { "Retry-After": String(limit.retryAfterSeconds) },
    );
  let answer: OpenDataBody;
  try {
    answer = await handler();
  } catch (thrown) {
    if (thrown instanceof ProblemError) return problem(thrown.status, thrown.detail);
    throw thrown;
  }
  const etag = etagOf(answer.etagSource ?? answer.body);
  const headers: Record<string, string> = {
    ...COMMON_HEADERS,
    ETag: etag,
    "RateLimit-Remaining": String(Math.max(0, LIMITS.openData.limit - limit.count)),
  };
  if (matches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  headers["Content-Type"] = answer.contentType;
  if (answer.fileName) headers["Content-Disposition"] = `attachment; filename="${answer.fileName}"`;
  return new Response(typeof answer.body === "string" ? answer.body : Buffer.from(answer.body), {
    status: 200,
    headers,
  });
}

/** A JSON answer checked against its schema (an answer that breaks its own documented shape is a bug, not data). */
export function jsonBody<S extends z.ZodTypeAny>(schema: S, value: z.input<S>): OpenDataBody {
  return { body: JSON.stringify(schema.parse(value)), contentType: "application/json; charset=utf-8" };
}
