import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { db } from "~/platform/db.server";
import { counterByCode } from "~/data/ratings.server";
import { ratingSubmissionSchema } from "~/domain/ratings/submission";
import { parseForm } from "~/http/forms";
import { CounterHeader, QuickRatingForm } from "~/ui/ratings/QuickRatingForm";
import { UnknownCounter } from "~/ui/ratings/UnknownCounter";
import { errorsForOutcome, loadCounterPage, submitFromRequest } from "~/http/rating-request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.counter.name} · ${data.counter.unitName}` : "Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadCounterPage(request, params.code);
}

/** The no-JavaScript path: a plain form post that redirects to the thank-you page. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const counter = await counterByCode(db(), params.code ?? "");
  if (!counter) throw new Response("Not Found", { status: 404 });
  const form = await request.formData();
  if (form.get("intent") === "full") {
    const query = new URLSearchParams();
    for (const [key, name] of [["serviceId", "layanan"], ["officer", "petugas"], ["visitCode", "v"]] as const) {
      const value = form.get(key);
      if (typeof value === "string" && value) query.set(name, value);
    }
    return redirect(`/l/${counter.publicCode}/survei?${query}`);
  }
  const parsed = parseForm(ratingSubmissionSchema, form);
  if (!parsed.ok) return { errors: parsed.errors };
  const outcome = await submitFromRequest(request, context, counter, parsed.data, "qr");
  if (!outcome.ok) return { errors: errorsForOutcome(outcome) };
  return redirect(`/l/${counter.publicCode}/terima-kasih?t=${outcome.token}${outcome.verified ? "&ok=v" : ""}`);
}

export default function CounterPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="rating-page">
      <CounterHeader counter={page.counter} />
      <QuickRatingForm page={page} serverErrors={actionData?.errors} channel="qr" />
    </div>
  );
}

export function ErrorBoundary() {
  return <UnknownCounter />;
}
