import type { IncomingMessage, ServerResponse } from "node:http";
import type { Channel } from "../../db/tables/ratings";
import { db } from "~/platform/db.server";
import { databaseFailure, RETRY_AFTER_SECONDS } from "~/platform/database-errors";
import { counterByCode, kioskIsOpen } from "~/data/ratings.server";
import { ratingSubmissionSchema } from "~/domain/ratings/submission";
import { clientAddress } from "~/http/client-address";
import { parseForm, type FormFields } from "~/http/forms";
import { errorsForOutcome, kioskTokenFromCookies, submitFromOrigin, type RatingOrigin } from "./rating-request.server";

export interface RatingApiAnswer {
  status: number;
  body: { ok: true; ratingId: number; duplicate: boolean; thankYou: string } | { ok: false; errors: Record<string, string> };
}

/**
 * POST /api/ratings/<code>: the page's script and its offline queue send ratings here. The same rules as the form
 * post; the answer is JSON, and `ok` is sent only after the rating is committed.
 */
export async function answerRatingPost(code: string, form: FormFields, origin: RatingOrigin, channel: Extract<Channel, "qr" | "kiosk">): Promise<RatingApiAnswer> {
  const counter = await counterByCode(db(), code);
  if (!counter) return { status: 404, body: { ok: false, errors: { _form: "ratings.unknownCounter.title" } } };
  const parsed = parseForm(ratingSubmissionSchema, form);
  if (!parsed.ok) return { status: 400, body: { ok: false, errors: parsed.errors } };
  if (channel === "kiosk" && !(await kioskIsOpen(db(), await kioskTokenFromCookies(origin.cookieHeader), counter.id))) {
    return { status: 403, body: { ok: false, errors: { _form: "errors.forbidden.body" } } };
  }
  const outcome = await submitFromOrigin(origin, counter, parsed.data, channel);
  if (!outcome.ok) {
    const status = outcome.reason === "over_limit" || outcome.reason === "too_fast" ? 429 : outcome.reason === "replayed_key" ? 409 : 400;
    return { status, body: { ok: false, errors: errorsForOutcome(outcome) } };
  }
  const thankYou = `/l/${counter.publicCode}/${channel === "kiosk" ? "kiosk/terima-kasih" : "terima-kasih"}?t=${outcome.token}${outcome.verified ? "&ok=v" : ""}`;
  return { status: outcome.duplicate ? 200 : 201, body: { ok: true, ratingId: outcome.ratingId, duplicate: outcome.duplicate, thankYou } };
}

export const RATING_API_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

const RATING_PATH = /^\/api\/ratings\/([a-z0-9]{6,16})(\?channel=kiosk)?$/;
// A rating with a full comment is about 1.5 KB; anything far larger is not a rating.
const MAX_BODY_BYTES = 16 * 1024;

/**
 * Serves the rating endpoint straight from node:http, ahead of the framework, because it is the one URL that
 * takes traffic in bursts (a whole office's queue rating at once). Answers the same as the Remix resource route
 * `api.ratings.$code`, which stays for the development server and for bodies other than urlencoded.
 * Returns false, without touching the request, when it is not such a request.
 */
export function handleRatingPost(request: IncomingMessage, response: ServerResponse, trustedProxy: (address: string) => boolean): boolean {
  if (request.method !== "POST") return false;
  const match = RATING_PATH.exec(request.url ?? "");
  if (!match || !(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return false;
  const code = match[1]!;
  const channel = match[2] ? "kiosk" : "qr";
  readBody(request, MAX_BODY_BYTES)
    .then(async (body) => {
      if (body === null) return send(response, { status: 413, body: { ok: false, errors: { _form: "ratings.errors.tooLarge" } } });
      const origin = { cookieHeader: request.headers.cookie ?? null, ip: clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedProxy) };
      send(response, await answerRatingPost(code, new URLSearchParams(body), origin, channel));
    })
    .catch((error: unknown) => {
      const unavailable = databaseFailure(error) === "unavailable";
      console.error(unavailable ? "Rating submission failed: database unavailable" : "Rating submission failed", error);
      if (response.headersSent) return;
      // The page's offline queue keeps the rating and sends it again after Retry-After.
      if (unavailable) send(response, { status: 503, body: { ok: false, errors: { _form: "errors.unavailable.body" } } }, { "Retry-After": String(RETRY_AFTER_SECONDS) });
      else send(response, { status: 500, body: { ok: false, errors: { _form: "errors.server.body" } } });
    });
  return true;
}

function send(response: ServerResponse, answer: RatingApiAnswer, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...RATING_API_HEADERS, ...extraHeaders, "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on("end", () => resolve(size <= limit ? Buffer.concat(chunks).toString("utf8") : null));
    request.on("error", reject);
  });
}
