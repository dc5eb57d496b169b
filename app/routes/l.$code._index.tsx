import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { db } from "~/platform/db.server";
import { counterByCode } from "~/data/ratings.server";
import { ratingSubmissionSchema } from "~/domain/ratings/submission";
import { pageTitle } from "~/i18n/title.server";
import { parseForm } from "~/http/forms";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { CounterHeader, QuickRatingForm } from "~/ui/ratings/QuickRatingForm";
import { UnknownCounter } from "~/ui/ratings/UnknownCounter";
import { errorsForOutcome, loadCounterPage, submitFromRequest } from "~/http/rating-request.server";
import { readForm } from "~/http/form-body.server";

// The service worker keeps this page, and the full survey it leads to, for a phone or kiosk without a network
// (data-offline-page names the other page to keep).
export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await loadCounterPage(request, params.code);
  const { counter } = page.data;
  return data({ ...page.data, title: await pageTitle(request, "ratings.titles.counter", { counter: counter.name, unit: counter.unitName }) }, page.init ?? undefined);
}

/** The no-JavaScript path: a plain form post that redirects to the thank-you page. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const counter = await counterByCode(db(), params.code ?? "");
  if (!counter) throw new Response("Not Found", { status: 404 });
  const form = await readForm(request);
  if (form.get("intent") === "full") {
    const query = new URLSearchParams();
    for (const [key, name] of [["serviceId", "layanan"], ["officer", "petugas"], ["visitCode", "v"]] as const) {
      const value = form.get(key);
      if (typeof value === "string" && value) query.set(name, value);
    }
    return redirect(`/l/${counter.publicCode}/survei?${query}`);
  }
  const parsed = parseForm(ratingSubmissionSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const outcome = await submitFromRequest(request, context, counter, parsed.data, "qr");
  if (!outcome.ok) return data({ errors: errorsForOutcome(outcome) }, { status: outcome.reason === "over_limit" ? 429 : 400 });
  return redirect(`/l/${counter.publicCode}/terima-kasih?t=${outcome.token}${outcome.verified ? "&ok=v" : ""}`);
}

export default function CounterPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="rating-page" data-offline-page={`/l/${page.counter.code}/survei`}>
      <CounterHeader counter={page.counter} />
      <QuickRatingForm page={page} serverErrors={actionData?.errors} channel="qr" />
    </div>
  );
}

export function ErrorBoundary() {
  return <UnknownCounter />;
}
