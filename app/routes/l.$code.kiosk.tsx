import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { counterByCode, kioskIsOpen } from "~/data/ratings.server";
import { ratingSubmissionSchema } from "~/domain/ratings/submission";
import { pageTitle } from "~/i18n/title.server";
import { parseForm } from "~/http/forms";
import { KIOSK_PAGE, loadAsDocument } from "~/ui/page-handle";
import { CounterHeader, QuickRatingForm } from "~/ui/ratings/QuickRatingForm";
import { UnknownCounter } from "~/ui/ratings/UnknownCounter";
import { errorsForOutcome, kioskTokenOf, loadCounterPage, submitFromRequest } from "~/http/rating-request.server";
import { readForm } from "~/http/form-body.server";

// No site header or links out; the page's script resets the form after a minute without a touch.
export const handle = KIOSK_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const counter = await counterByCode(db(), params.code ?? "");
  if (!counter) throw new Response("Not Found", { status: 404 });
  if (!(await kioskIsOpen(db(), await kioskTokenOf(request), counter.id))) throw new Response("Forbidden", { status: 403 });
  const page = (await loadCounterPage(request, params.code)).data;
  return { ...page, title: await pageTitle(request, "ratings.titles.kiosk", { counter: counter.name }) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const counter = await counterByCode(db(), params.code ?? "");
  if (!counter) throw new Response("Not Found", { status: 404 });
  if (!(await kioskIsOpen(db(), await kioskTokenOf(request), counter.id))) throw new Response("Forbidden", { status: 403 });
  const parsed = parseForm(ratingSubmissionSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const outcome = await submitFromRequest(request, context, counter, parsed.data, "kiosk");
  if (!outcome.ok) return data({ errors: errorsForOutcome(outcome) }, { status: outcome.reason === "too_fast" ? 429 : 400 });
  return redirect(`/l/${counter.publicCode}/kiosk/terima-kasih`);
}

export default function Kiosk() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="rating-page kiosk" data-offline-page="">
      <span className="kiosk-badge">{t("ratings.kiosk.badge")}</span>
      <CounterHeader counter={page.counter} />
      <QuickRatingForm page={page} serverErrors={actionData?.errors} channel="kiosk" />
      <p className="hint">{t("ratings.kiosk.idle")}</p>
      <p className="kiosk-exit">
        <a href={`/l/${page.counter.code}/kiosk/keluar`}>{t("ratings.kiosk.exit")}</a>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <UnknownCounter />;
}
