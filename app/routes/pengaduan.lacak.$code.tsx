import { redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { now } from "~/platform/clock.server";
import { respondAsCitizen, trackComplaint } from "~/data/complaints/tracking.server";
import { hitLimit, LIMITS } from "~/data/rate-limits.server";
import { clientAddressOf } from "~/http/client-address";
import { db } from "~/platform/db.server";
import { formatTrackingCode, normaliseTrackingCode } from "~/domain/complaint-tracking-code";
import type { HandlingRating } from "~/domain/complaint-lifecycle";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useRootData } from "~/root";
import { parseForm } from "~/http/forms";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { pageTitle } from "~/ui/page-title";
import { readForm } from "~/http/form-body.server";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "complaints.track.title") }, { name: "robots", content: "noindex" }];

// Lookups are counted per client address (the trusted-proxy rule), so guessing codes is hopeless while a
// citizen reloading their page is never stopped.
async function lookup(context: AppLoadContext, typed: string | undefined) {
  const limited = await hitLimit(db(), LIMITS.tracking, clientAddressOf(context), now());
  if (!limited.allowed) throw new Response("Too Many Requests", { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  const code = normaliseTrackingCode(typed ?? "");
  return code ? { code, view: await trackComplaint(db(), code, now()) } : { code: null, view: null };
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { view } = await lookup(context, params.code);
  // Unknown and malformed codes get the same page and message.
  if (!view) throw redirect(`/pengaduan/lacak?salah=${encodeURIComponent((params.code ?? "").slice(0, 40))}`);
  return { view };
}

const responseSchema = z.object({
  satisfied: z.enum(["yes", "no"]),
  reason: z.string().trim().max(2000, "form.tooLong").optional(),
  handlingRating: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).max(4).optional()),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { code, view } = await lookup(context, params.code);
  if (!code || !view) throw new Response("Not Found", { status: 404 });
  const parsed = parseForm(responseSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors };
  const { satisfied, reason, handlingRating } = parsed.data;
  if (satisfied === "no" && !reason) return { errors: { reason: "form.required" } };
  const result = await respondAsCitizen(
    db(),
    code,
    { satisfied: satisfied === "yes", reason: reason ?? null, handlingRating: (handlingRating ?? null) as HandlingRating | null },
    now(),
  );
  if (!result.ok) return { errors: { _form: `complaints.errors.refusals.${result.reason}` } };
  return redirect(`/pengaduan/lacak/${formatTrackingCode(code)}?terima=1`);
}

export default function TrackedComplaint() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const zone = view.timeZone;
  const responses = view.history.filter((entry) => entry.type === "follow_up" || entry.type === "not_our_authority" || entry.type === "postpone");
  return (
    <div className="narrow">
      <h1>{t("complaints.track.title")}</h1>
      {params.get("baru") ? (
        <div className="notice ok" role="status">
          <p>
            <strong>{t("complaints.track.created")}</strong>
          </p>
          <p>{t("complaints.track.createdHint")}</p>
        </div>
      ) : null}
      {params.get("terima") ? (
        <p className="notice ok" role="status">
          {t("complaints.track.thanks")}
        </p>
      ) : null}
      {/* Without JavaScript the code is text that one tap selects whole; the script shows the copy button. */}
      <p className="tracking-code-row">
        {t("complaints.track.yourCode")}:{" "}
        <strong className="tracking-code" id="tracking-code">
          {view.trackingCode}
        </strong>{" "}
        <button type="button" className="secondary" data-copy="tracking-code" data-copied={t("complaints.track.copied")} hidden>
          {t("complaints.track.copy")}
        </button>
        <span id="tracking-code-copied" aria-live="polite" className="small" />
      </p>

      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">
          {t("complaints.track.statusNow")}: {t(`complaints.status.${view.status}`)}
        </h2>
        <p>{t(`complaints.statusExplain.${view.status}`)}</p>
        {view.running ? (
          <p>
            <strong>{t("complaints.track.whatNext")}:</strong> {t(`complaints.track.due.${view.running.stage}`, { date: formatDate(locale, view.running.due, zone) })}
            {view.running.status === "late" ? <span className="muted"> {t("complaints.track.lateNote")}</span> : null}
          </p>
        ) : null}
        {view.closure === "auto_closed" ? <p>{t("complaints.track.closedAuto")}</p> : null}
        {view.showOmbudsman ? (
          <p className="notice warn" role="note">
            {t("complaints.track.ombudsman")}
          </p>
        ) : null}
      </section>

      {responses.length > 0 ? (
        <section aria-labelledby="responses-title">
          <h2 id="responses-title">{t("complaints.track.responses")}</h2>
          {responses.map((entry, index) => (
            <article className="card" key={index}>
              <p className="small muted">
                {t(`complaints.events.${entry.type}`)} · {formatDateTime(locale, entry.at, zone)}
              </p>
              <p style={{ whiteSpace: "pre-wrap" }}>{entry.text}</p>
            </article>
          ))}
        </section>
      ) : null}

      {view.mayRespond ? (
        <section className="card" aria-labelledby="respond-title">
          <h2 id="respond-title">{t("complaints.track.respondTitle")}</h2>
          {errors._form ? (
            <p className="notice error" role="alert">
              {t(errors._form)}
            </p>
          ) : null}
          <Form method="post" noValidate>
            {/* Neither answer is chosen for the citizen. */}
            <fieldset aria-describedby={errors.satisfied ? "satisfied-error" : undefined} data-field>
              <legend>{t("complaints.track.respondIntro")}</legend>
              {errors.satisfied ? (
                <p className="field-error" id="satisfied-error" data-error-for="satisfied">
                  {t("complaints.errors.chooseSatisfied")}
                </p>
              ) : null}
              <div className="choice-list">
                <label className="choice" htmlFor="satisfied-yes">
                  <input type="radio" id="satisfied-yes" name="satisfied" value="yes" />
                  <span>{t("complaints.track.satisfied")}</span>
                </label>
                <label className="choice" htmlFor="satisfied-no">
                  <input type="radio" id="satisfied-no" name="satisfied" value="no" />
                  <span>{t("complaints.track.notSatisfied")}</span>
                </label>
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="reason">{t("complaints.track.reason")}</label>
              <span className="hint" id="reason-hint">
                {t("complaints.track.reasonHint")}
              </span>
              <textarea id="reason" name="reason" rows={4} maxLength={2000} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? "reason-hint reason-error" : "reason-hint"} />
              {errors.reason ? (
                <p className="field-error" id="reason-error">
                  {t(errors.reason)}
                </p>
              ) : null}
            </div>
            <fieldset>
              <legend>{t("complaints.track.rating")}</legend>
              <div className="choice-list">
                {[1, 2, 3, 4].map((rating) => (
                  <label className="choice" htmlFor={`rating-${rating}`} key={rating}>
                    <input type="radio" id={`rating-${rating}`} name="handlingRating" value={rating} />
                    <span>{t(`complaints.track.ratings.${rating}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <p className="small muted">{view.reopenCount === 0 ? t("complaints.track.reopenNote") : t("complaints.track.ombudsman")}</p>
            <div className="form-actions">
              <button type="submit">{t("complaints.track.respondSubmit")}</button>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t("complaints.track.summary")}</h2>
        {view.lateFiling ? <p className="notice warn">{t("complaints.track.lateFiling")}</p> : null}
        <dl className="facts">
          <dt>{t("complaints.track.unit")}</dt>
          <dd>
            {view.unitName} · {view.agencyName}
          </dd>
          {view.responsibleUnitName ? (
            <>
              <dt>{t("complaints.track.responsibleUnit")}</dt>
              <dd>{view.responsibleUnitName}</dd>
            </>
          ) : null}
          <dt>{t("complaints.staff.category")}</dt>
          <dd>{t(`complaints.form.categories.${view.category}`)}</dd>
          <dt>{t("complaints.staff.visibility")}</dt>
          <dd>{t(`complaints.form.visibilities.${view.visibility}`)}</dd>
          <dt>{t("complaints.track.visitDate")}</dt>
          <dd>{formatDate(locale, `${view.visitDate}T12:00:00Z`, "UTC")}</dd>
          <dt>{t("complaints.track.submitted")}</dt>
          <dd>{formatDateTime(locale, view.submittedAt, zone)}</dd>
        </dl>
        <p style={{ whiteSpace: "pre-wrap" }} className="card">
          {view.body}
        </p>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("complaints.track.history")}</h2>
        <ol className="steps">
          {view.history.map((entry, index) => (
            <li key={index}>
              <strong>{t(`complaints.events.${entry.type}`)}</strong>
              {entry.type === "not_our_authority" && entry.text ? ` ${entry.text}` : null}
              {entry.type === "archive" && entry.archiveReason ? ` (${t(`complaints.archiveReasons.${entry.archiveReason}`)})` : null}
              {entry.type === "citizen_response" ? ` · ${entry.satisfied ? t("complaints.track.satisfiedAnswer") : t("complaints.track.notSatisfiedAnswer")}` : null}
              {entry.type === "citizen_response" && entry.handlingRating ? ` · ${t("complaints.track.rated", { rating: entry.handlingRating })}` : null}
              <span className="muted small"> · {formatDateTime(locale, entry.at, zone)}</span>
              {entry.type === "citizen_response" && entry.text ? <p className="small">{entry.text}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
