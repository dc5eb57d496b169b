import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/data/db.server";
import { counterByCode, kioskIsOpen } from "~/data/ratings.server";
import { ratingSubmissionSchema } from "~/domain/ratings/submission";
import { parseForm } from "~/ui/form-data";
import { errorsForOutcome, kioskTokenOf, submitFromRequest } from "~/web/rating-request.server";

/**
 * The rating endpoint for the page's script (and the offline queue): same rules as the form post, answers
 * JSON. `ok` is sent only after the rating is committed.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const counter = await counterByCode(db(), params.code ?? "");
  if (!counter) return data({ ok: false, errors: { _form: "ratings.unknownCounter.title" } }, { status: 404 });
  const parsed = parseForm(ratingSubmissionSchema, await request.formData());
  if (!parsed.ok) return data({ ok: false, errors: parsed.errors }, { status: 400 });
  const channel = new URL(request.url).searchParams.get("channel") === "kiosk" ? "kiosk" : "qr";
  if (channel === "kiosk" && !(await kioskIsOpen(db(), await kioskTokenOf(request), counter.id))) {
    return data({ ok: false, errors: { _form: "errors.forbidden.body" } }, { status: 403 });
  }
  const outcome = await submitFromRequest(request, context, counter, parsed.data, channel);
  if (!outcome.ok) {
    const status = outcome.reason === "over_limit" || outcome.reason === "too_fast" ? 429 : outcome.reason === "replayed_key" ? 409 : 400;
    return data({ ok: false, errors: errorsForOutcome(outcome) }, { status });
  }
  const thankYou = `/l/${counter.publicCode}/${channel === "kiosk" ? "kiosk/terima-kasih" : "terima-kasih"}?t=${outcome.token}${outcome.verified ? "&ok=v" : ""}`;
  return data({ ok: true, ratingId: outcome.ratingId, duplicate: outcome.duplicate, thankYou }, { status: outcome.duplicate ? 200 : 201 });
}

export function loader() {
  return data({ ok: false }, { status: 405 });
}

function data(body: unknown, init: { status: number }): Response {
  return new Response(JSON.stringify(body), { status: init.status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}
