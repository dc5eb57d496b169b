import type { ActionFunctionArgs } from "@remix-run/node";
import { answerRatingPost, RATING_API_HEADERS } from "~/http/rating-api.server";
import { clientIp } from "~/http/rating-request.server";
import { readForm } from "~/http/form-body.server";

// The production server answers urlencoded posts to this URL before the framework (app/web/rating-api.server.ts);
// this route serves the development server and any other body, with the same answers.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const channel = new URL(request.url).searchParams.get("channel") === "kiosk" ? "kiosk" : "qr";
  const origin = { cookieHeader: request.headers.get("Cookie"), ip: clientIp(context) };
  const answer = await answerRatingPost(params.code ?? "", await readForm(request), origin, channel);
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: RATING_API_HEADERS });
}

export function loader() {
  return new Response(JSON.stringify({ ok: false }), { status: 405, headers: RATING_API_HEADERS });
}
