import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { completeQuickRating, counterByCode, ratingByToken } from "~/data/ratings.server";
import { ratingSubmissionSchema } from "~/domain/ratings/submission";
import { parseForm } from "~/http/forms";
import { CounterHeader } from "~/ui/ratings/QuickRatingForm";
import { pageTitle } from "~/i18n/title.server";
import { ClientTexts } from "~/ui/ratings/ClientTexts";
import { CommentField, ElementQuestions, ErrorSummary, FormMessage, Honeypot, OfficerChoice, ProfileFields, ServiceChoice } from "~/ui/ratings/RatingFields";
import { UnknownCounter } from "~/ui/ratings/UnknownCounter";
import { errorsForOutcome, loadCounterPage, submitFromRequest } from "~/http/rating-request.server";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { readForm } from "~/http/form-body.server";
import { idFromText } from "~/http/params";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const response = await loadCounterPage(request, params.code);
  const page = response.data;
  const url = new URL(request.url);
  const token = url.searchParams.get("lanjut") ?? "";
  const continuing = token ? await ratingByToken(db(), token) : undefined;
  const service = idFromText(url.searchParams.get("layanan"));
  const officer = url.searchParams.get("petugas");
  return {
    ...page,
    continuing: continuing && continuing.kind === "quick" && !continuing.upgraded_at ? token : "",
    selectedService: service ?? undefined,
    selectedOfficer: officer === "unknown" || idFromText(officer) === null ? ("unknown" as const) : idFromText(officer)!,
    visitCode: url.searchParams.get("v") ?? page.visitCode,
    title: await pageTitle(request, "ratings.titles.survey", { unit: page.counter.unitName }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const counter = await counterByCode(db(), params.code ?? "");
  if (!counter) throw new Response("Not Found", { status: 404 });
  const form = await readForm(request);
  const continuing = String(form.get("continuing") ?? "");
  if (continuing) {
    const rating = await ratingByToken(db(), continuing);
    if (!rating || rating.counter_id !== counter.id) return data({ errors: { _form: "ratings.errors.upgrade" } }, { status: 400 });
    // The visit's service and officer stay as the quick rating recorded them.
    form.set("serviceId", String(rating.service_id));
    form.set("officer", rating.officer_id ? String(rating.officer_id) : "unknown");
  }
  const parsed = parseForm(ratingSubmissionSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  if (continuing) {
    const result = await completeQuickRating(db(), continuing, parsed.data, now());
    if (!result.ok) return data({ errors: { _form: "ratings.errors.upgrade" } }, { status: 400 });
    return redirect(`/l/${counter.publicCode}/terima-kasih?t=${continuing}&ok=full`);
  }
  const outcome = await submitFromRequest(request, context, counter, parsed.data, "qr");
  if (!outcome.ok) return data({ errors: errorsForOutcome(outcome) }, { status: outcome.reason === "over_limit" ? 429 : 400 });
  return redirect(`/l/${counter.publicCode}/terima-kasih?t=${outcome.token}&ok=full`);
}

export default function FullSurvey() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const fieldErrors = Object.keys(errors).some((key) => key !== "_form");
  return (
    <div className="rating-page" data-offline-page="">
      <CounterHeader counter={page.counter} />
      <h2>{t("ratings.fullSurvey")}</h2>
      <p className="muted small">
        {t("ratings.fullSurveyHint")} {t("ratings.anonymous")}
      </p>
      <form
        method="post"
        action={`/l/${page.counter.code}/survei`}
        className="rating-form"
        data-rating-form=""
        data-api={`/api/ratings/${page.counter.code}`}
        noValidate
      >
        <ErrorSummary errors={errors} />
        <input type="hidden" name="idempotencyKey" value={page.idempotencyKey} />
        <input type="hidden" name="kind" value="full" />
        <input type="hidden" name="continuing" value={page.continuing} />
        {page.visitCode ? <input type="hidden" name="visitCode" value={page.visitCode} /> : null}
        <Honeypot />
        {page.continuing ? null : (
          <>
            <ServiceChoice services={page.services} selected={page.selectedService} error={errors.serviceId} />
            <OfficerChoice officers={page.officers} selected={page.selectedOfficer} error={errors.officer} />
          </>
        )}
        <ElementQuestions errors={errors} />
        <ProfileFields errors={errors} />
        <CommentField error={errors.comment} />
        <FormMessage error={errors._form} focus={!fieldErrors} />
        <div className="send-status" data-queue-status="" role="status" aria-live="polite" />
        <div className="form-actions">
          <button type="submit">{t("ratings.sendSurvey")}</button>
        </div>
      </form>
      <ClientTexts />
    </div>
  );
}

export function ErrorBoundary() {
  return <UnknownCounter />;
}
