import { randomBytes } from "node:crypto";
import { createCookie, data, type AppLoadContext } from "@remix-run/node";
import type { Channel } from "../../db/tables/ratings";
import { sessionUserFromCookies } from "~/auth/session.server";
import { env } from "~/platform/env.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { effectiveLimits } from "~/domain/agency-settings";
import { submitRating, type CounterContext, type SubmitOutcome } from "~/data/ratings.server";
import type { RatingSubmission } from "~/domain/ratings/submission";
import { clientAddressOf } from "~/http/client-address";
import { counterPage } from "~/pages/counter-page.server";
import { movedCounter } from "~/data/org-admin/counters.server";
import { visitTimeOf } from "~/domain/ratings/visit-time";

// A random id per browser, kept only as a keyed hash, so per-device limits work without knowing who anyone is.
export const deviceCookie = createCookie("sd", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 400 });
export const kioskCookie = createCookie("kiosk", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 30 });

export async function deviceIdOf(request: Request): Promise<{ id: string; setCookie?: string }> {
  return deviceIdFromCookies(request.headers.get("Cookie"));
}

export async function deviceIdFromCookies(cookieHeader: string | null): Promise<{ id: string; setCookie?: string }> {
  const existing = cookieHeader?.includes("sd=") ? await deviceCookie.parse(cookieHeader) : null;
  if (typeof existing === "string" && /^[a-zA-Z0-9_-]{16,64}$/.test(existing)) return { id: existing };
  const id = randomBytes(16).toString("base64url");
  return { id, setCookie: await deviceCookie.serialize(id) };
}

/** The loader of the rating pages: the counter page's data, with the device cookie set on a first visit. */
export async function loadCounterPage(request: Request, code: string | undefined) {
  const page = await counterPage(code ?? "", new URL(request.url).searchParams.get("v"));
  // A replaced or retired code says where the counter went (the poster on the wall may be older than the change).
  if (!page) throw data({ unknownCounter: true, moved: (await movedCounter(db(), code ?? "")) ?? null }, { status: 404 });
  const device = await deviceIdOf(request);
  return data(page, { headers: device.setCookie ? { "Set-Cookie": device.setCookie, "Cache-Control": "no-store" } : { "Cache-Control": "no-store" } });
}

export async function kioskTokenOf(request: Request): Promise<string | null> {
  return kioskTokenFromCookies(request.headers.get("Cookie"));
}

export async function kioskTokenFromCookies(cookieHeader: string | null): Promise<string | null> {
  if (!cookieHeader?.includes("kiosk=")) return null;
  const value = await kioskCookie.parse(cookieHeader);
  return typeof value === "string" ? value : null;
}

export function clientIp(context: AppLoadContext): string | null {
  return clientAddressOf(context);
}

/** What a request tells about where a rating comes from: its cookies and the client's address. */
export interface RatingOrigin {
  cookieHeader: string | null;
  ip: string | null;
}

/** Submits a citizen's rating with everything the request tells about its origin, and nothing more. */
export async function submitFromRequest(
  request: Request,
  context: AppLoadContext,
  counter: CounterContext,
  submission: RatingSubmission,
  channel: Channel,
): Promise<RequestOutcome> {
  return submitFromOrigin({ cookieHeader: request.headers.get("Cookie"), ip: clientIp(context) }, counter, submission, channel);
}

/** A refusal of the submission as a whole, before anything is counted or stored. */
export type RequestOutcome = SubmitOutcome | { ok: false; reason: "visit_too_old" | "visit_time_invalid" };

export async function submitFromOrigin(origin: RatingOrigin, counter: CounterContext, submission: RatingSubmission, channel: Channel): Promise<RequestOutcome> {
  const settings = env();
  const arrived = now();
  const visit = visitTimeOf(submission.visitedAt, arrived);
  if (visit.kind === "too_old") return { ok: false, reason: "visit_too_old" };
  if (visit.kind === "invalid") return { ok: false, reason: "visit_time_invalid" };
  const [device, staff, kioskToken] = await Promise.all([
    deviceIdFromCookies(origin.cookieHeader),
    sessionUserFromCookies(origin.cookieHeader),
    channel === "kiosk" ? kioskTokenFromCookies(origin.cookieHeader) : Promise.resolve(null),
  ]);
  return submitRating(db(), submission, {
    counter,
    channel,
    now: arrived,
    visitedAt: visit.at,
    deviceId: channel === "kiosk" ? null : device.id,
    ip: channel === "kiosk" ? null : origin.ip,
    fromStaffSession: staff !== null,
    kioskToken,
    limits: effectiveLimits(counter.agencyLimits, {
      perDevice: settings.RATING_LIMIT_PER_DEVICE,
      perIp: settings.RATING_LIMIT_PER_IP,
      kioskMinIntervalSeconds: settings.KIOSK_MIN_INTERVAL_SECONDS,
    }),
  });
}

/** Field errors (translation keys) for a refused submission. */
export function errorsForOutcome(outcome: Extract<RequestOutcome, { ok: false }>): Record<string, string> {
  switch (outcome.reason) {
    case "visit_too_old":
      return { _form: "ratings.errors.visitTooOld" };
    case "visit_time_invalid":
      return { _form: "ratings.errors.visitTime" };
    case "unknown_service":
      return { serviceId: "ratings.errors.service" };
    case "officer_not_on_duty":
      return { officer: "ratings.errors.officerNotOnDuty" };
    case "replayed_key":
      return { _form: "ratings.errors.replayed" };
    case "over_limit":
      return { _form: "ratings.errors.overLimit" };
    case "too_fast":
      return { _form: "ratings.errors.tooFast" };
  }
}
